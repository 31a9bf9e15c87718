import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CredentialVendingOperations,
  GenerateCredentialReportResult,
  GetCredentialReportResult,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Clock, CLOCK } from '../common/clock';
import { awsTimestamp } from '../common/timestamps';
import { credentialReportCsv } from './credential-report.csv';
import { CredentialReportsRepository, StoredCredentialReport } from './credential-reports.repository';

/** IAM User Guide: a report is generated at most once every four hours and reused meanwhile. */
export const CREDENTIAL_REPORT_LIFETIME_MS = 4 * 60 * 60 * 1000;

const fresh = (report: StoredCredentialReport, now: number): boolean =>
  now - report.generatedAt.getTime() < CREDENTIAL_REPORT_LIFETIME_MS;

/** GetCredentialReport's refusals, in botocore's documentation's words (AWS's messages unconfirmed). */
export const CredentialReportErrors = {
  notPresent: (): ServiceError<'ReportNotPresent'> =>
    new ServiceError(
      'ReportNotPresent',
      'The credential report does not exist. To generate a credential report, use GenerateCredentialReport.',
    ),
  expired: (): ServiceError<'ReportExpired'> =>
    new ServiceError(
      'ReportExpired',
      'The most recent credential report has expired. To generate a new credential report, use GenerateCredentialReport.',
    ),
};

/**
 * IAM GenerateCredentialReport (ADR 0093): a report younger than four hours is reused (COMPLETE);
 * otherwise a new one is computed now, from one snapshot, and stored whole before the answer
 * (STARTED, as AWS answers a generation it starts), so GetCredentialReport never finds one in
 * progress. The account's report lock makes racing generations on any replica yield one report.
 */
@Injectable()
export class GenerateCredentialReportHandler implements OperationHandler<
  typeof CredentialVendingOperations.GenerateCredentialReport
> {
  constructor(
    @Inject(CredentialReportsRepository) private readonly reports: CredentialReportsRepository,
    @Inject(IamArns) private readonly arns: IamArns,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  execute(): Promise<GenerateCredentialReportResult> {
    return this.reports.locked(async (tx) => {
      const latest = await this.reports.latest(tx);
      const now = this.now();
      if (latest && fresh(latest, now)) return { State: 'COMPLETE' };
      const input = await this.reports.input(tx);
      const content = credentialReportCsv({ accountId: this.arns.accountId, ...input });
      await this.reports.store(tx, { content, generatedAt: new Date(now) });
      return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
    });
  }
}

/**
 * IAM GetCredentialReport (ADR 0093): the last report generated, base64, while it is younger than
 * four hours; ReportNotPresent before any generation, ReportExpired after.
 */
@Injectable()
export class GetCredentialReportHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetCredentialReport
> {
  constructor(
    @Inject(CredentialReportsRepository) private readonly reports: CredentialReportsRepository,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(): Promise<GetCredentialReportResult> {
    const report = await this.reports.latest();
    if (!report) throw CredentialReportErrors.notPresent();
    if (!fresh(report, this.now())) throw CredentialReportErrors.expired();
    return {
      Content: Buffer.from(report.content, 'utf8').toString('base64'),
      ReportFormat: 'text/csv',
      GeneratedTime: awsTimestamp(report.generatedAt),
    };
  }
}

import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AwsError } from '@idfed/aws-protocol';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { AdminSignatureVerifier } from '../cognito/admin-signature.verifier';
import { commandMeta } from '../http/command-meta';
import { readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';
import { OPERATION_LOCAL } from '../http/request-metrics';

/**
 * A user import job's log (ADR 0070): `GET /user-import/<pool>/<job>/log[?limit=&nextToken=]`,
 * signed with SigV4 for `cognito-idp` as any admin operation (the admin key, or an IAM user allowed
 * `cognito-idp:DescribeUserImportJob` on the pool). Where Cognito writes the rows it did not import
 * to CloudWatch Logs, idfed answers them here, in Cognito's log group and stream names and lines,
 * shaped like CloudWatch Logs' GetLogEvents answer. Errors are the JSON API's.
 */
@Controller('user-import')
export class UserImportLogController {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(AdminSignatureVerifier) private readonly signatures: AdminSignatureVerifier,
  ) {}

  @Get(':userPoolId/:jobId/log')
  async log(
    @Param('userPoolId') userPoolId: string,
    @Param('jobId') jobId: string,
    @Query('limit') limit: unknown,
    @Query('nextToken') nextToken: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    res.locals[OPERATION_LOCAL] = UserDirectoryOperations.GetUserImportJobLog.name;
    const body = await readRawBody(req);
    const signed = await this.signatures.verify(req, body, 'cognito-idp', []);
    if (
      (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,6}$/.test(limit))) ||
      (nextToken !== undefined && typeof nextToken !== 'string')
    ) {
      throw new AwsError('InvalidParameterException', 'limit must be a number and nextToken a single value.');
    }
    const payload = {
      UserPoolId: userPoolId,
      JobId: jobId,
      ...(limit === undefined ? {} : { Limit: Number(limit) }),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    };
    // Reading a job's log is reading the job: the same permission as DescribeUserImportJob.
    await this.signatures.authorizeIamUser(
      req,
      'cognito-idp',
      'DescribeUserImportJob',
      { UserPoolId: userPoolId, JobId: jobId },
      signed.region,
    );
    const result = await this.bus.request(
      UserDirectoryOperations.GetUserImportJobLog,
      payload,
      commandMeta(req, requestIdOf(res), signed.caller, signed.region),
    );
    res.status(200).type('application/json').send(JSON.stringify(result));
  }
}

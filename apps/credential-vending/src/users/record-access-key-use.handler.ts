import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CredentialVendingOperations,
  RecordAccessKeyUseRequest,
  RecordAccessKeyUseResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { USER_ACCESS_KEY_ID } from '@idfed/session-credentials';
import { Clock, CLOCK } from '../common/clock';
import { UsersRepository } from './users.repository';

/** A service's signing name and a region, as a verified signature's scope carries them. */
const SCOPE_PART = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * RecordAccessKeyUse (bus only, ADR 0078): a gateway replica saw an IAM user's key sign a request.
 * The row keeps the newest report only, whatever order the replicas' reports arrive in. The date is
 * kept to the minute, as IAM shows it (AWS's own example answers `2015-03-13T10:45:00Z`), and never
 * later than now: a gateway's clock ahead of this one cannot pin a date in the future.
 */
@Injectable()
export class RecordAccessKeyUseHandler implements OperationHandler<
  typeof CredentialVendingOperations.RecordAccessKeyUse
> {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: RecordAccessKeyUseRequest): Promise<RecordAccessKeyUseResult> {
    const usedAt = typeof req.UsedAt === 'string' ? Date.parse(req.UsedAt) : NaN;
    if (
      typeof req.AccessKeyId !== 'string' ||
      !USER_ACCESS_KEY_ID.test(req.AccessKeyId) ||
      !Number.isFinite(usedAt) ||
      typeof req.ServiceName !== 'string' ||
      !SCOPE_PART.test(req.ServiceName) ||
      typeof req.Region !== 'string' ||
      !SCOPE_PART.test(req.Region)
    ) {
      throw new Error('RecordAccessKeyUse: not an access key id, a time, a service and a region');
    }
    const at = Math.min(usedAt, this.now());
    const minute = new Date(at - (at % 60_000));
    const recorded = await this.users.recordAccessKeyUse(
      req.AccessKeyId,
      minute,
      req.ServiceName,
      req.Region,
    );
    return { Recorded: recorded };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  GetSessionTokenRequest,
  GetSessionTokenResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { StsErrors } from '../common/iam-errors';
import { LongTermKeySessions } from './long-term-key-session';

/**
 * STS GetSessionToken (ADR 0039): temporary credentials that carry the permissions of the IAM user
 * (or the root) whose long-term key asked. 900 to 129,600 seconds for a user (12 hours by
 * default), an hour at most for the root. idfed has no IAM MFA devices, so a request naming one
 * (SerialNumber / TokenCode) is refused with AWS's answer for a device not associated with the
 * user, rather than answered without the MFA it asked for.
 */
@Injectable()
export class GetSessionTokenUseCase implements OperationHandler<
  typeof CredentialVendingOperations.GetSessionToken
> {
  constructor(@Inject(LongTermKeySessions) private readonly sessions: LongTermKeySessions) {}

  async execute(req: GetSessionTokenRequest, meta: CommandMeta): Promise<GetSessionTokenResult> {
    const caller = await this.sessions.callerOf(meta.caller, 'GetSessionToken');
    if (req.SerialNumber !== undefined || req.TokenCode !== undefined) {
      throw StsErrors.accessDenied(
        'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
      );
    }
    const duration = this.sessions.durationFor(caller, req.DurationSeconds);
    return { Credentials: this.sessions.issue(caller, duration, 'session-token') };
  }
}

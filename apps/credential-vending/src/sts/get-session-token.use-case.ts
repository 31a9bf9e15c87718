import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  GetSessionTokenRequest,
  GetSessionTokenResult,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { VirtualMfaDevices } from '../mfa/virtual-mfa-devices';
import { LongTermKeySessions } from './long-term-key-session';

/**
 * STS GetSessionToken (ADR 0039): temporary credentials that carry the permissions of the IAM user
 * (or the root) whose long-term key asked. 900 to 129,600 seconds for a user (12 hours by
 * default), an hour at most for the root. With SerialNumber and TokenCode (ADR 0072) the code is
 * checked against the user's virtual MFA device and used up, and the session carries when: its
 * requests then have `aws:MultiFactorAuthPresent` true and may call IAM, as on AWS. The root has no
 * IAM MFA device in idfed, so its requests naming one are refused as AWS refuses a serial number
 * not associated with the caller.
 */
@Injectable()
export class GetSessionTokenUseCase implements OperationHandler<
  typeof CredentialVendingOperations.GetSessionToken
> {
  constructor(
    @Inject(LongTermKeySessions) private readonly sessions: LongTermKeySessions,
    @Inject(VirtualMfaDevices) private readonly mfa: VirtualMfaDevices,
  ) {}

  async execute(req: GetSessionTokenRequest, meta: CommandMeta): Promise<GetSessionTokenResult> {
    const caller = await this.sessions.callerOf(meta.caller, 'GetSessionToken');
    const duration = this.sessions.durationFor(caller, req.DurationSeconds);
    const withMfa = req.SerialNumber !== undefined || req.TokenCode !== undefined;
    const mfaAuthenticatedAt = withMfa
      ? await this.mfa.authenticate(caller.root ? undefined : caller.id, req.SerialNumber, req.TokenCode)
      : undefined;
    return {
      Credentials: this.sessions.issue(caller, duration, 'session-token', {
        ...(mfaAuthenticatedAt !== undefined ? { mfaAuthenticatedAt } : {}),
      }),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthNewPasswordRequest,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { NewPasswordChallenge } from '../auth/new-password-challenge';
import { AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { BlockedAddresses, isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/**
 * The hosted page's answer to NEW_PASSWORD_REQUIRED: the sealed challenge session from the sign-in
 * page, the user's new password checked against the pool's policy, then signed in as after a password.
 */
@Injectable()
export class OAuthNewPasswordUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthNewPassword
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(NewPasswordChallenge) private readonly challenge: NewPasswordChallenge,
    @Inject(HostedSignIn) private readonly hosted: HostedSignIn,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: OAuthNewPasswordRequest, meta?: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const clientName = auth.client.name;
    const responses = { USERNAME: String(req.Username ?? ''), NEW_PASSWORD: String(req.NewPassword ?? '') };
    const again = (message: string): OAuthSignInOutcome => ({
      kind: 'new-password',
      session: String(req.Session ?? ''),
      username: responses.USERNAME,
      clientName,
      message,
    });
    if (!responses.NEW_PASSWORD) return again('Enter a new password.');
    try {
      // Threat protection's block list (ADR 0091), before the session is opened: a blocked answer
      // spends nothing, and the page stays as it was.
      await this.blocked.refuseBlocked(auth.pool, auth.client.id, meta?.sourceIp);
      const claim = await this.challenge.claim(auth, req.Session, responses);
      const user = await this.challenge.setNewPassword(auth, responses, claim.found);
      return await this.hosted.signedIn(auth, checked.request, user);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      if (isSecurityRefusal(err)) return again(SECURITY_REFUSAL);
      if (err.errorName === 'InvalidPasswordException' || err.errorName === 'InvalidParameterException')
        return again((err.getError() as { message: string }).message);
      // A forged, expired or replayed session: sign in again.
      return { kind: 'login-failed', message: 'Your session has expired. Sign in again.', clientName };
    }
  }
}

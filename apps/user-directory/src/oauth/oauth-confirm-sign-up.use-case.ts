import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthConfirmSignUpRequest,
  OAuthSignInOutcome,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { ConfirmSignUpUseCase } from '../users/confirm-sign-up.use-case';
import { UsersRepository } from '../users/users.repository';
import { AuthorizeRequests } from './authorize-request';
import { HostedSignIn, secretHashFor } from './hosted-sign-in';
import { isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/**
 * What the confirmation page says for any refused code: never whether the user exists. A blocked
 * address (threat protection, ADR 0091) is refused before any name is looked at: its words are the
 * same for every name.
 */
export function codePageMessage(err: ServiceError): string {
  if (isSecurityRefusal(err)) return SECURITY_REFUSAL;
  const name: string = err.errorName;
  if (name === 'LimitExceededException' || name === 'TooManyRequestsException')
    return 'Attempt limit exceeded, please try after some time.';
  return 'Invalid verification code provided, please try again.';
}

/**
 * The hosted confirmation page (ADR 0026): ConfirmSignUp as the API runs it. Right after the sign-up
 * page (its sealed session names the new user), a right code continues the authorization request
 * signed in, through the MFA pages if the pool asks; reached otherwise, the sign-in page follows.
 */
@Injectable()
export class OAuthConfirmSignUpUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthConfirmSignUp
> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(ConfirmSignUpUseCase) private readonly confirm: ConfirmSignUpUseCase,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(HostedSignIn) private readonly hosted: HostedSignIn,
  ) {}

  async execute(req: OAuthConfirmSignUpRequest, meta: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    const clientName = auth.client.name;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const code = typeof req.Code === 'string' ? req.Code.trim() : '';
    const session = typeof req.Session === 'string' ? req.Session : '';
    const again = (message: string): OAuthSignInOutcome => ({
      kind: 'confirm',
      clientName,
      username,
      session,
      message,
    });
    if (!username || !code) return again('Enter your username and the code you received.');
    try {
      await this.confirm.execute(
        {
          ClientId: auth.client.id,
          Username: username,
          ConfirmationCode: code,
          ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
        },
        meta,
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      return again(codePageMessage(err as ServiceError));
    }
    const opened = this.seal.open<{ sub: string }>('hosted-sign-up-session', auth.client.id, session);
    const user = opened.ok ? await this.users.findBySub(opened.value.sub) : undefined;
    if (!user || user.poolId !== auth.pool.id || user.status !== 'CONFIRMED') {
      return { kind: 'login-notice', clientName, notice: 'Your account is confirmed. Sign in.' };
    }
    return this.hosted.signedIn(auth, checked.request, user);
  }
}

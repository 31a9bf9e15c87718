import { Inject, Injectable } from '@nestjs/common';
import { OAuthSignInOutcome, OAuthSignInRequest, UserDirectoryOperations } from '@idfed/contracts';
import { isTriggerError } from '../triggers/trigger-caller';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { PasswordSignIn } from '../auth/flows/password-sign-in';
import { UserEntity } from '../database/entities';
import { AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { poolPasswordsRefused, takesPoolPasswords } from './pool-passwords';

/** What the sign-in page says after a refusal: never whether the user exists. */
function pageMessage(err: ServiceError): string {
  const name: string = err.errorName;
  // A trigger's refusal is the pool's own message to its users, shown as Cognito's pages show it.
  if (isTriggerError(err)) return err.message;
  return name === 'LimitExceededException' || name === 'TooManyRequestsException'
    ? 'Password attempts exceeded. Try again later.'
    : 'Incorrect username or password.';
}

/**
 * POST /login: the username and password of the hosted sign-in page, checked as USER_PASSWORD_AUTH
 * checks them (the same lockout), for the authorization request the page carries.
 */
@Injectable()
export class OAuthSignInUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthSignIn> {
  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(PasswordSignIn) private readonly passwords: PasswordSignIn,
    @Inject(HostedSignIn) private readonly hosted: HostedSignIn,
  ) {}

  async execute(req: OAuthSignInRequest): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    if (!takesPoolPasswords(checked.auth)) return poolPasswordsRefused(checked.auth);
    const clientName = checked.auth.client.name;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const password = typeof req.Password === 'string' ? req.Password : '';
    if (!username || !password || username.length > 128 || password.length > 256) {
      return { kind: 'login-failed', message: 'Incorrect username or password.', clientName };
    }
    let user: UserEntity;
    try {
      // An unknown name takes a user's path (counted, PreAuthentication, a hash) whatever the
      // client's PreventUserExistenceErrors: the page never tells, in words or in time (ADR 0037).
      user = await this.passwords.verify(checked.auth, { username, password }, { hideExistence: true });
    } catch (err) {
      if (err instanceof ServiceError)
        return { kind: 'login-failed', message: pageMessage(err as ServiceError), clientName };
      throw err;
    }
    return this.hosted.afterPassword(checked.auth, checked.request, user);
  }
}

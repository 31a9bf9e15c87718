import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthSignInOutcome,
  OAuthSignInRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { isTriggerError } from '../triggers/trigger-caller';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { PasswordSignIn } from '../auth/flows/password-sign-in';
import { UserEntity } from '../database/entities';
import { AuthorizeRequests } from './authorize-request';
import { HostedSignIn } from './hosted-sign-in';
import { poolPasswordsRefused, takesPoolPasswords } from './pool-passwords';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { BlockedAddresses, isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/** Threat protection's sign-in outcome of a page the password led to (ADR 0083); none for a refusal. */
function signInResponse(outcome: OAuthSignInOutcome): 'Pass' | 'InProgress' | undefined {
  if (outcome.kind === 'signed-in') return 'Pass';
  return outcome.kind === 'mfa' || outcome.kind === 'new-password' ? 'InProgress' : undefined;
}

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
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async execute(req: OAuthSignInRequest, meta?: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    if (!takesPoolPasswords(checked.auth)) return poolPasswordsRefused(checked.auth);
    const clientName = checked.auth.client.name;
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const password = typeof req.Password === 'string' ? req.Password : '';
    if (!username || !password || username.length > 128 || password.length > 256) {
      return { kind: 'login-failed', message: 'Incorrect username or password.', clientName };
    }
    const context = { sourceIp: meta?.sourceIp, userAgent: meta?.userAgent };
    return this.events.within(context, async () => {
      let user: UserEntity;
      try {
        // Threat protection's block list (ADR 0083), before the name is looked at.
        await this.blocked.refuseBlocked(checked.auth.pool, checked.auth.client.id, context.sourceIp);
        // An unknown name takes a user's path (counted, PreAuthentication, a hash) whatever the
        // client's PreventUserExistenceErrors: the page never tells, in words or in time (ADR 0037).
        // A user's wrong password is recorded as a failed sign-in, after the answer.
        user = await this.passwords.verify(
          checked.auth,
          { username, password },
          { hideExistence: true, recordFailure: true },
        );
      } catch (err) {
        if (isSecurityRefusal(err)) return { kind: 'login-failed', message: SECURITY_REFUSAL, clientName };
        if (err instanceof ServiceError)
          return { kind: 'login-failed', message: pageMessage(err as ServiceError), clientName };
        throw err;
      }
      const outcome = await this.hosted.afterPassword(checked.auth, checked.request, user);
      // The event of a page the password led to (tokens, or MFA / a new password still to come),
      // written after the answer.
      const response = signInResponse(outcome);
      if (response)
        this.events.record(checked.auth.pool, user, 'SignIn', response, [
          { ChallengeName: 'Password', ChallengeResponse: 'Success' },
        ]);
      return outcome;
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthSignInOutcome,
  OAuthSignUpRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { randomUUID } from 'node:crypto';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { AnswerTiming } from '../common/answer-timing';
import { PoolConfig } from '../pools/pool-config';
import { SignUpUseCase } from '../users/sign-up.use-case';
import { confirmsByLink } from '../users/confirmation-links';
import { maskDestination } from '../users/user-attributes';
import { confirmationChannel } from '../users/verification-codes';
import { AuthorizeRequests } from './authorize-request';
import { secretHashFor } from './hosted-sign-in';
import { poolPasswordsRefused, takesPoolPasswords } from './pool-passwords';
import { isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/** How long the confirmation page may sign the new user in: as long as a hosted session. */
export const SIGN_UP_SESSION_TTL_SECONDS = 3600;
const MAX_ATTRIBUTES = 25;

/** The attribute fields the sign-up page asks for: the pool's required ones and where codes go. */
export function signUpAttributes(config: PoolConfig): string[] {
  const names = config.schema.filter((a) => a.Required && a.Name && a.Name !== 'sub').map((a) => a.Name!);
  return [...new Set([...config.autoVerifiedAttributes, ...names])];
}

/**
 * The hosted sign-up page (ADR 0026): SignUp as the API runs it, for the client of the authorization
 * request. A name already taken is answered like a new one (the confirmation page, with the masked
 * address the form gave), so the page tells nobody who has an account; a refusal that does not
 * depend on existing users (password policy, attributes) is shown on the page. A taken name also
 * takes as long as a new one (ADR 0037): it stores and sends nothing, so it waits for as long as a
 * recent sign-up in the pool took.
 */
@Injectable()
export class OAuthSignUpUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthSignUp> {
  private readonly timing = new AnswerTiming();

  constructor(
    @Inject(AuthorizeRequests) private readonly requests: AuthorizeRequests,
    @Inject(SignUpUseCase) private readonly signUp: SignUpUseCase,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
  ) {}

  async execute(req: OAuthSignUpRequest, meta: CommandMeta): Promise<OAuthSignInOutcome> {
    const checked = await this.requests.check(req.UserPoolId, req.Params ?? {});
    if (!checked.ok) return checked.outcome;
    const { auth } = checked;
    if (!takesPoolPasswords(auth)) return poolPasswordsRefused(auth);
    const clientName = auth.client.name;
    const config = auth.pool.config;
    const page = (message?: string): OAuthSignInOutcome => ({
      kind: 'signup',
      clientName,
      attributes: signUpAttributes(config),
      ...(message ? { message } : {}),
    });
    if (req.Show) return page();
    const username = typeof req.Username === 'string' ? req.Username.trim() : '';
    const password = typeof req.Password === 'string' ? req.Password : '';
    if (!username || !password) return page('Username and password are required.');
    const given = Object.entries(req.Attributes ?? {}).filter(
      ([k, v]) => typeof k === 'string' && typeof v === 'string' && v.trim() !== '',
    );
    if (given.length > MAX_ATTRIBUTES) return page('Too many attributes.');
    const attributes = Object.fromEntries(given.map(([k, v]) => [k, v.trim()]));
    let sub: string;
    const startedAt = this.timing.start();
    try {
      const created = await this.signUp.execute(
        {
          ClientId: auth.client.id,
          Username: username,
          Password: password,
          UserAttributes: given.map(([Name, Value]) => ({ Name, Value: Value.trim() })),
          ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
        },
        meta,
      );
      sub = created.UserSub;
      this.timing.record(auth.pool.id, startedAt);
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      const name: string = (err as ServiceError).errorName;
      if (name === 'UsernameExistsException' || name === 'AliasExistsException') {
        // As if created: the same page, after as long, and a session that can never sign anyone in.
        sub = randomUUID();
        await this.timing.padFrom(auth.pool.id, startedAt);
      } else if (isSecurityRefusal(err)) {
        // Threat protection's block list (ADR 0083): refused before the name was looked at.
        return page(SECURITY_REFUSAL);
      } else if (name === 'NotAuthorizedException') {
        return page('Sign-up is not permitted for this user pool.');
      } else if (name === 'TooManyRequestsException' || name === 'LimitExceededException') {
        return page('Attempt limit exceeded, please try after some time.');
      } else {
        return page((err.getError() as { message?: string }).message ?? 'Sign-up failed.');
      }
    }
    // The address the form gave, masked: the same whether or not the name was taken.
    const channel = confirmationChannel(config, attributes);
    return {
      kind: 'confirm',
      clientName,
      username,
      session: this.seal.seal('hosted-sign-up-session', auth.client.id, { sub }, SIGN_UP_SESSION_TTL_SECONDS),
      ...(channel ? { destination: maskDestination(channel.destination) } : {}),
      // A link pool's email carries a link, not a code (ADR 0071): the page says to follow it.
      ...(channel?.medium === 'EMAIL' && confirmsByLink(config) ? { byLink: true } : {}),
    };
  }
}

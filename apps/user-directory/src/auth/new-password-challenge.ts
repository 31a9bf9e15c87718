import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { isUniqueViolation } from '@idfed/persistence';
import { UserEntity } from '../database/entities';
import { applyAttributeChanges } from '../users/attribute-changes';
import { PasswordCredentials } from '../users/password-credentials';
import { passwordPolicyViolation } from '../users/password-policy';
import { checkRequiredAttributes, userAttributesFromRequest } from '../users/user-attributes';
import { findUser } from '../users/user-lookup';
import { AuthSessionSeal } from './auth-session-seal';
import { ChallengeHandler, SignInClaim } from './flows/auth-flow';
import { NewPasswordSession, SignInCompletion } from './sign-in-completion';

const ATTRIBUTE_PREFIX = 'userAttributes.';

/**
 * The answer to NEW_PASSWORD_REQUIRED: the user who signed in with a temporary password sets
 * their own (and any required attributes they lack), becomes CONFIRMED, and gets tokens.
 */
@Injectable()
export class NewPasswordChallenge implements ChallengeHandler<UserEntity> {
  readonly challenge = 'NEW_PASSWORD_REQUIRED';

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
  ) {}

  /** Opens the Session and finds the user it was issued to, who must be the one USERNAME names. */
  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<UserEntity>> {
    const { NEW_PASSWORD: newPassword, USERNAME: username } = responses;
    if (!newPassword) throw CognitoErrors.invalidParameter('Missing required parameter NEW_PASSWORD');
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.seal.open<NewPasswordSession>('new-password-session', auth.client.id, session);
    if (!opened.ok) {
      throw CognitoErrors.notAuthorized(
        opened.reason === 'expired'
          ? 'Invalid session for the user, session is expired.'
          : 'Invalid session for the user.',
      );
    }
    const m = this.dataSource.manager;
    const pool = auth.pool;
    const found = await findUser(m, pool.id, pool.config, username);
    if (!found || found.sub !== opened.value.sub)
      throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return { secretHashNames: [username, found.username], found };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    found: UserEntity,
  ): Promise<RespondToAuthChallengeResponse> {
    const pool = auth.pool;
    const newPassword = responses.NEW_PASSWORD;

    const updates = userAttributesFromRequest(
      pool.config,
      Object.entries(responses)
        .filter(([k]) => k.startsWith(ATTRIBUTE_PREFIX))
        .map(([k, Value]) => ({ Name: k.slice(ATTRIBUTE_PREFIX.length), Value })),
    );
    const violation = passwordPolicyViolation(newPassword, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    const stored = await this.credentials.derive(pool.id, found.username, newPassword);

    let user: UserEntity;
    try {
      user = await this.dataSource.transaction(async (tx) => {
        const locked = await tx.findOne(UserEntity, {
          where: { sub: found.sub },
          lock: { mode: 'pessimistic_write' },
        });
        // Answered once only: a replayed Session finds the user no longer waiting for a password.
        if (!locked || locked.status !== 'FORCE_CHANGE_PASSWORD') {
          throw CognitoErrors.notAuthorized('Invalid session for the user.');
        }
        const changed = applyAttributeChanges(pool.config, locked, updates);
        checkRequiredAttributes(pool.config, changed.attributes);
        const values = {
          ...stored,
          attributes: changed.attributes,
          aliasKey: changed.aliasKey,
          status: 'CONFIRMED' as const,
          passwordExpiresAt: null,
          updatedAt: new Date(),
        };
        await tx.update(UserEntity, { sub: locked.sub }, values);
        return { ...locked, ...values };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw CognitoErrors.aliasExistsForAttribute();
      throw err;
    }
    return {
      ChallengeParameters: {},
      AuthenticationResult: await this.completion.startSession(auth.client, user),
    };
  }
}

import { checkWritable } from '../clients/attribute-permissions';
import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { applyAttributeChanges } from '../users/attribute-changes';
import { PasswordCredentials } from '../users/password-credentials';
import { PasswordHistory } from '../users/password-history';
import { passwordPolicyViolation } from '../users/password-policy';
import { checkRequiredAttributes, userAttributesFromRequest } from '../users/user-attributes';
import { UsersRepository } from '../users/users.repository';
import { AuthSessionSeal } from './auth-session-seal';
import { ChallengeHandler, SignInClaim } from './flows/auth-flow';
import { NewPasswordSession, SignInCompletion } from './sign-in-completion';

const ATTRIBUTE_PREFIX = 'userAttributes.';

/**
 * The answer to NEW_PASSWORD_REQUIRED: the user who signed in with a temporary password sets
 * their own (and any required attributes they lack), becomes CONFIRMED, and gets tokens (or the
 * MFA challenge that comes before them).
 */
@Injectable()
export class NewPasswordChallenge implements ChallengeHandler<UserEntity> {
  readonly challenge = 'NEW_PASSWORD_REQUIRED';

  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(PasswordHistory) private readonly history: PasswordHistory,
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
    const pool = auth.pool;
    const found = await this.users.findByName(pool.id, pool.config, username);
    if (!found || found.sub !== opened.value.sub)
      throw CognitoErrors.notAuthorized('Invalid session for the user.');
    return { secretHashNames: [username, found.username], found };
  }

  async answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    found: UserEntity,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    const user = await this.setNewPassword(auth, responses, found);
    // As after a password: a pool that uses MFA asks for the second factor (or its setup) next.
    // Tokens straight after the new password go to PreTokenGeneration as Cognito names the step.
    return this.completion.afterFirstFactor(
      auth,
      user,
      undefined,
      undefined,
      'TokenGeneration_NewPasswordChallenge',
      clientMetadata,
    );
  }

  /** The new password (and attributes) stored, the user CONFIRMED: the user as they are now. */
  async setNewPassword(
    auth: ClientForAuth,
    responses: Record<string, string>,
    found: UserEntity,
  ): Promise<UserEntity> {
    const pool = auth.pool;
    const newPassword = responses.NEW_PASSWORD;

    const updates = userAttributesFromRequest(
      pool.config,
      Object.entries(responses)
        .filter(([k]) => k.startsWith(ATTRIBUTE_PREFIX))
        .map(([k, Value]) => ({ Name: k.slice(ATTRIBUTE_PREFIX.length), Value })),
    );
    checkWritable(auth.client.config, Object.keys(updates));
    const violation = passwordPolicyViolation(newPassword, pool.config.passwordPolicy);
    if (violation) throw CognitoErrors.invalidPassword(violation);
    await this.history.refuseReuse(pool, found, newPassword);
    const stored = await this.credentials.derive(pool.id, found.username, newPassword);

    return this.transactions.run(async (tx) => {
      const locked = await this.users.findBySub(found.sub, tx, true);
      // Answered once only: a replayed Session finds the user no longer waiting for a password.
      if (!locked || locked.status !== 'FORCE_CHANGE_PASSWORD') {
        throw CognitoErrors.notAuthorized('Invalid session for the user.');
      }
      const changed = applyAttributeChanges(pool.config, locked, updates);
      checkRequiredAttributes(pool.config, changed.attributes);
      const updatedAt = new Date();
      const state = {
        attributes: changed.attributes,
        aliasKey: changed.aliasKey,
        pendingAttributes: changed.pendingAttributes ?? null,
        updatedAt,
      };
      // The alias a new attribute brings may be another user's: refused, and nothing changes.
      if ((await this.users.updateAttributes(locked.sub, state, tx)) === 'alias-exists') {
        throw CognitoErrors.aliasExistsForAttribute();
      }
      const confirmed = { ...stored, status: 'CONFIRMED' as const, passwordExpiresAt: null };
      await this.history.remember(pool, locked, tx);
      await this.users.update(locked.sub, confirmed, tx);
      return { ...locked, ...state, ...confirmed };
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  SignInFederatedUserRequest,
  SignInFederatedUserResponse,
  UserDirectoryOperations,
  UserDirectoryTopics,
  UserFederatedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { checkWritable } from '../clients/attribute-permissions';
import { ClientsService } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { schemaAttribute, valueViolation } from '../users/user-attributes';
import { usernameKey } from '../users/user-keys';
import { UsersRepository } from '../users/users.repository';
import { COGNITO_SUBJECT, FederatedIdentitiesRepository } from './federated-identities.repository';
import { FederatedUsers } from './federated-users';
import { FederationTriggers, ProviderTokens } from './federation-triggers';
import { NO_CLIENT, UserPoolTriggers } from '../triggers/user-pool-triggers';

function claimText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The user a verified provider sign-in becomes (ADR 0019): the user a link names (by
 * `Cognito_Subject` or a mapped attribute), else the federated user `<ProviderName>_<subject>`,
 * created on its first sign-in with `EXTERNAL_PROVIDER` and announced through the outbox. The
 * provider's AttributeMapping is applied at every sign-in, and `identities` kept in step.
 *
 * Triggers (ADR 0056): InboundFederation sees the provider's attributes before the mapping and may
 * replace them (never the subject: the user is decided before the call); PreSignUp
 * (`PreSignUp_ExternalProvider`) is asked before a federated user is first created, and its
 * refusal creates nothing; PostConfirmation (`PostConfirmation_ConfirmSignUp`) is told after.
 * No trigger is called inside a transaction. The app client's WriteAttributes must name every
 * mapped attribute (NotAuthorizedException "A client attempted to write unauthorized attribute").
 */
@Injectable()
export class SignInFederatedUserUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SignInFederatedUser
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(FederatedIdentitiesRepository) private readonly links: FederatedIdentitiesRepository,
    @Inject(FederatedUsers) private readonly federated: FederatedUsers,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(FederationTriggers) private readonly federationTriggers: FederationTriggers,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  /**
   * `tokens`: what the relying party (in this process) shows the InboundFederation trigger of the
   * provider's answer; never part of the bus request.
   */
  async execute(
    req: SignInFederatedUserRequest,
    meta: CommandMeta,
    tokens?: ProviderTokens,
  ): Promise<SignInFederatedUserResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ProviderName', { required: true, min: 1, max: 32 })
      .string('Subject', { min: 1, max: 2048 })
      .check();
    if (typeof req.Claims !== 'object' || req.Claims === null || Array.isArray(req.Claims)) {
      throw CognitoErrors.invalidParameter('Claims must be an object.');
    }
    const pool = await this.pools.require(req.UserPoolId);
    const found = await this.providers.find(pool.id, req.ProviderName);
    if (!found) throw CognitoErrors.providerNotFound();
    const mapping = found.provider.attributeMapping;
    const subject = req.Subject ?? claimText(req.Claims[mapping.username ?? 'sub']);
    if (!subject || subject.length > 2048)
      throw CognitoErrors.invalidParameter('The provider named no subject.');
    const username = `${found.provider.name}_${subject}`;
    const clientId = req.ClientId ?? NO_CLIENT;
    let claims: Record<string, unknown> = req.Claims;
    const answered = await this.federationTriggers.inboundFederation(
      pool,
      clientId,
      username,
      found.provider,
      providerAttributes(req.Claims),
      tokens,
    );
    if (answered) claims = answered;
    const mapped = mapAttributes(mapping, claims);
    // The app client must be allowed to write every mapped attribute (its WriteAttributes), as
    // Cognito requires: else the sign-in fails with nothing written.
    if (req.ClientId)
      checkWritable((await this.clients.forAuth(req.ClientId)).client.config, Object.keys(mapped));
    // Which user this is comes from what the provider said, never from the trigger's answer.
    const candidates = [
      { name: COGNITO_SUBJECT, value: subject },
      ...Object.entries(mapAttributes(mapping, req.Claims)).map(([name, value]) => ({ name, value })),
    ];
    const makes = !(await this.exists(pool, found.provider.name, candidates, username));
    // The pool's schema (ADR 0061): a value too long or of the wrong type fails the sign-in, with
    // Cognito's words for a new user or an update; nothing is cut short, nothing written.
    checkMappedValues(pool.config, mapped, makes);
    // PreSignUp before a federated user would be made: outside the transaction, as a Lambda call.
    const autoVerified: Record<string, string> = {};
    if (makes) {
      const answer = await this.triggers.preSignUp(
        pool,
        'PreSignUp_ExternalProvider',
        clientId,
        username,
        mapped,
        null,
      );
      // The answer verifies the new user's mapped email / phone (ADR 0061), applied only if this
      // sign-in does make the user: a user found (returning, linked) is never verified by it.
      if (answer.autoVerifyEmail && mapped.email !== undefined) autoVerified.email_verified = 'true';
      if (answer.autoVerifyPhone && mapped.phone_number !== undefined)
        autoVerified.phone_number_verified = 'true';
    }
    const now = new Date();
    const outcome = await this.transactions.run(async (tx) => {
      const linked = await this.links.resolve(pool.id, found.provider.name, candidates, tx);
      let user: UserEntity | undefined = linked ? await this.users.findBySub(linked, tx, true) : undefined;
      let created = false;
      if (!user) {
        if (await this.users.findByName(pool.id, pool.config, username, tx)) {
          // Its own identity was disabled (AdminDisableProviderForUser) while the user stays.
          throw CognitoErrors.notAuthorized('User is disabled for this provider.');
        }
        user = {
          sub: randomUUID(),
          poolId: pool.id,
          username,
          usernameKey: usernameKey(pool.config, username),
          aliasKey: null,
          passwordHash: null,
          srpSalt: null,
          srpVerifierEnc: null,
          passwordExpiresAt: null,
          status: 'EXTERNAL_PROVIDER',
          enabled: true,
          attributes: {},
          tokensValidAfter: null,
          createdAt: now,
          updatedAt: now,
        };
        if ((await this.users.insert(user, tx)) === 'exists') {
          throw CognitoErrors.notAuthorized('User is disabled for this provider.');
        }
        created = true;
      }
      if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
      if (!(await this.links.find(pool.id, found.provider.name, COGNITO_SUBJECT, subject, tx))) {
        await this.links.insert(
          {
            poolId: pool.id,
            providerName: found.provider.name,
            attributeName: COGNITO_SUBJECT,
            attributeValue: subject,
            userSub: user.sub,
            createdAt: now,
          },
          tx,
        );
      }
      // An immutable attribute is written when the user is made, never again (ADR 0061).
      user.attributes = await this.federated.refreshIdentities(
        user,
        tx,
        created ? { ...mapped, ...autoVerified } : mutableOnly(pool.config, mapped),
      );
      if (created) {
        const event: UserFederatedEvent = {
          userPoolId: pool.id,
          sub: user.sub,
          username,
          status: 'EXTERNAL_PROVIDER',
          providerName: found.provider.name,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.userFederated,
          key: user.sub,
          payload: event,
          correlationId: meta.requestId,
        });
      }
      return { user, created };
    });
    if (outcome.created) {
      this.outbox.nudge();
      await this.triggers.postConfirmation(pool, 'PostConfirmation_ConfirmSignUp', clientId, outcome.user);
    }
    return {
      Username: outcome.user.username,
      Sub: outcome.user.sub,
      UserStatus: outcome.user.status,
      Created: outcome.created,
    };
  }

  /** Whether this sign-in finds a user (linked, or the federated user itself) rather than making one. */
  private async exists(
    pool: { id: string; config: Parameters<UsersRepository['findByName']>[1] },
    providerName: string,
    candidates: { name: string; value: string }[],
    username: string,
  ): Promise<boolean> {
    const linked = await this.links.resolve(pool.id, providerName, candidates);
    if (linked && (await this.users.findBySub(linked))) return true;
    return (await this.users.findByName(pool.id, pool.config, username)) !== undefined;
  }
}

/** The pool attributes the provider's AttributeMapping makes of `claims`, as given (checked later). */
function mapAttributes(
  mapping: Record<string, string>,
  claims: Record<string, unknown>,
): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [attribute, claim] of Object.entries(mapping)) {
    if (attribute === 'username') continue;
    const value = claimText(claims[claim]);
    if (value !== undefined) mapped[attribute] = value;
  }
  return mapped;
}

/**
 * Mapped values against the pool's schema: types and lengths (`valueViolation`, Cognito's words),
 * as InvalidParameterException prefixed as Cognito prefixes a new user's ("Attributes did not
 * conform to the schema: ") or an update's ("Invalid user attributes: "). A name the schema does
 * not know is left to the mapping's own check (CreateIdentityProvider).
 */
export function checkMappedValues(config: PoolConfig, mapped: Record<string, string>, makes: boolean): void {
  for (const [name, value] of Object.entries(mapped)) {
    const attr = schemaAttribute(config, name);
    const violation = attr && valueViolation(attr, value);
    if (violation)
      throw CognitoErrors.invalidParameter(
        `${makes ? 'Attributes did not conform to the schema: ' : 'Invalid user attributes: '}${violation}`,
      );
  }
}

/** The mapped attributes a sign-in may change on an existing user: the schema's mutable ones. */
export function mutableOnly(config: PoolConfig, mapped: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(mapped).filter(([name]) => schemaAttribute(config, name)?.Mutable !== false),
  );
}

/** The provider's attributes as the InboundFederation event carries them: text values only. */
function providerAttributes(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    const text = claimText(value);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

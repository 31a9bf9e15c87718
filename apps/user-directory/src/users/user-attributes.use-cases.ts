import {
  AdminDeleteUserAttributesRequest,
  AdminDeleteUserAttributesResponse,
  AdminUpdateUserAttributesRequest,
  AdminUpdateUserAttributesResponse,
  CodeDeliveryDetailsType,
  DeleteUserAttributesRequest,
  DeleteUserAttributesResponse,
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
  UpdateUserAttributesRequest,
  UpdateUserAttributesResponse,
  VerifyUserAttributeRequest,
  VerifyUserAttributeResponse,
} from '@idfed/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { isUniqueViolation } from '../common/unique-violation';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity, VerificationCodeEntity } from '../database/entities';
import { confirmationMessage } from '../delivery/code-messages';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { MessageSender } from '../delivery/message-sender';
import { isKnownAttribute } from '../pools/pool-config';
import { PoolsService } from '../pools/pools.service';
import {
  applyAttributeChanges,
  deleteAttributes,
  UserAttributeState,
  VERIFIABLE,
  VerifiableAttribute,
} from './attribute-changes';
import { checkRequiredAttributes, userAttributesFromRequest } from './user-attributes';
import { findUser, lockUser } from './user-lookup';
import { CodeDigest } from './secrets-at-rest';
import {
  checkCode,
  CodeChannel,
  codeRefusal,
  consumeCode,
  deliveryDetails,
  issueCode,
} from './verification-codes';

function channelFor(attribute: VerifiableAttribute, destination: string): CodeChannel {
  return { medium: attribute === 'email' ? 'EMAIL' : 'SMS', attribute, destination };
}

function verifiable(name: string): VerifiableAttribute {
  if (!(VERIFIABLE as readonly string[]).includes(name)) {
    throw CognitoErrors.invalidParameter(
      `Attribute ${name} cannot be verified. Only email and phone_number can.`,
    );
  }
  return name as VerifiableAttribute;
}

/**
 * Reading and editing a user's attributes, by an administrator or by the user with their access
 * token: updates (a changed email or phone is unverified and gets a code, as in Cognito),
 * deletions, and the verification of email and phone with a code.
 */
export class UserAttributesUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
    private readonly tokens: AccessTokenVerifier,
    private readonly sender: MessageSender,
    private readonly attempts: AttemptLimiter,
    private readonly codes: CodeDigest,
  ) {}

  async adminUpdate(req: AdminUpdateUserAttributesRequest): Promise<AdminUpdateUserAttributesResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .attributeList('UserAttributes')
      .check();
    if (req.UserAttributes == null)
      RequestValidator.of(req).string('UserAttributes', { required: true }).check();
    const pool = await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const updates = userAttributesFromRequest(pool.config, req.UserAttributes, { admin: true });
    const user = await findUser(this.dataSource.manager, pool.id, pool.config, req.Username);
    if (!user) throw CognitoErrors.userNotFound();
    await this.change(pool, user.sub, updates);
    return {};
  }

  async update(req: UpdateUserAttributesRequest): Promise<UpdateUserAttributesResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .attributeList('UserAttributes')
      .check();
    if (req.UserAttributes == null)
      RequestValidator.of(req).string('UserAttributes', { required: true }).check();
    const user = await this.tokens.userOf(req.AccessToken);
    const pool = await this.poolOf(user);
    const updates = userAttributesFromRequest(pool.config, req.UserAttributes);
    const sent = await this.change(pool, user.sub, updates);
    return sent.length ? { CodeDeliveryDetailsList: sent } : {};
  }

  async adminDelete(req: AdminDeleteUserAttributesRequest): Promise<AdminDeleteUserAttributesResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .stringList('UserAttributeNames', { required: true })
      .check();
    const pool = await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const user = await findUser(this.dataSource.manager, pool.id, pool.config, req.Username);
    if (!user) throw CognitoErrors.userNotFound();
    await this.remove(pool, user.sub, req.UserAttributeNames);
    return {};
  }

  async delete(req: DeleteUserAttributesRequest): Promise<DeleteUserAttributesResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .stringList('UserAttributeNames', { required: true })
      .check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.remove(await this.poolOf(user), user.sub, req.UserAttributeNames);
    return {};
  }

  async getVerificationCode(
    req: GetUserAttributeVerificationCodeRequest,
  ): Promise<GetUserAttributeVerificationCodeResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('AttributeName', { required: true, min: 1, max: 32 })
      .check();
    const user = await this.tokens.userOf(req.AccessToken);
    const attribute = verifiable(req.AttributeName);
    const destination = user.attributes[attribute];
    if (!destination) throw CognitoErrors.invalidParameter(`User does not have the attribute ${attribute}.`);
    const pool = await this.poolOf(user);
    const channel = channelFor(attribute, destination);
    await this.dataSource.transaction(async (m) => {
      const code = await issueCode(m, user.sub, `verify-${attribute}`, this.codes);
      await deliverOrFail(
        this.sender,
        confirmationMessage(channel.medium, destination, code, pool.id, user.username),
      );
    });
    return { CodeDeliveryDetails: deliveryDetails(channel) };
  }

  async verify(req: VerifyUserAttributeRequest): Promise<VerifyUserAttributeResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('AttributeName', { required: true, min: 1, max: 32 })
      .string('Code', { required: true, min: 1, max: 2048, pattern: Patterns.code, secret: true })
      .check();
    const user = await this.tokens.userOf(req.AccessToken);
    const attribute = verifiable(req.AttributeName);
    const purpose = `verify-${attribute}` as const;
    const subject = userSubject(user);
    await this.attempts.begin('verify-attribute', subject);
    const check = await checkCode(this.dataSource.manager, user.sub, purpose, req.Code, this.codes);
    if (check !== 'match') throw codeRefusal(check, false);
    await this.dataSource.transaction(async (m) => {
      const locked = await lockUser(m, user.sub);
      // Taken by a concurrent request since the check: after it, this code is gone.
      if (!(await consumeCode(m, locked.sub, purpose, req.Code, this.codes)))
        throw codeRefusal('missing', false);
      if (!locked.attributes[attribute])
        throw CognitoErrors.invalidParameter(`User does not have the attribute ${attribute}.`);
      const attributes = { ...locked.attributes, [`${attribute}_verified`]: 'true' };
      await m.update(UserEntity, { sub: locked.sub }, { attributes, updatedAt: new Date() });
    });
    await this.attempts.succeeded('verify-attribute', subject);
    return {};
  }

  private poolOf(user: UserEntity): Promise<UserPoolEntity> {
    return this.dataSource.manager.findOneOrFail(UserPoolEntity, { where: { id: user.poolId } });
  }

  /** Applies updates in one transaction; codes for changed email or phone go out before it commits. */
  private async change(
    pool: UserPoolEntity,
    sub: string,
    updates: Record<string, string>,
  ): Promise<CodeDeliveryDetailsType[]> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const user = await lockUser(m, sub);
        const before = { ...user.attributes };
        const changed = applyAttributeChanges(pool.config, user, updates);
        checkRequiredAttributes(pool.config, changed.attributes);
        await this.save(m, user, changed);
        // A code sent to the old address must not verify the new one.
        for (const attribute of ['email', 'phone_number'] as const) {
          if (before[attribute] !== changed.attributes[attribute]) {
            await m.delete(VerificationCodeEntity, { userSub: sub, purpose: `verify-${attribute}` });
          }
        }
        const sent: CodeDeliveryDetailsType[] = [];
        for (const attribute of changed.toVerify) {
          const channel = channelFor(attribute, changed.attributes[attribute]);
          const code = await issueCode(m, sub, `verify-${attribute}`, this.codes);
          await deliverOrFail(
            this.sender,
            confirmationMessage(channel.medium, channel.destination, code, pool.id, user.username),
          );
          sent.push(deliveryDetails(channel));
        }
        return sent;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw CognitoErrors.aliasExistsForAttribute();
      throw err;
    }
  }

  private async remove(pool: UserPoolEntity, sub: string, names: string[]): Promise<void> {
    const unknown = names.find((n) => !isKnownAttribute(pool.config, n));
    if (unknown) throw CognitoErrors.invalidParameter(`Attribute does not exist in the schema: ${unknown}`);
    await this.dataSource.transaction(async (m) => {
      const user = await lockUser(m, sub);
      await this.save(m, user, deleteAttributes(pool.config, user, names));
    });
  }

  private async save(m: EntityManager, user: UserEntity, state: UserAttributeState): Promise<void> {
    await m.update(
      UserEntity,
      { sub: user.sub },
      { attributes: state.attributes, aliasKey: state.aliasKey, updatedAt: new Date() },
    );
  }
}

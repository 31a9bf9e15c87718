import { Inject, Injectable } from '@nestjs/common';
import { CodeDeliveryDetailsType } from '@idfed/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { isUniqueViolation } from '@idfed/persistence';
import { UserEntity, UserPoolEntity, VerificationCodeEntity } from '../database/entities';
import { confirmationMessage } from '../delivery/code-messages';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { MESSAGE_SENDER, MessageSender } from '../delivery/message-sender';
import { isKnownAttribute } from '../pools/pool-config';
import {
  applyAttributeChanges,
  deleteAttributes,
  UserAttributeState,
  VERIFIABLE,
  VerifiableAttribute,
} from './attribute-changes';
import { checkRequiredAttributes } from './user-attributes';
import { lockUser } from './user-lookup';
import { CodeDigest } from './secrets-at-rest';
import { CodeChannel, deliveryDetails, issueCode } from './verification-codes';

export function channelFor(attribute: VerifiableAttribute, destination: string): CodeChannel {
  return { medium: attribute === 'email' ? 'EMAIL' : 'SMS', attribute, destination };
}

export function verifiable(name: string): VerifiableAttribute {
  if (!(VERIFIABLE as readonly string[]).includes(name)) {
    throw CognitoErrors.invalidParameter(
      `Attribute ${name} cannot be verified. Only email and phone_number can.`,
    );
  }
  return name as VerifiableAttribute;
}

/**
 * What the attribute operations share: updates (a changed email or phone is unverified and gets a
 * code, as in Cognito) and deletions, each in one transaction, and the pool of a token's user.
 */
@Injectable()
export class UserAttributeEdits {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(CodeDigest) private readonly codes: CodeDigest,
  ) {}

  /** The pool of a user an access token named. */
  poolOf(user: UserEntity): Promise<UserPoolEntity> {
    return this.dataSource.manager.findOneOrFail(UserPoolEntity, { where: { id: user.poolId } });
  }

  /** Applies updates in one transaction; codes for changed email or phone go out before it commits. */
  async change(
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

  /** Deletes attributes (not required ones, as applyAttributeChanges decides) in one transaction. */
  async remove(pool: UserPoolEntity, sub: string, names: string[]): Promise<void> {
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

import { Inject, Injectable } from '@nestjs/common';
import { CodeDeliveryDetailsType } from '@idfed/contracts';
import { Transaction, Transactions } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity, UserPoolEntity } from '../database/entities';
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
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { CodeChannel, deliveryDetails, VerificationCodes } from './verification-codes';
import { eventAttributes, NO_CLIENT } from '../triggers/user-pool-triggers';

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
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
  ) {}

  /** The pool of a user an access token named. */
  poolOf(user: UserEntity): Promise<UserPoolEntity> {
    return this.lookup.requirePool(user.poolId);
  }

  /** Applies updates in one transaction; codes for changed email or phone go out before it commits. */
  async change(
    pool: UserPoolEntity,
    sub: string,
    updates: Record<string, string>,
    /** Who asked, as CustomMessage_UpdateUserAttribute is told (ADR 0043). */
    asked: { clientId: string; clientMetadata?: Record<string, string> } = { clientId: NO_CLIENT },
  ): Promise<CodeDeliveryDetailsType[]> {
    return this.transactions.run(async (tx) => {
      const user = await this.lookup.lockUser(sub, tx);
      const before = { ...user.attributes };
      const changed = applyAttributeChanges(pool.config, user, updates);
      checkRequiredAttributes(pool.config, changed.attributes);
      await this.save(user, changed, tx);
      // A code sent to the old address must not verify the new one (nor one to an earlier pending value).
      for (const attribute of ['email', 'phone_number'] as const) {
        if (
          before[attribute] !== changed.attributes[attribute] ||
          user.pendingAttributes?.[attribute] !== changed.pendingAttributes?.[attribute]
        ) {
          await this.codes.discard(sub, `verify-${attribute}`, tx);
        }
      }
      const sent: CodeDeliveryDetailsType[] = [];
      for (const attribute of changed.toVerify) {
        // A value waiting for verification is where its code goes (ADR 0044).
        const destination = changed.pendingAttributes?.[attribute] ?? changed.attributes[attribute];
        const channel = channelFor(attribute, destination);
        const code = await this.codes.issue(sub, `verify-${attribute}`, tx);
        await deliverOrFail(
          this.sender,
          confirmationMessage(channel.medium, channel.destination, code, pool, user.username, {
            source: 'UpdateUserAttribute',
            userAttributes: eventAttributes({ ...user, attributes: changed.attributes }),
            ...asked,
          }),
        );
        sent.push(deliveryDetails(channel));
      }
      return sent;
    });
  }

  /** Deletes attributes (not required ones, as applyAttributeChanges decides) in one transaction. */
  async remove(pool: UserPoolEntity, sub: string, names: string[]): Promise<void> {
    const unknown = names.find((n) => !isKnownAttribute(pool.config, n));
    if (unknown) {
      throw CognitoErrors.invalidParameter(
        `Invalid user attributes: user.${unknown}: Attribute does not exist in the schema.\n`,
      );
    }
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.lockUser(sub, tx);
      await this.save(user, deleteAttributes(pool.config, user, names), tx);
    });
  }

  /** Stores the new state; AliasExistsException when another user already signs in with the alias. */
  private async save(user: UserEntity, state: UserAttributeState, tx: Transaction): Promise<void> {
    const saved = await this.users.updateAttributes(
      user.sub,
      {
        attributes: state.attributes,
        aliasKey: state.aliasKey,
        pendingAttributes: state.pendingAttributes ?? null,
        updatedAt: new Date(),
      },
      tx,
    );
    if (saved === 'alias-exists') throw CognitoErrors.aliasExistsForAttribute();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { confirmationMessage } from '../delivery/code-messages';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { MESSAGE_SENDER, MessageSender } from '../delivery/message-sender';
import { deliveryDetails, VerificationCodes } from './verification-codes';
import { channelFor, UserAttributeEdits, verifiable } from './user-attribute-edits';
import { eventAttributes, NO_CLIENT } from '../triggers/user-pool-triggers';

/** GetUserAttributeVerificationCode: a code to verify the email or phone of the holder of an access token. */
@Injectable()
export class GetUserAttributeVerificationCodeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUserAttributeVerificationCode
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(VerificationCodes) private readonly codes: VerificationCodes,
    @Inject(UserAttributeEdits) private readonly edits: UserAttributeEdits,
  ) {}

  async execute(
    req: GetUserAttributeVerificationCodeRequest,
  ): Promise<GetUserAttributeVerificationCodeResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .string('AttributeName', { required: true, min: 1, max: 32 })
      .check();
    const { user, claims } = await this.tokens.verify(req.AccessToken);
    const attribute = verifiable(req.AttributeName);
    // A value waiting for verification (AttributesRequireVerificationBeforeUpdate) is the one to prove.
    const destination = user.pendingAttributes?.[attribute] ?? user.attributes[attribute];
    if (!destination) throw CognitoErrors.invalidParameter(`User does not have the attribute ${attribute}.`);
    const pool = await this.edits.poolOf(user);
    const channel = channelFor(attribute, destination);
    await this.transactions.run(async (tx) => {
      const code = await this.codes.issue(user.sub, `verify-${attribute}`, tx);
      await deliverOrFail(
        this.sender,
        confirmationMessage(channel.medium, destination, code, pool, user.username, {
          source: 'VerifyUserAttribute',
          clientId: typeof claims.client_id === 'string' ? claims.client_id : NO_CLIENT,
          userAttributes: eventAttributes(user),
          ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
        }),
      );
    });
    return { CodeDeliveryDetails: deliveryDetails(channel) };
  }
}

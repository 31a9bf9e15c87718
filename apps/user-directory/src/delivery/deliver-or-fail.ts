import { Logger } from '@nestjs/common';
import { CognitoErrors } from '../common/cognito-errors';
import { MessageSender, OutgoingMessage } from './message-sender';

const logger = new Logger('CodeDelivery');

/**
 * Sends a code message; a delivery failure becomes Cognito's CodeDeliveryFailureException (and,
 * since callers send inside their transaction, rolls the operation back). The reason is logged
 * without the message, which carries the code.
 */
export async function deliverOrFail(sender: MessageSender, message: OutgoingMessage): Promise<void> {
  try {
    await sender.send(message);
  } catch (err) {
    logger.warn(
      `could not deliver a ${message.medium} code for pool ${message.userPoolId}: ${(err as Error).message}`,
    );
    throw CognitoErrors.codeDeliveryFailed();
  }
}

import { Logger } from '@nestjs/common';
import { CognitoErrors } from '../common/cognito-errors';
import { isTriggerError } from '../triggers/trigger-caller';
import { MessageSender, OutgoingMessage } from './message-sender';

const logger = new Logger('CodeDelivery');

/**
 * Sends a code message; a message trigger's failure is its error (ADR 0030), a delivery failure becomes Cognito's CodeDeliveryFailureException (and,
 * since callers send inside their transaction, rolls the operation back). The reason is logged
 * without the message, which carries the code.
 */
export async function deliverOrFail(sender: MessageSender, message: OutgoingMessage): Promise<void> {
  try {
    await sender.send(message);
  } catch (err) {
    // A message trigger that failed (ADR 0043) fails the operation with its own error, as Cognito's.
    if (isTriggerError(err)) throw err;
    logger.warn(
      `could not deliver a ${message.medium} code for pool ${message.userPoolId}: ${(err as Error).message}`,
    );
    throw CognitoErrors.codeDeliveryFailed();
  }
}

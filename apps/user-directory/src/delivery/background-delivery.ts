import { Inject, Injectable, Logger } from '@nestjs/common';
import { MESSAGE_SENDER, MessageSender, OutgoingMessage } from './message-sender';

const logger = new Logger('CodeDelivery');

/** Beyond this many messages waiting, new ones are dropped (and logged): the caller may ask again. */
const MAX_WAITING = 10_000;

/**
 * Sends code messages after the request has been answered. Used where the time an answer takes must
 * not depend on whether a message went out (ForgotPassword, ResendConfirmationCode with
 * PreventUserExistenceErrors): SMTP or a file append costs milliseconds that a stranger could time
 * to learn a user exists. A failed send is logged without the message, which carries the code; the
 * user asks for a new code, as with any mail that does not arrive.
 */
@Injectable()
export class BackgroundDelivery {
  private waiting = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(@Inject(MESSAGE_SENDER) private readonly sender: MessageSender) {}

  enqueue(message: OutgoingMessage): void {
    this.enqueueWork(message.medium, message.userPoolId, () => this.sender.send(message));
  }

  /**
   * Runs `work` (whatever a message needs before it goes: storing its code, then sending it) after
   * the request has been answered, under the same limit and logging as `enqueue`.
   */
  enqueueWork(medium: string, userPoolId: string | undefined, work: () => Promise<void>): void {
    if (this.waiting >= MAX_WAITING) {
      logger.warn(`dropped a ${medium} code for pool ${userPoolId}: delivery queue full`);
      return;
    }
    this.waiting++;
    const sent: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((err: unknown) =>
        logger.warn(`could not deliver a ${medium} code for pool ${userPoolId}: ${(err as Error).message}`),
      )
      .finally(() => {
        this.waiting--;
        this.inFlight.delete(sent);
      });
    this.inFlight.add(sent);
  }

  /** Lets messages already accepted go out before the process stops. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}

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
   * Issues a code and sends its message after the answer (ADR 0068): `issue` draws and stores the
   * code, then the message `messageOf` makes of it goes out, so that whoever reads the message can
   * answer it. Neither the code's write nor building the message is on the request path.
   */
  enqueueIssued(
    medium: string,
    userPoolId: string,
    issue: () => Promise<string>,
    messageOf: (code: string) => OutgoingMessage,
  ): void {
    this.enqueueWork(medium, userPoolId, async () => {
      const code = await issue();
      await this.sender.send(messageOf(code));
    });
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

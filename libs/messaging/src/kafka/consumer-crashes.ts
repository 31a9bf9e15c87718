import { Logger } from '@nestjs/common';
import { Consumer } from 'kafkajs';
import { KafkaTransportOptions } from './kafka-options';
import {
  findGroupCoordinator,
  KafkaErrorCode,
  KafkaRequestError,
  leaveGroup,
  parseBroker,
} from './leave-group';

/** Between two tries while the broker or its group coordinator is away. */
const RETRY_MS = 250;
const REQUEST_TIMEOUT_MS = 2000;
/** A broker away for longer than this has bigger problems than one group's rebalance. */
const GIVE_UP_MS = 10 * 60_000;

const retriable = new Set<number>([
  KafkaErrorCode.coordinatorLoadInProgress,
  KafkaErrorCode.coordinatorNotAvailable,
  KafkaErrorCode.notCoordinator,
]);

/** Before starting a consumer again that kafkajs gave up on. */
const RESTART_AFTER_MS = 1000;

/**
 * What idfed does when kafkajs reports that a consumer crashed, as every consumer does when its
 * only broker goes away ("No broker available").
 *
 * - **The crashed member leaves its group.** kafkajs restarts the consumer under a new member id
 *   and cannot rejoin under the old one. The coordinator keeps the old member (it is stored with the
 *   group, so a restarted broker loads it again) until its session expires, and the group's next
 *   rebalance waits for it: after a broker restart every group waited out a whole session
 *   (IDFED_KAFKA_SESSION_TIMEOUT_MS) once the coordinator had loaded. This tells the coordinator
 *   that the old member left, as kafkajs would have done had the broker been there, retrying until
 *   the coordinator answers or the consumer has joined again (then the old member is gone anyway).
 * - **A consumer kafkajs gives up on starts again.** kafkajs restarts a consumer only after an
 *   error it deems retriable; some errors of a restarting broker are not (a coordinator lookup
 *   whose connection the broker closed ends in "Failed to find group coordinator"), and the consumer
 *   then stayed stopped while its process ran on, deaf. `run` starts it again. Only a consumer
 *   that had joined its group once is started again: a failure before that is the start-up's to
 *   report (see firstJoin).
 *
 * Returns a function that ends all of it (on close).
 */
export function recoverFromCrashes(
  consumer: Consumer,
  options: KafkaTransportOptions,
  groupId: string,
  run: () => Promise<void>,
): () => void {
  const logger = new Logger('KafkaRecovery');
  let memberId: string | undefined;
  let joinedOnce = false;
  let generation = 0; // a join ends the retries that began before it
  let closed = false;
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    memberId = payload.memberId;
    joinedOnce = true;
    generation++;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (closed) return;
    if (!payload.restart && joinedOnce) {
      logger.warn(`kafkajs stopped the consumer of ${groupId} (${payload.error.message}): starting it again`);
      setTimeout(() => {
        if (closed) return;
        run().catch((err: Error) =>
          logger.error(`could not start the consumer of ${groupId}: ${err.message}`),
        );
      }, RESTART_AFTER_MS).unref();
    }
    const crashed = memberId;
    if (!crashed) return; // never joined, or already being forgotten
    memberId = undefined;
    const mine = ++generation;
    void leaveWhenReachable(options, groupId, crashed, () => generation !== mine).then(
      (outcome) => {
        if (outcome === 'left')
          logger.log(`removed ${crashed} from ${groupId}: its consumer crashed and rejoins anew`);
      },
      (err: Error) => logger.warn(`could not remove ${crashed} from ${groupId}: ${err.message}`),
    );
  });
  return () => {
    closed = true;
    generation++;
  };
}

async function leaveWhenReachable(
  options: KafkaTransportOptions,
  groupId: string,
  memberId: string,
  cancelled: () => boolean,
): Promise<'left' | 'gone' | 'cancelled'> {
  const giveUpAt = Date.now() + GIVE_UP_MS;
  for (let attempt = 0; ; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
    if (cancelled()) return 'cancelled';
    try {
      const bootstrap = parseBroker(options.brokers[attempt % options.brokers.length]);
      const coordinator = await findGroupCoordinator(
        bootstrap,
        options.clientId,
        groupId,
        REQUEST_TIMEOUT_MS,
      );
      if (cancelled()) return 'cancelled';
      await leaveGroup(coordinator, options.clientId, groupId, memberId, REQUEST_TIMEOUT_MS);
      return 'left';
    } catch (err) {
      if (err instanceof KafkaRequestError) {
        if (err.code === KafkaErrorCode.unknownMemberId) return 'gone'; // expired, or kafkajs left
        if (!retriable.has(err.code)) throw err;
      }
      // otherwise the broker is still away (connection refused, closed, timed out): try again
      if (Date.now() > giveUpAt) throw err;
    }
  }
}

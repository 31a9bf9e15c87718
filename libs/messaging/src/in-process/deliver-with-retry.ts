/**
 * A failing consumer is retried with growing pauses, as a Kafka consumer would re-read the message.
 * After the last attempt the error propagates: the outbox keeps the event and relays it again later.
 */
export async function deliverWithRetry(
  deliver: () => Promise<void>,
  attempts = 5,
  firstDelayMs = 50,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deliver();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, firstDelayMs * 2 ** (attempt - 1)));
    }
  }
}

export interface EventuallyOptions {
  /** How long to keep trying before giving up with the last failure. */
  timeoutMs?: number;
  /** The pause between two tries. */
  intervalMs?: number;
}

/**
 * Runs `check` until it returns without throwing, and returns what it returned. Once `timeoutMs`
 * has passed it throws the last failure, so the report says what was still wrong rather than
 * "timed out". This is the one way the tests wait for something that happens after an answer (a
 * mail, an event consumed, a revocation spreading); a test never sleeps and then checks.
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 100 }: EventuallyOptions = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (performance.now() + intervalMs > deadline) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

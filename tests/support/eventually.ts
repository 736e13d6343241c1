/**
 * Polls `check` (every 50 ms, up to `timeoutMs`) until it stops throwing, and returns its result;
 * for state that settles shortly after the browser showed it (a row written by a background save).
 */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

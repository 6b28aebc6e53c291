import type { ResponseStore } from './store.js';

/**
 * Storage limitation: responses received more than `days` days ago are deleted, with their counts,
 * at start and then once a day. Several instances may run it at once: the delete is idempotent.
 */
export const DEFAULT_RETENTION_DAYS = 730;
const DAY_MS = 86_400_000;

/** The first UTC day that is kept. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

export async function startRetention(
  store: ResponseStore,
  { days, now = () => new Date() }: { days: number; now?: () => Date },
): Promise<{ stop(): void; deletedAtStart: number }> {
  const run = () => store.deleteReceivedBefore(retentionCutoff(now(), days));
  const deletedAtStart = await run();
  const timer = setInterval(() => {
    run().then(
      (deleted) => deleted > 0 && console.log(`collector: retention deleted ${deleted} responses received over ${days} days ago`),
      (error: unknown) => console.error(`collector: retention failed (${(error as Error).message}); trying again tomorrow`),
    );
  }, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), deletedAtStart };
}

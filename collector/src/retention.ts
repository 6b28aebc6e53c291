import type { ResponseStore } from './store.js';

/**
 * Daily upkeep, at start and then once a day. Storage limitation: responses received more than
 * `days` days ago are deleted, with their counts (0 days keeps everything). Then ANALYZE, so the
 * planner keeps choosing index scans for export pages and summaries: PGlite runs no autovacuum,
 * and without fresh statistics a keyset page can turn into a sort of the whole table. Several
 * instances may run it at once: the delete is idempotent and ANALYZE takes no blocking lock.
 */
export const DEFAULT_RETENTION_DAYS = 730;
const DAY_MS = 86_400_000;

/** The first UTC day that is kept. */
export function retentionCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

export async function startUpkeep(
  store: ResponseStore,
  { days, now = () => new Date(), purge = [] }: { days: number; now?: () => Date; purge?: Array<() => Promise<void>> },
): Promise<{ stop(): void; deletedAtStart: number }> {
  const run = async () => {
    const deleted = days > 0 ? await store.deleteReceivedBefore(retentionCutoff(now(), days)) : 0;
    // Expired staff sessions and used proof-of-work challenges.
    for (const task of purge) await task();
    await store.analyze();
    return deleted;
  };
  const deletedAtStart = await run();
  const timer = setInterval(() => {
    run().then(
      (deleted) => deleted > 0 && console.log(`collector: retention deleted ${deleted} responses received over ${days} days ago`),
      (error: unknown) => console.error(`collector: daily upkeep failed (${(error as Error).message}); trying again tomorrow`),
    );
  }, DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), deletedAtStart };
}

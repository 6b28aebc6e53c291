// Drives bench/entries/outbox.ts: 1,000 submissions stored while the collector is unreachable,
// then the whole queue delivered once it is back; checks the collector stored each id exactly once.
import { summary } from './stats.mjs';

/** The outbox bench page in a fresh context (own IndexedDB), ready to drive; page errors collected. */
export async function openOutboxPage(browser, pageUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => 'benchOutbox' in window);
  return { context, page, errors };
}

export async function measureOutbox(browser, { pageUrl, relay, collector, count = 1000, timeoutMs = 120_000 }) {
  const { context, page, errors } = await openOutboxPage(browser, pageUrl);
  try {
    const endpoint = `${relay.url}/responses`;

    relay.setOnline(false);
    const queued = await page.evaluate(({ endpoint, count }) => window.benchOutbox.enqueue(endpoint, count), { endpoint, count });

    relay.setOnline(true);
    const delivery = await page.evaluate(
      ({ endpoint, count, timeoutMs }) => window.benchOutbox.deliver(endpoint, count, timeoutMs),
      { endpoint, count, timeoutMs },
    );

    const stored = collector.storedIds();
    const submitted = new Set(queued.ids);
    const storedDistinct = new Set(stored);
    return {
      count,
      storage: queued.storage,
      pendingAfterEnqueue: queued.pending,
      enqueueMs: summary(queued.durations),
      deliverAllMs: delivery.finished ? delivery.ms : null,
      delivered: delivery.delivered,
      deliveredEvents: delivery.deliveredEvents,
      pendingAfterDelivery: delivery.pending,
      collectorRecords: stored.length,
      collectorDistinct: storedDistinct.size,
      missing: [...submitted].filter((id) => !storedDistinct.has(id)).length,
      exactlyOnce: stored.length === submitted.size && storedDistinct.size === submitted.size && [...submitted].every((id) => storedDistinct.has(id)),
      errors,
    };
  } finally {
    await context.close();
  }
}

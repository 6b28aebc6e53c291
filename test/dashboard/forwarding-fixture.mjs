// A scripted stand-in for the collector's onward-delivery staff routes (issue #24), mounted in
// web-test-runner's dev server beside staff-api-fixture.mjs: the shapes the collector answers
// (collector/src/forward/routes.ts), per bucket so tests do not share state. Access control is the
// collector's and is tested there (test/collector/forward.test.ts).
//
//   GET  /__forward/<bucket>/staff/forwarding          the destinations
//   POST /__forward/<bucket>/staff/forwarding/resend   {destination} → {requeued}
const initial = () => [
  { name: 'crm', survey: 'drop-in-visit', kind: 'webhook', host: 'crm.example.org', delivered: 120, waiting: 2, failed: 1, lastError: { status: 503, error: 'HTTP 503: upstream unavailable', at: '2026-12-01T10:00:00.000Z' } },
  { name: 'team', survey: 'drop-in-visit', kind: 'chat', host: 'hooks.slack.com', delivered: 14, waiting: 0, failed: 0, lastError: null },
];

export function forwardingFixture() {
  const buckets = new Map();
  return async (ctx, next) => {
    const match = /^\/__forward\/([\w-]+)\/staff\/forwarding(\/resend)?$/.exec(ctx.path);
    if (!match) return next();
    const [, bucket, resend] = match;
    if (!buckets.has(bucket)) buckets.set(bucket, initial());
    const destinations = buckets.get(bucket);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'application/json';
    if (!resend) {
      ctx.body = JSON.stringify({ destinations });
      return;
    }
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const { destination } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const row = destinations.find((d) => d.name === destination);
    if (!row) {
      ctx.status = 400;
      ctx.body = JSON.stringify({ error: 'unknown-destination' });
      return;
    }
    const requeued = row.failed;
    row.waiting += row.failed;
    row.failed = 0;
    ctx.body = JSON.stringify({ requeued });
  };
}

// Pieces of `npm run bench:collector`: collector processes, the POST load (autocannon), seeding a
// database with many responses in SQL, and timing a request.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { quantile } from './stats.mjs';

/** n, median, p95, min, max of a list of milliseconds (sorted once; fine for 100,000 values). */
export function summarize(values) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return { n: sorted.length, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

export const STAFF_TOKEN = randomBytes(24).toString('base64url');
export const SURVEY = 'website-demo';
const OPTIONS = ['emotional', 'social', 'information', 'practical', 'advocacy', 'wellness', 'crisis'];

/** A response the demo's website survey accepts, with a fresh id and varied answers. */
export function body() {
  const support = OPTIONS.filter(() => Math.random() < 0.3);
  return {
    id: randomUUID(),
    survey: { id: SURVEY, version: '1' },
    submittedAt: `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`,
    locale: 'en',
    answers: {
      support: support.length ? support : ['emotional'],
      helpful: 1 + Math.floor(Math.random() * 5),
      heard: ['yes', 'somewhat', 'no'][Math.floor(Math.random() * 3)],
      ...(Math.random() < 0.3 ? { comment: 'It helped to talk to someone who has been there.' } : {}),
    },
    tags: { programme: 'demo-site', channel: 'website' },
  };
}

/** Starts `collector/src/main.ts`; resolves `{ url, stop }` once it listens. */
export function startCollector(env) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'collector/src/main.ts'], {
    env: {
      ...process.env,
      COLLECTOR_PORT: '0',
      COLLECTOR_STAFF_TOKEN: STAFF_TOKEN,
      COLLECTOR_SURVEYS: 'demo/surveys',
      COLLECTOR_RATE_LIMIT: '0', // the load comes from one address; we time the store, not the limiter
      COLLECTOR_PUBLIC_SURVEYS: SURVEY, // its unfiltered summary without sign-in, as a public page asks for it
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start:\n${output}`)), 180_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /collector listening on (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`collector exited ${code}:\n${output}`));
    });
  });
}

/**
 * POSTs fresh responses for `seconds` over `connections` keep-alive connections, spread evenly over
 * `urls` (a client-side balancer). Every latency is kept, so p50/p95 are exact and can be merged
 * across targets (autocannon's own summary has p97.5, not p95). `onSend(id)` is told each id as it is sent.
 */
export async function postLoad(urls, { connections = 50, seconds = 10, onSend } = {}) {
  const latencies = [];
  const statuses = {};
  const runs = urls.map((url, index) => {
    const share = Math.floor(connections / urls.length) + (index < connections % urls.length ? 1 : 0);
    const instance = autocannon({
      url: `${url}/responses`,
      connections: share,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => {
            const next = body();
            onSend?.(next.id); // the onward-delivery bench times each id from here to its receiver
            return {
              ...request,
              headers: { 'content-type': 'application/json', 'idempotency-key': next.id },
              body: JSON.stringify(next),
            };
          },
        },
      ],
    });
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
    return new Promise((resolve, reject) => instance.once('done', resolve).once('error', reject));
  });
  const results = await Promise.all(runs);
  const errors = results.reduce((sum, result) => sum + result.errors + result.timeouts, 0);
  return {
    connections,
    instances: urls.length,
    seconds,
    acknowledged: statuses[201] ?? 0,
    perSecond: (statuses[201] ?? 0) / seconds,
    statuses,
    errors,
    latencyMs: summarize(latencies),
  };
}

/** Median and max of `runs` timed GETs (after one warm-up). */
export async function timeGet(url, runs = 10, headers = {}) {
  const once = async () => {
    const start = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - start;
  };
  await once();
  const times = [];
  for (let i = 0; i < runs; i += 1) times.push(await once());
  return summarize(times);
}

/**
 * Fills a migrated database with `count` responses received over the last year, and their counts,
 * in SQL (a million POSTs would take longer than the run). The counts are built from the rows the
 * same way the insert statement builds them, so the summary reads what a live collector would.
 */
export async function seed(databaseUrl, count) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const start = performance.now();
    await client.query(
      `INSERT INTO responses (id, survey_id, survey_version, received_day, submitted_at, locale, answers, tags)
       SELECT gen_random_uuid(), $1, '1', day, day::timestamptz, 'en',
         jsonb_build_object(
           'support', to_jsonb(ARRAY(SELECT o FROM unnest($3::text[]) WITH ORDINALITY AS u(o, k) WHERE ((i * 2654435761::bigint) >> k::int) % 3 = 0 OR k = 1 + i % 7)),
           'helpful', 1 + (i * 7) % 5,
           'heard', (ARRAY['yes', 'somewhat', 'no'])[1 + (i * 13) % 3]),
         '{"programme": "demo-site", "channel": "website"}'::jsonb
       FROM (SELECT i, current_date - (i % 365) AS day FROM generate_series(1, $2::int) AS i) AS s`,
      [SURVEY, count, OPTIONS],
    );
    const slot = '(get_byte(uuid_send(id), 0) >> 4)';
    const key = 'survey_id, survey_version, received_day, locale, tags';
    // Record keys come from the column's random default (migration 4); their sums go beside the counts.
    const keySum = 'sum(record_key) % 2147483648';
    await client.query(`INSERT INTO response_totals SELECT ${key}, ${slot}, count(*), ${keySum} FROM responses GROUP BY ${key}, ${slot}`);
    await client.query(
      `INSERT INTO question_totals SELECT ${key}, q.key, ${slot}, count(*), ${keySum}
       FROM responses CROSS JOIN jsonb_object_keys(answers) AS q(key) WHERE q.key <> 'comment' GROUP BY ${key}, q.key, ${slot}`,
    );
    await client.query(
      `INSERT INTO answer_counts SELECT ${key}, q.key, v.value, ${slot}, count(*), ${keySum}
       FROM responses CROSS JOIN jsonb_each(answers) AS q
       CROSS JOIN LATERAL (SELECT jsonb_array_elements_text(q.value) WHERE jsonb_typeof(q.value) = 'array'
                           UNION ALL SELECT q.value #>> '{}' WHERE jsonb_typeof(q.value) <> 'array') AS v(value)
       WHERE q.key <> 'comment' GROUP BY ${key}, q.key, v.value, ${slot}`,
    );
    await client.query('ANALYZE');
    const [{ rows }] = [await client.query('SELECT (SELECT count(*) FROM answer_counts)::int AS cells, (SELECT count(*) FROM responses)::int AS responses')];
    return { ms: performance.now() - start, ...rows[0] };
  } finally {
    await client.end();
  }
}

/** The plain alternative to pre-aggregation: GROUP BY over every stored response. */
export async function plainGroupBy(databaseUrl, runs = 3) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      await client.query(
        `SELECT v, count(*) FROM responses CROSS JOIN jsonb_array_elements_text(answers -> 'support') AS v WHERE survey_id = $1 GROUP BY v`,
        [SURVEY],
      );
      times.push(performance.now() - start);
    }
    return summarize(times);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`).finally(() => client.end());
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

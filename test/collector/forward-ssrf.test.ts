// The SSRF guard of onward delivery (catalogue item 61): a destination naming a private, loopback,
// link-local or metadata address, by IP, by a DNS name that resolves to one (an injected resolver:
// no DNS server is needed, and nothing is ever sent to a non-loopback address), or by a redirect to
// one → refused before connecting, and reported to staff. Real receivers on 127.0.0.1 only.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { Net, type Resolver } from '../../collector/src/forward/net.js';
import { parseForwardSettings } from '../../collector/src/forward/config.js';
import { engines, json, post, staff, submission, surveys, withCollector } from './helpers.js';
import { eventually, receiver, SECRET, settings } from './forward-helpers.js';

/** A resolver that answers what the test says: public-looking names pointing at guarded ranges (DNS rebinding). */
const resolver = (table: Record<string, string>): Resolver & { asked: string[] } => {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const address = table[hostname];
    if (!address) throw Object.assign(new Error(`${hostname} not found`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return Object.assign(resolve, { asked });
};

const request = (url: string) => ({ url: new URL(url), headers: { 'content-type': 'application/json' }, body: '{}', redirects: 'keep-method' as const });

describe('SSRF guard', () => {
  const names = resolver({ 'rebind.example.org': '10.0.0.7', 'metadata.example.org': '169.254.169.254', 'six.example.org': 'fd00::1', 'home.example.org': '127.0.0.1' });

  for (const [url, range] of [
    ['https://127.0.0.1/hook', /loopback/],
    ['https://169.254.169.254/latest/meta-data/', /linkLocal \(cloud metadata\)/],
    ['https://[::1]/hook', /loopback/],
    ['https://10.1.2.3/hook', /private/],
    ['https://192.168.1.20/hook', /private/],
    ['https://[::ffff:127.0.0.1]/hook', /loopback/],
    ['https://100.100.100.200/', /carrierGradeNat/],
    ['https://rebind.example.org/hook', /resolves to 10\.0\.0\.7 \(private\)/],
    ['https://metadata.example.org/', /resolves to 169\.254\.169\.254/],
    ['https://six.example.org/', /resolves to fd00::1 \(uniqueLocal\)/],
    ['https://home.example.org/', /resolves to 127\.0\.0\.1 \(loopback\)/],
  ] as const) {
    test(`${url} is refused before connecting`, async () => {
      const net = new Net({ timeoutMs: 2000, allowLoopbackHttp: false, resolve: names });
      try {
        const result = await net.send(request(url));
        assert.equal(result.kind, 'refused');
        assert.match((result as { message: string }).message, range);
      } finally {
        net.close();
      }
    });
  }

  test('http:// is refused without the explicit loopback setting, and for any host but loopback with it', async () => {
    const plain = new Net({ timeoutMs: 2000, allowLoopbackHttp: false, resolve: names });
    const loopback = new Net({ timeoutMs: 2000, allowLoopbackHttp: true, resolve: names });
    try {
      assert.match(JSON.stringify(await plain.send(request('http://127.0.0.1:9/'))), /refused.*loopback/);
      assert.match(JSON.stringify(await loopback.send(request('http://rebind.example.org/'))), /refused.*https/);
      // With the setting, loopback is allowed; private ranges still are not.
      assert.match(JSON.stringify(await loopback.send(request('https://10.0.0.1/'))), /refused.*private/);
    } finally {
      plain.close();
      loopback.close();
    }
  });

  test('a redirect to a guarded address is refused: by IP, to metadata, and by a name that resolves to one', async () => {
    const targets = ['https://169.254.169.254/latest/meta-data/iam', 'https://10.0.0.9/', 'https://rebind.example.org/x', 'http://192.168.0.1/'];
    const sink = await receiver((r) => ({ status: 307, headers: { location: targets[Number(r.path.slice(1))]! } }));
    const net = new Net({ timeoutMs: 2000, allowLoopbackHttp: true, resolve: names });
    try {
      for (let i = 0; i < targets.length; i += 1) {
        const result = await net.send(request(`${sink.url}/${i}`));
        assert.equal(result.kind, 'refused', `redirect to ${targets[i]}`);
      }
      assert.equal(sink.received.length, targets.length, 'only the loopback receiver was ever reached');
      assert.ok(names.asked.includes('rebind.example.org'), 'the redirect target was resolved and checked');
    } finally {
      net.close();
      await sink.close();
    }
  });

  test('at most maxResponseBytes of an answer are read; a silent receiver times out', async () => {
    let finished: boolean | null = null;
    const big = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const write = () => {
        while (sent < 200 && res.write(chunk)) sent += 1; // 12.5 MiB if the client read it all
        if (sent < 200 && !res.destroyed) res.once('drain', write);
        else res.end();
      };
      res.on('close', () => (finished = res.writableFinished));
      write();
    });
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const net = new Net({ timeoutMs: 1000, allowLoopbackHttp: true, maxResponseBytes: 128 * 1024 });
    try {
      const result = await net.send(request(`http://127.0.0.1:${(big.address() as AddressInfo).port}/`));
      assert.equal(result.kind, 'response');
      assert.equal((result as { status: number }).status, 500);
      assert.equal((result as { snippet: string }).snippet, 'x'.repeat(200), 'a few bytes kept for the staff view');
      await eventually('the server sees the connection closed', () => finished !== null);
      assert.equal(finished, false, 'the client stopped reading at the cap');
      const quiet = await net.send(request(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`));
      assert.deepEqual(quiet, { kind: 'network', message: 'no answer within 1000 ms' });
    } finally {
      net.close();
      big.closeAllConnections();
      silent.closeAllConnections();
      big.close();
      silent.close();
    }
  });

  test('settings naming a guarded IP or a plain http URL are refused at start, naming the path', () => {
    const at = (url: string, allowLoopbackHttp = false) => () =>
      parseForwardSettings({ surveys: { 'after-call': { destinations: [{ name: 'x', kind: 'webhook', url, secrets: [SECRET] }] } } }, surveys(), { allowLoopbackHttp });
    assert.throws(at('https://169.254.169.254/'), /COLLECTOR_FORWARD\.surveys\["after-call"\]\.destinations\[0\]\.url: 169\.254\.169\.254 is a linkLocal \(cloud metadata\) address/);
    assert.throws(at('https://[::1]/'), /\[::1\] is a loopback address/);
    assert.throws(at('http://example.org/'), /destinations\[0\]\.url: must be https:\/\//);
    assert.throws(at('http://127.0.0.1:8080/'), /127\.0\.0\.1 is a loopback address/);
    assert.throws(at('http://localhost:8080/'), /must be https:\/\/ \(http only for a loopback test receiver\)/);
    assert.doesNotThrow(at('http://127.0.0.1:8080/', true));
  });
});

for (const { engine, skip } of engines) {
  test(`a destination whose name resolves to a metadata address is refused and reported to staff (${engine})`, { skip }, async () => {
    const collector = await withCollector(engine, {
      forward: {
        settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'crm', kind: 'webhook', url: 'https://hooks.example.org/in', secrets: [SECRET] }] } } }),
        resolve: resolver({ 'hooks.example.org': '169.254.169.254' }),
      },
    });
    try {
      assert.equal((await post(collector.url, submission())).status, 201);
      await eventually('dead-lettered', async () => (await collector.forwarding!.queue.counts())[0]!.failed === 1);
      const view = await json(await fetch(`${collector.url}/staff/forwarding`, { headers: staff }));
      assert.equal(view.destinations[0].host, 'hooks.example.org');
      assert.match(view.destinations[0].lastError.error, /hooks\.example\.org resolves to 169\.254\.169\.254 \(linkLocal \(cloud metadata\)\): refused/);
      const failed = await json(await fetch(`${collector.url}/staff/forwarding/failed?destination=crm`, { headers: staff }));
      assert.equal(failed.failed.length, 1);
      assert.equal(failed.failed[0].attempts, 1, 'refused once, not retried');
    } finally {
      await collector.stop();
    }
  });
}

// The README's Apps Script receiver, run as a reader would paste it, against what the collector
// really sends. Apps Script itself cannot run here, so its services are stand-ins that follow
// Google's reference (developers.google.com/apps-script/reference): `Utilities.base64Decode`,
// `newBlob(text).getBytes()` and `computeHmacSha256Signature(value, key)` work on Byte[] (signed
// bytes), `base64Encode(bytes)` is standard base64; a web app's `doPost(e)` gets the raw body as
// `e.postData.contents`, and its answer is reached by a 302 to a GET (the collector follows it).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import vm from 'node:vm';
import { post, submission, withCollector } from './helpers.js';
import { eventually, SECRET, settings } from './forward-helpers.js';

const signedBytes = (buffer: Buffer) => Array.from(buffer, (byte) => (byte > 127 ? byte - 256 : byte));

function appsScript(code: string) {
  const rows: unknown[][] = [];
  const warnings: string[] = [];
  const sheet = {
    getRange: () => ({
      createTextFinder: (text: string) => ({ matchEntireCell: () => ({ findNext: () => (rows.some((row) => row[0] === text) ? {} : null) }) }),
    }),
    appendRow: (row: unknown[]) => rows.push(row),
  };
  const output = (text: string) => ({ text, setMimeType: () => output(text) });
  const sandbox = {
    Utilities: {
      base64Decode: (text: string) => signedBytes(Buffer.from(text, 'base64')),
      base64Encode: (bytes: number[]) => Buffer.from(bytes.map((b) => b & 255)).toString('base64'),
      newBlob: (text: string) => ({ getBytes: () => signedBytes(Buffer.from(text, 'utf8')) }),
      computeHmacSha256Signature: (value: number[], key: number[]) =>
        signedBytes(createHmac('sha256', Buffer.from(key.map((b) => b & 255))).update(Buffer.from(value.map((b) => b & 255))).digest()),
    },
    LockService: { getScriptLock: () => ({ waitLock: () => undefined, releaseLock: () => undefined }) },
    SpreadsheetApp: { getActive: () => ({ getSheetByName: () => sheet }) },
    ContentService: { createTextOutput: output, MimeType: { JSON: 'json' } },
    console: { warn: (text: string) => warnings.push(text) },
    Date,
    JSON,
    Math,
  };
  vm.runInNewContext(`${code}\nthis.doPost = doPost;`, sandbox);
  return { doPost: (sandbox as unknown as { doPost(e: unknown): { text: string } }).doPost, rows, warnings };
}

test("the README's Apps Script receiver verifies what the collector signs, appends each response once, refuses a tampered one", async () => {
  const readme = readFileSync('README.md', 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('In Google Apps Script')))?.[1];
  assert.ok(code?.includes('function doPost'), 'README: no Apps Script block after "In Google Apps Script"');
  const script = appsScript(code!.replace("'whsec_…'", JSON.stringify(SECRET)));
  const bodies: string[] = [];
  let last = '';
  const web = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET') return res.writeHead(200, { 'content-type': 'application/json' }).end(last);
      const contents = Buffer.concat(chunks).toString('utf8');
      bodies.push(contents);
      last = script.doPost({ postData: { contents } }).text;
      res.writeHead(302, { location: '/echo' }).end();
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(web.address() as AddressInfo).port}/exec`;
  const collector = await withCollector('pglite', {
    forward: { settings: settings({ surveys: { 'after-call': { destinations: [{ name: 'sheet', kind: 'apps-script', url, secrets: [SECRET], fields: ['helped'] }] } } }) },
  });
  try {
    const body = submission({ answers: { helped: 'yes' } });
    assert.equal((await post(collector.url, body)).status, 201);
    await eventually('delivered', async () => (await collector.forwarding!.queue.counts())[0]!.delivered === 1);
    assert.equal(script.rows.length, 1);
    assert.equal(script.rows[0]![1], 'after-call');
    assert.equal(script.rows[0]![2], '{"helped":"yes"}');
    assert.equal(last, '{"ok":true}');
    // A retry (the same body again): appended once.
    script.doPost({ postData: { contents: bodies[0] } });
    assert.equal(script.rows.length, 1);
    // A tampered payload: refused and logged.
    const tampered = bodies[0]!.replace('\\"yes\\"', '\\"no\\"');
    assert.notEqual(tampered, bodies[0]);
    assert.equal(script.doPost({ postData: { contents: tampered } }).text, '{"ok":false}');
    assert.equal(script.warnings.length, 1);
  } finally {
    await collector.stop();
    web.closeAllConnections();
    web.close();
  }
});

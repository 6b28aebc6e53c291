// Every comparison of a secret goes through one constant-time helper (`sameSecret` in
// collector/src/secrets.ts). A route that compared the token with `===` would answer exactly the
// same, only faster for a wrong first character, so no ordinary test could catch it. Two checks that
// can: a scan of the collector's source for any other comparison of a secret-named value, and a
// behavioural one counting that every sign-in and every Bearer request reaches `timingSafeEqual`.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, mock, test } from 'node:test';
import { sameSecret } from '../../collector/src/secrets.js';
import { TOKEN, json, signIn, withCollector } from './helpers.js';

const source = fileURLToPath(new URL('../../collector/src', import.meta.url));
const SECRET_NAME = /token|secret|password|passphrase|signature|hmac|credential/i;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return (await Promise.all(entries.map((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)])))).flat().filter((path) => path.endsWith('.ts'));
}

/** Operands that compare something about a secret without comparing the secret itself. */
const harmless = (operand: string, before: string) => /typeof\s*$/.test(before) || /^(null|undefined)$/.test(operand) || /\.length$/.test(operand);

const OPERAND = String.raw`[\w$.?!\[\]'"]+`;
const EQUALITY = new RegExp(String.raw`(${OPERAND})\s*(===|!==|==|!=)\s*(${OPERAND})`, 'g');
const METHOD = new RegExp(String.raw`([\w$.?!\[\]'"()]+)\.(equals|compare|localeCompare|startsWith|endsWith|includes|indexOf)\(([^)]*)\)`, 'g');

/**
 * Every place in `file` that compares a secret-named value other than through sameSecret: an
 * equality operator with a secret-named operand, a Buffer or string method comparing one, or
 * `timingSafeEqual` anywhere but secrets.ts. (The TypeScript 7 package has no JavaScript parser API,
 * so this reads lines, with comments removed; a comparison split over lines is not seen.)
 */
export function secretComparisons(file: string, text: string): string[] {
  const found: string[] = [];
  const lines = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/(^|[^:])\/\/.*$/, '$1');
    const where = `${file}:${index + 1}: ${line.trim()}`;
    for (const match of line.matchAll(EQUALITY)) {
      const [, left, , right] = match;
      const before = line.slice(0, match.index);
      if (harmless(left!, before) || harmless(right!, '')) continue;
      if (SECRET_NAME.test(left!) || SECRET_NAME.test(right!)) found.push(where);
    }
    for (const match of line.matchAll(METHOD)) if (SECRET_NAME.test(`${match[1]} ${match[3]}`)) found.push(where);
    if (/\btimingSafeEqual\b/.test(line) && !file.endsWith('secrets.ts')) found.push(where);
  }
  return found;
}

describe('secrets are compared in one constant-time helper', () => {
  test('the scan finds the comparisons a careless edit would add', () => {
    const mutants = [
      'if (match[1] === sessions.options.staffToken) return next();',
      'if (body.token !== options.staffToken) return fail();',
      'const ok = given == secret;',
      'const ok = Buffer.from(token).equals(Buffer.from(expected));',
      "import { timingSafeEqual } from 'node:crypto';",
    ];
    for (const mutant of mutants) assert.equal(secretComparisons('routes.ts', mutant).length, 1, mutant);
    assert.deepEqual(secretComparisons('routes.ts', "if (typeof body?.token !== 'string' || token.length === 0 || secret === undefined) {}"), []);
  });

  test('collector/src compares no secret other than through sameSecret', async () => {
    const found = [];
    for (const path of await files(source)) found.push(...secretComparisons(relative(source, path), await readFile(path, 'utf8')));
    assert.deepEqual(found, []);
  });

  test('sameSecret: equal only for the same string, whatever the lengths', () => {
    assert.equal(sameSecret(TOKEN, TOKEN), true);
    for (const other of ['', TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.toUpperCase(), `${TOKEN.slice(0, -1)}\u0000`]) assert.equal(sameSecret(other, TOKEN), false, other);
  });

  test('every sign-in and every Bearer request is decided by timingSafeEqual', async () => {
    const collector = await withCollector('pglite');
    const counted = mock.method(crypto, 'timingSafeEqual');
    syncBuiltinESMExports(); // the collector's `import { timingSafeEqual }` now calls the counted one
    try {
      const calls = async (request: () => Promise<Response>) => {
        const before = counted.mock.callCount();
        const res = await request();
        await res.body?.cancel();
        return { status: res.status, compared: counted.mock.callCount() - before };
      };
      const bearer = (token: string) => () => fetch(`${collector.url}/export.json?survey=after-call`, { headers: { authorization: `Bearer ${token}` } });
      const signInWith = (token: string) => () =>
        fetch(`${collector.url}/staff/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(collector.url).origin }, body: JSON.stringify({ token }) });
      assert.deepEqual(await calls(bearer(TOKEN)), { status: 200, compared: 1 });
      assert.deepEqual(await calls(bearer(`${TOKEN.slice(0, -1)}x`)), { status: 401, compared: 1 });
      assert.deepEqual(await calls(signInWith(TOKEN)), { status: 201, compared: 1 });
      assert.deepEqual(await calls(signInWith(`${TOKEN.slice(0, -1)}x`)), { status: 401, compared: 1 });
      const cookie = await signIn(collector.url);
      const session = await calls(() => fetch(`${collector.url}/staff/session`, { headers: { cookie } }));
      assert.equal(session.status, 200, 'a session cookie is looked up by its hash, not compared');
      assert.equal((await json(await fetch(`${collector.url}/staff/session`, { headers: { cookie } }))).signedIn, true);
    } finally {
      counted.mock.restore();
      syncBuiltinESMExports();
      await collector.stop();
    }
  });
});

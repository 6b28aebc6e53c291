import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/database.js';

/**
 * A secret made at random by the first start and kept in SQL (`collector_secrets`), so every
 * instance and every restart uses the same one, whatever the staff token. Several instances
 * starting at once each offer a value; the first insert wins and all read back that one.
 */
export async function storedSecret(db: Queryable, name: string): Promise<string> {
  await db.query('INSERT INTO collector_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32).toString('base64url')]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM collector_secrets WHERE name = $1', [name]);
  if (!row) throw new Error(`The secret "${name}" could not be stored in collector_secrets.`);
  return row.value;
}

/**
 * The one way the collector compares a secret it was sent with the one it holds (the staff token as
 * Bearer or at sign-in). Hashing both first gives equal lengths, so the comparison takes the same time
 * whatever was sent, however long, and however much of it matches. test/collector/secrets.test.ts
 * fails if any other comparison of a secret appears in collector/src.
 */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/**
 * Whether a secret of the right length and alphabet is still easy to guess: few distinct characters,
 * under 64 bits by its own character frequencies, a shorter piece repeated, or mostly a run
 * (`abcd…`, `0000…1`). Random tokens (`openssl rand -base64 32`, even `-hex 12`) pass easily.
 */
export function guessable(secret: string): boolean {
  const counts = new Map<string, number>();
  for (const char of secret) counts.set(char, (counts.get(char) ?? 0) + 1);
  if (counts.size < 8) return true;
  let bits = 0;
  for (const count of counts.values()) bits -= count * Math.log2(count / secret.length);
  if (bits < 64) return true;
  for (let period = 1; period <= secret.length / 2; period += 1) {
    if (secret.length % period === 0 && secret.slice(0, period).repeat(secret.length / period) === secret) return true;
  }
  let steps = 0;
  for (let i = 1; i < secret.length; i += 1) if (Math.abs(secret.charCodeAt(i) - secret.charCodeAt(i - 1)) <= 1) steps += 1;
  return steps >= 0.75 * (secret.length - 1);
}

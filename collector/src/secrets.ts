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

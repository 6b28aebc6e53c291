/**
 * `postgrest`: a JSON row for PostgREST (and Supabase, which serves it) with
 * `Prefer: resolution=ignore-duplicates,return=minimal`: a row whose unique id is already there is
 * skipped, and the answer is 201 either way, so a retried response is stored once. `delivery.headers`
 * carries `apikey` and `Authorization`. No `Idempotency-Key` (PostgREST does not read it; the
 * unique id column dedupes). Redirects are never followed, as for `json`.
 */
import { jsonText, type DeliveryProfile } from '../profile.js';

export const PREFER = 'resolution=ignore-duplicates,return=minimal';

export const postgrestProfile: DeliveryProfile = {
  name: 'postgrest',
  shape: { flatten: 'with-fields', joinArrays: false },
  request: (payload, _id, context) => ({
    headers: { ...context.headers, Prefer: PREFER },
    body: { text: jsonText(payload), contentType: 'application/json' },
    mode: 'cors',
    redirect: 'manual',
  }),
  // 201 (stored or skipped as a duplicate), 409 (a unique id without the Prefer header): the standard reading.
  outcome: () => null,
};

/**
 * Record-key perturbation, the cell-key method of the ONS and the ABS (TableBuilder): each stored
 * response gets a random record key once, when it is received; a published figure's cell key is the
 * sum of its responses' keys modulo KEY_RANGE, and a fixed table turns (count, cell key) into the
 * noise added. So the same set of responses gets the same figure in every table, range and filter
 * (the key depends on the set, not on the question asked), asking again gives nothing new, and a
 * padder cannot choose where a figure flips: each response added moves the cell key to a new,
 * unknowable place, because the keys are drawn by the receiver and never leave it.
 *
 * The table here is unbiased random rounding to a multiple of `step`: a count with remainder r
 * goes up by step − r for the cell keys in the first r/step of the range and down by r for the rest.
 *
 *   count mod 5 | 0 | 1         | 2         | 3         | 4
 *   noise       | 0 | +4 or −1  | +3 or −2  | +2 or −3  | +1 or −4
 *   up for keys | — | first 1/5 | first 2/5 | first 3/5 | first 4/5
 *
 * Bounded (never more than step − 1 either way), zero-preserving (0 stays 0), unbiased (the mean
 * noise over the keys is 0), and every published figure is a multiple of `step`. Counts below k
 * never reach the table: they are suppressed first (./disclose.ts).
 */
export const KEY_RANGE = 2 ** 31;

/** A cell key from record keys (whole numbers in [0, KEY_RANGE)). */
export function cellKey(keys: Iterable<number>): number {
  let sum = 0;
  for (const key of keys) sum = (sum + key) % KEY_RANGE;
  return sum;
}

/** A record key from a uniform number in [0, 1): `recordKey(crypto-random)`; the receiver keeps it. */
export const recordKey = (uniform: number): number => Math.min(KEY_RANGE - 1, Math.floor(uniform * KEY_RANGE));

/** The perturbation table: the noise for a count and its cell key (see the table above). */
export function perturbation(count: number, key: number, step: number): number {
  const remainder = count % step;
  if (remainder === 0) return 0;
  // Up for the first remainder/step of the key range; compared in whole numbers, so no rounding error.
  return key * step < remainder * KEY_RANGE ? step - remainder : -remainder;
}

/** The published value of a count (not below k) with its cell key. */
export const perturbed = (count: number, key: number, step: number): number => count + perturbation(count, key, step);

/**
 * Compares a typed staff PIN with the configured one without returning early, so the time taken
 * does not reveal how many leading digits were right. The PIN never leaves the device.
 */
export function pinMatches(typed: string, expected: string): boolean {
  const length = Math.max(typed.length, expected.length);
  let difference = typed.length ^ expected.length;
  for (let index = 0; index < length; index++) {
    difference |= (typed.charCodeAt(index) || 0) ^ (expected.charCodeAt(index) || 0);
  }
  return difference === 0;
}

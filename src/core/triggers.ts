/**
 * When a dialog or slide-in survey opens by itself, all opt-in: after some time on the page
 * (`open-after="30s"`), or once the page is scrolled some way (`open-on="scroll:60%"`). Never on exit
 * intent. A "don't ask again" date, when the page enables it, is kept at day precision only.
 */
export type OpenTrigger = { kind: 'after'; ms: number } | { kind: 'scroll'; fraction: number };

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** `"30s"`, `"2m"`, `"1500ms"` → milliseconds; null when it is not a duration. */
export function parseDelay(value: string | null | undefined): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)\s*$/.exec(value ?? '');
  return match ? Math.round(Number(match[1]) * UNITS[match[2]!]!) : null;
}

/** `"scroll:60%"` → 0.6; null when it is not a scroll trigger. */
export function parseScrollTrigger(value: string | null | undefined): number | null {
  const match = /^\s*scroll\s*:\s*(\d{1,3})\s*%\s*$/.exec(value ?? '');
  const percent = match ? Number(match[1]) : NaN;
  return percent >= 0 && percent <= 100 ? percent / 100 : null;
}

/** The UTC day (`YYYY-MM-DD`) `days` after `now`: how long "don't ask again" lasts. */
export function dismissedUntil(now: number, days: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a stored "dismissed until" day is still ahead (or today). */
export function stillDismissed(until: string | null, now: number): boolean {
  return until !== null && /^\d{4}-\d{2}-\d{2}$/.test(until) && until >= new Date(now).toISOString().slice(0, 10);
}

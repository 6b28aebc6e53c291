/**
 * Config defaults, in one place: the zod schema applies them when it validates, and the renderer's
 * quick read (./read.ts) applies the same ones before validation has loaded.
 */
export const DEFAULTS = {
  question: { required: false },
  choice: { allowOther: false, otherMaxLength: 100 },
  rating: { min: 1, max: 5 },
  text: { multiline: false, maxLength: 500 },
  locales: ['en'],
  timeBucket: 'day',
  delivery: { timeoutMs: 15000 },
  // WCAG 2.2.1: at least 20 seconds to answer "Are you still there?".
  kiosk: { idleSeconds: 60, warningSeconds: 20, thankYouSeconds: 8, onIdle: 'discard', passTheTablet: false },
} as const;

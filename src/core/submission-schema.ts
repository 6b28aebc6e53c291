import './zod.js'; // jitless first (strict CSP)
import * as z from 'zod/mini';

/**
 * What a receiver gets: exactly these top-level keys and no others (anonymous by construction).
 * `answers` is keyed by question id; a choice question's free "other" text travels as `<id>.other`.
 */
export const answerValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);

export const submissionSchema = z.strictObject({
  /** Random UUID v4, fresh per response; also the Idempotency-Key. */
  id: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)),
  survey: z.strictObject({ id: z.string(), version: z.union([z.string(), z.number()]) }),
  /** ISO 8601, floored to the survey's time bucket. */
  submittedAt: z.iso.datetime(),
  locale: z.string(),
  answers: z.record(z.string(), answerValueSchema),
  tags: z.record(z.string(), z.string()),
});

export type AnswerValue = z.infer<typeof answerValueSchema>;
export type Submission = z.infer<typeof submissionSchema>;

/**
 * Where a respondent is in a survey, as a pure transition table: the flow controller is the only
 * writer of the phase, and it writes it only through `transition()`.
 *
 *   start ──begin──▶ answering ──submit──▶ submitting ──stored──▶ done
 *     ▲                 ▲  ◀──failed / cancelled──┘                │
 *     │                 └────────────── reset (inline) ────────────┤
 *     └────── reset (kiosk) / thank-you-elapsed ──── handover ◀────┘ (passTheTablet)
 *
 * `start` and `handover` are kiosk screens; an inline survey starts at `answering`.
 */
export type Phase = 'start' | 'answering' | 'submitting' | 'done' | 'handover';

export type FlowEvent =
  /** The respondent pressed Start / "I'm ready" (kiosk). */
  | 'begin'
  /** Answers passed validation; the response is being built and stored. */
  | 'submit'
  /** The response is stored on the device. */
  | 'stored'
  /** Storing failed, or a part needed to send could not load: back to the answers, all kept. */
  | 'failed'
  /** The page cancelled `survey-submit` to handle the response itself: back to the answers. */
  | 'cancelled'
  /** Answers cleared: `reset()`, idle timeout, quick exit, a back/forward-cache restore. */
  | 'reset'
  /** The kiosk's thank-you time is over. */
  | 'thank-you-elapsed';

export interface FlowSettings {
  kiosk: boolean;
  passTheTablet: boolean;
}

/** The phase a survey opens in. */
export const initialPhase = ({ kiosk }: FlowSettings): Phase => (kiosk ? 'start' : 'answering');

const toAnswering = () => 'answering' as const;

const TABLE: Record<Phase, Partial<Record<FlowEvent, (settings: FlowSettings) => Phase>>> = {
  start: { begin: toAnswering, reset: initialPhase },
  answering: { submit: () => 'submitting', reset: initialPhase },
  // A reset while storing (quick exit) clears the screen; the response already built is still stored.
  submitting: { stored: () => 'done', failed: toAnswering, cancelled: toAnswering, reset: initialPhase },
  done: {
    reset: initialPhase,
    'thank-you-elapsed': ({ kiosk, passTheTablet }) => (!kiosk ? 'done' : passTheTablet ? 'handover' : 'start'),
  },
  handover: { begin: toAnswering, reset: initialPhase },
};

/** The next phase, or null when the event means nothing in this phase (a late timer, a double tap). */
export function transition(phase: Phase, event: FlowEvent, settings: FlowSettings): Phase | null {
  const next = TABLE[phase][event];
  return next ? next(settings) : null;
}

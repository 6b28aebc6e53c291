/** Browser-side handle on the test collector (test/support/test-collector.mjs). */
export interface CollectorStep {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  delayMs?: number;
  hang?: boolean;
  reset?: 'before' | 'after';
}

export interface CollectorState {
  records: Array<{ key: string; body: unknown; headers: Record<string, string> }>;
  requests: Array<{ key: string | null; at: number; outcome: string; cookie: string | null; referer: string | null; closedByClient?: boolean }>;
  /** The most POSTs to /responses that were open at once. */
  maxInFlight: number;
  challenges: Array<{ at: number; outcome: string; cookie: string | null; referer: string | null }>;
}

export interface TestCollector {
  /** Same-origin endpoint for the outbox. */
  endpoint: string;
  /** Where proof-of-work challenges come from (see `requireProofOfWork`). */
  challengeUrl: string;
  script(...steps: CollectorStep[]): Promise<void>;
  /** From now on POSTs need a valid ALTCHA solution (verified with altcha-lib); the first `failChallenges` challenge requests answer 503. */
  requireProofOfWork(options?: { maxnumber?: number; failChallenges?: number }): Promise<void>;
  state(): Promise<CollectorState>;
  /** Resolves once `predicate(state)` holds, polling; rejects after `timeoutMs`. */
  waitFor(predicate: (state: CollectorState) => boolean, timeoutMs?: number): Promise<CollectorState>;
}

export async function createTestCollector(options: { crossOrigin?: boolean; cors?: boolean } = {}): Promise<TestCollector> {
  const bucket = `b${crypto.randomUUID().replaceAll('-', '')}`;
  let origin = location.origin;
  if (options.crossOrigin) {
    const info = await (await fetch('/__collector/info')).json();
    origin = info.crossOrigin;
  }
  const base = `${location.origin}/__collector/${bucket}`;
  const endpoint = `${origin}/__collector/${bucket}${options.cors ? '/cors' : ''}/responses`;
  const state = async (): Promise<CollectorState> => (await fetch(`${base}/state`)).json();
  return {
    endpoint,
    challengeUrl: `${origin}/__collector/${bucket}${options.cors ? '/cors' : ''}/challenge`,
    async script(...steps) {
      await fetch(`${base}/script`, { method: 'POST', body: JSON.stringify(steps) });
    },
    async requireProofOfWork(settings = {}) {
      await fetch(`${base}/pow`, { method: 'POST', body: JSON.stringify(settings) });
    },
    state,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await state();
        if (predicate(current)) return current;
        if (Date.now() > deadline) throw new Error(`collector state never matched: ${JSON.stringify(current).slice(0, 500)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Browser-side handle on the receiver stand-ins (test/support/receivers.mjs). */
export interface ReceiverStep {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The row is stored, then the answer waits this long (past the outbox's timeout). */
  slowMs?: number;
  reset?: 'before' | 'after';
  /** Form backend: answer 302 to its thank-you page even to an AJAX request. */
  redirect?: boolean;
}

export interface ReceiverRequest {
  method: string;
  service: string;
  host: string;
  contentType: string | null;
  accept: string | null;
  prefer: string | null;
  idempotencyKey: string | null;
  origin: string | null;
  cookie: string | null;
  outcome: string;
}

export interface ReceiverState {
  rows: Array<Record<string, unknown>>;
  requests: ReceiverRequest[];
}

export type Service = 'apps-script' | 'form' | 'hook' | 'postgrest';

export interface Receiver {
  /** The endpoint to configure (host A, another origin than the page's). */
  endpoint: string;
  /** Host B's name: Apps Script's echo host here (list it in `redirectHosts`), or a host not allowed. */
  otherHost: string;
  script(...steps: ReceiverStep[]): Promise<void>;
  setup(options: { columns?: string[]; idColumn?: string; dedupe?: boolean }): Promise<void>;
  state(): Promise<ReceiverState>;
  /** POSTs that reached the receiver (preflights and echo fetches left out). */
  posts(): Promise<ReceiverRequest[]>;
  waitFor(predicate: (state: ReceiverState) => boolean, timeoutMs?: number): Promise<ReceiverState>;
}

const paths: Record<Service, (bucket: string) => string> = {
  'apps-script': (b) => `/apps-script/${b}/exec`,
  form: (b) => `/form/${b}`,
  hook: (b) => `/hook/${b}/`,
  postgrest: (b) => `/rest/${b}/v1/responses`,
};

export async function createReceiver(service: Service): Promise<Receiver> {
  const bucket = `r${crypto.randomUUID().replaceAll('-', '')}`;
  const origins = (await (await fetch('/__receivers/info')).json()) as { a: string; b: string };
  const control = `/__receivers/${bucket}`;
  const post = (what: string, body: unknown) => fetch(`${control}/${what}`, { method: 'POST', body: JSON.stringify(body) }).then(() => undefined);
  const state = async (): Promise<ReceiverState> => (await fetch(`${control}/state`, { cache: 'no-store' })).json();
  return {
    endpoint: `${origins.a}${paths[service](bucket)}`,
    otherHost: new URL(origins.b).hostname,
    script: (...steps) => post('script', steps),
    setup: (options) => post('setup', options),
    state,
    posts: async () => (await state()).requests.filter((r) => r.method === 'POST'),
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = await state();
        if (predicate(current)) return current;
        if (Date.now() > deadline) throw new Error(`receiver state never matched: ${JSON.stringify(current).slice(0, 600)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

import { randomUUID } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Destination, ForwardSettings } from './config.js';
import { Net, type NetResult, type Resolver } from './net.js';
import { appsScriptRequest, chatRequest, webhookRequest } from './payload.js';
import { settle, type Settlement } from './policy.js';
import { DeliveryQueue, type Claimed, type Settled } from './queue.js';

/**
 * One per collector instance: claims due deliveries (queue.ts), sends each through the guarded
 * network (net.ts), and writes what happened (policy.ts decides it). Outcomes are written in
 * batches, like inserts: one statement for every attempt that finished while the last one ran.
 * It polls every `pollMs` and is woken at once when this instance stores a response; another
 * instance's responses are found by its next poll.
 */
export interface WorkerOptions {
  db: Database;
  settings: ForwardSettings;
  now: () => Date;
  random?: () => number;
  /** Tests inject a resolver (net.ts); default: the system's. */
  resolve?: Resolver;
  /** How long a claim is held; longer than the request deadline. Default: twice the timeout + 5 s. */
  leaseMs?: number;
}

/** How long a wake or a freed slot waits, so that those close together share one claim. */
const SOON_MS = 10;

export class ForwardWorker {
  readonly queue: DeliveryQueue;
  readonly #options: Required<Omit<WorkerOptions, 'resolve'>> & { concurrency: number; pollMs: number };
  readonly #net: Net;
  readonly #byName: Map<string, Destination>;
  readonly #plain: string[];
  readonly #chats: Destination[];
  #inFlight = 0;
  #timer: NodeJS.Timeout | null = null;
  /** The timer is a short one (a wake, a freed slot), not the poll. */
  #soon = false;
  #ticking = false;
  #again = false;
  #stopped = false;
  #pending: Array<{ item: Settled; destination: string; settlement: Settlement }> = [];
  #flushing: Promise<void> | null = null;
  #idle: Array<() => void> = [];

  constructor(options: WorkerOptions) {
    this.#options = {
      random: Math.random,
      leaseMs: options.settings.timeoutMs * 2 + 5000,
      ...options,
      concurrency: options.settings.concurrency,
      pollMs: options.settings.pollMs,
    };
    this.queue = new DeliveryQueue(options.db);
    this.#net = new Net({ timeoutMs: options.settings.timeoutMs, allowLoopbackHttp: options.settings.allowLoopbackHttp, resolve: options.resolve });
    this.#byName = new Map(options.settings.destinations.map((d) => [d.name, d]));
    this.#plain = options.settings.destinations.filter((d) => d.kind !== 'chat').map((d) => d.name);
    this.#chats = options.settings.destinations.filter((d) => d.kind === 'chat');
  }

  get destinations(): readonly Destination[] {
    return this.#options.settings.destinations;
  }

  /** Destination names for a survey's responses (the store writes a row for each). */
  destinationsFor(surveyId: string): string[] {
    return this.#options.settings.destinations.filter((d) => d.surveyId === surveyId).map((d) => d.name);
  }

  async start(): Promise<void> {
    await this.queue.ensure([...this.#byName.keys()]);
    this.wake();
  }

  /**
   * Look for due work soon (called after this instance queued deliveries). Wakes within a few
   * milliseconds of each other share one claim: under load, one statement claims many rows.
   */
  wake(): void {
    if (this.#stopped) return;
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    if (this.#timer && this.#soon) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#schedule(SOON_MS);
  }

  #schedule(ms: number): void {
    this.#soon = ms <= SOON_MS;
    this.#timer = setTimeout(() => void this.#tick(), ms);
  }

  /** Stops claiming; waits for deliveries in flight and their outcomes to be written. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    await this.#flush();
    this.#net.close();
  }

  async #tick(): Promise<void> {
    this.#timer = null;
    if (this.#stopped || this.#byName.size === 0) return;
    this.#ticking = true;
    let full = false;
    try {
      const free = this.#options.concurrency - this.#inFlight;
      if (free > 0 && this.#plain.length > 0) {
        const claimed = await this.queue.claim(this.#plain, this.#claimWindow(free));
        full = claimed.length === free;
        for (const row of claimed) void this.#deliver(row);
      }
      for (const chat of this.#chats) {
        if (this.#inFlight >= this.#options.concurrency) break;
        await this.#chat(chat);
      }
    } catch (error) {
      console.error(`collector: forwarding could not claim deliveries (${(error as Error).message})`);
    } finally {
      this.#ticking = false;
    }
    if (this.#stopped) return;
    const again = this.#again;
    this.#again = false;
    // Every slot busy: a finishing delivery schedules the next look (#finished).
    if (full && this.#inFlight >= this.#options.concurrency) return;
    this.#schedule(full || again ? SOON_MS : this.#options.pollMs);
  }

  #claimWindow(limit: number) {
    const now = this.#options.now();
    return { now, leaseUntil: new Date(now.getTime() + this.#options.leaseMs), token: randomUUID(), limit };
  }

  async #deliver(row: Claimed): Promise<void> {
    const destination = this.#byName.get(row.destination)!;
    this.#inFlight += 1;
    try {
      const sentAt = this.#options.now();
      const request = destination.kind === 'apps-script' ? appsScriptRequest(destination, row, sentAt) : webhookRequest(destination, row, sentAt);
      const result = await this.#net
        .send({ url: destination.url, ...request, redirects: destination.kind === 'apps-script' ? 'follow-as-get' : 'keep-method' })
        // Whatever went wrong building the request is this attempt's error, never an unhandled rejection.
        .catch((error: Error): NetResult => ({ kind: 'network', message: error.message }));
      this.#record(row.deliveryId, row.token, row.attempts, row.firstFailedAt, destination.name, result);
    } finally {
      this.#finished();
    }
  }

  async #chat(destination: Destination): Promise<void> {
    const window = this.#claimWindow(0);
    const rows = await this.queue.claimChat(destination.name, {
      ...window,
      nextMessageAt: new Date(window.now.getTime() + destination.everyMinutes * 60_000),
    });
    if (rows.length === 0) return;
    this.#inFlight += 1;
    void (async () => {
      try {
        const result = await this.#net.send({ url: destination.url, ...chatRequest(destination, rows.length), redirects: 'keep-method' });
        let reopen: Date | null = null;
        for (const row of rows) {
          const settlement = this.#record(row.id, window.token, row.attempts, row.firstFailedAt, destination.name, result);
          if (settlement.state === 'waiting' && (!reopen || settlement.dueAt < reopen)) reopen = settlement.dueAt;
        }
        // A message that did not go out does not hold the next one back for N minutes.
        if (result.kind !== 'response' || result.status >= 300) await this.queue.reopenChat(destination.name, reopen ?? this.#options.now());
      } catch (error) {
        console.error(`collector: chat message to ${destination.name} failed (${(error as Error).message})`);
      } finally {
        this.#finished();
      }
    })();
  }

  #record(id: string, token: string, attempts: number, firstFailedAt: Date | null, destination: string, result: NetResult): Settlement {
    const now = this.#options.now();
    const settlement = settle(result, { attempts, firstFailedAt, now, random: this.#options.random, policy: this.#options.settings.retry });
    const item: Settled = {
      id,
      token,
      state: settlement.state,
      dueAt: settlement.state === 'waiting' ? settlement.dueAt : null,
      status: settlement.status,
      error: settlement.state === 'delivered' ? null : settlement.error.slice(0, 300),
    };
    this.#pending.push({ item, destination, settlement });
    void this.#flush();
    return settlement;
  }

  #finished(): void {
    this.#inFlight -= 1;
    if (this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    if (this.#stopped) return;
    if (this.#ticking) this.#again = true;
    // A short pause gathers the slots that free up together into one claim.
    else if (!this.#timer) this.#schedule(SOON_MS);
  }

  /** Writes every outcome gathered so far in one statement; the next batch waits for this one. */
  #flush(): Promise<void> {
    if (this.#flushing) return this.#flushing.then(() => (this.#pending.length > 0 ? this.#flush() : undefined));
    if (this.#pending.length === 0) return Promise.resolve();
    const batch = this.#pending.splice(0);
    const errors = new Map<string, { status: number | null; error: string }>();
    for (const { destination, settlement } of batch) if (settlement.state !== 'delivered') errors.set(destination, { status: settlement.status, error: settlement.error.slice(0, 300) });
    this.#flushing = this.queue
      .settle(
        batch.map(({ item }) => item),
        this.#options.now(),
        errors,
      )
      .catch((error: Error) => {
        // The rows stay leased; when the lease expires another attempt is made with the same webhook-id.
        console.error(`collector: forwarding could not record ${batch.length} outcome(s) (${error.message})`);
      })
      .finally(() => {
        this.#flushing = null;
      });
    return this.#flushing;
  }
}

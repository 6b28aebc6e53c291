import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SurveyConfig } from '../core/config/schema.js';
import type { Submission } from '../core/submission-schema.js';
import { SurveyQueuedEvent } from '../events/survey-queued.js';
import { SurveyStatusEvent } from '../events/survey-status.js';
import type { SurveyDelivery } from '../core/delivery/resolve.js';
import type { Outbox, OutboxEvent, OutboxOptions, OutboxStatus } from '../outbox/index.js';
import { loadRespondParts, respondParts } from './load-part.js';
import { UnloadGuard } from './unload-guard.js';

/**
 * What the respondent is told after submitting; never more technical than this. `sent-unverified`:
 * sent, but the receiver gives no readable answer (no-cors); `not-accepted`: the receiver refused it
 * for good, so it will not be sent by itself; `unavailable`: what storing needs has not loaded
 * (offline), and the survey keeps trying; `missing`: a file is not on the server.
 */
export type DeliveryStatus = 'idle' | 'saved' | 'sending' | 'sent' | 'sent-unverified' | 'not-accepted' | 'unsaved' | 'too-large' | 'unavailable' | 'missing';

export interface DeliveryOptions {
  /** The survey's config once known (its delivery options set up the shared outbox). */
  config: () => SurveyConfig | undefined;
  /** The element's `endpoint` attribute, which wins over the config's. */
  endpoint: () => string | null;
  /** Kiosks ask the browser to keep their storage. */
  kiosk: () => boolean;
  /** An outbox the page supplied (the element's `outbox` property), used instead of the shared one. */
  supplied: () => Outbox | undefined;
}

/**
 * Connects an element to the page's shared outbox, which comes with what storing a response needs
 * (load-part.ts): loaded when the element asks (`prepare()`, see WarmUpController) or at the latest on Submit. Submits,
 * and re-fires the outbox's news as element events. Delivered/rejected events fire only for
 * responses this element submitted, so two surveys on one page each hear about their own.
 */
export class DeliveryController implements ReactiveController {
  status: DeliveryStatus = 'idle';
  /** With `missing`: the file the server does not have. */
  missingFile: string | null = null;
  queue: OutboxStatus | null = null;
  private outboxPromise?: Promise<Outbox>;
  private outbox?: Outbox;
  private unsubscribe?: () => void;
  private readonly mine = new Set<string>();
  /** Outcomes that arrived before `submit()` had its receipt, so `survey-queued` still comes first. */
  private readonly early = new Map<string, Event>();
  private readonly awaitingReceipt = new Set<string>();
  private lastId: string | null = null;
  /** What this survey last told the outbox about its endpoint, so it is told again only on a change. */
  private configured = '';
  private resolved?: { config: SurveyConfig; attribute: string | null; base: string; result: SurveyDelivery };
  /** 'submit' while the response of the last Submit is not stored; an id while it is stored in memory only. */
  private readonly guard = new UnloadGuard();
  /** A page-supplied outbox's news from before the respond chunk loaded, told once it has. */
  private readonly unheard: OutboxEvent[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DeliveryOptions,
  ) {
    host.addController(this);
  }

  hostConnected() {
    // Back in the page after a move: listen again to the outbox we had.
    if (this.outbox) this.listen(this.outbox);
  }

  hostUpdated() {
    // A page-supplied outbox is already loaded: listen from the start, so no warning is missed.
    if (this.options.supplied() && !this.outbox) void this.connect();
    if (this.outbox) this.configure(this.outbox);
    // What a page-supplied outbox said before the respond chunk loaded (the survey renders again when it has: validation).
    if (respondParts) for (const event of this.unheard.splice(0)) this.onOutboxEvent(event);
  }

  /**
   * The shared outbox's options, from the first survey on the page whose config has loaded; with its
   * endpoint, records held behind an endpoint error move to a corrected same-origin one on the next load.
   */
  private outboxOptions(): OutboxOptions | undefined {
    const config = this.options.config();
    const resolved = config && this.resolve(config);
    if (!config || !resolved) return undefined;
    const persist = this.options.kiosk() || config.delivery.persist;
    if (!resolved.ok) return { timeoutMs: config.delivery.timeoutMs, persist };
    const { url, ...options } = resolved.delivery;
    return { endpoint: url, ...options, persist };
  }

  /**
   * The survey's delivery (where and how its responses go), decided once per config and endpoint
   * attribute (core/delivery/resolve.ts) and carried whole to the outbox. Undefined until the respond
   * chunk, which holds that decision, has loaded: nothing is validated, stored or sent before then.
   */
  resolve(config: SurveyConfig | undefined = this.options.config()): SurveyDelivery | undefined {
    if (!config || !respondParts) return undefined;
    const attribute = this.options.endpoint();
    const base = document.baseURI;
    const known = this.resolved;
    if (known && known.config === config && known.attribute === attribute && known.base === base) return known.result;
    const result = respondParts.surveyDelivery(attribute, config, base);
    this.resolved = { config, attribute, base, result };
    return result;
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /**
   * The outbox, loading it on first use. The shared one is created with the first survey's delivery
   * options (endpoint, headers, timeout), which come from its config: call this once that has loaded.
   */
  connect(): Promise<Outbox> {
    const supplied = this.options.supplied();
    if (supplied && supplied !== this.outbox) this.use(supplied);
    if (this.outbox) return Promise.resolve(this.outbox);
    this.outboxPromise ??= loadRespondParts().then(
      ({ getSharedOutbox }) => this.outbox ?? this.use(getSharedOutbox(this.outboxOptions() ?? {})),
      (error: unknown) => {
        this.outboxPromise = undefined; // try again on the next Submit
        throw error;
      },
    );
    return this.outboxPromise;
  }

  /** Starts loading the outbox without waiting (a survey is on screen: earlier responses may be waiting). */
  prepare() {
    if (this.options.config() || this.options.supplied()) this.connect().catch(() => undefined);
  }

  /** Stores the response (throws when it cannot be kept), then lets the outbox deliver it. */
  async submit(submission: Submission, endpoint: string) {
    this.guard.hold('submit');
    let outbox: Outbox;
    try {
      outbox = await this.connect();
    } catch (error) {
      this.unavailable(error);
      throw error;
    }
    this.mine.add(submission.id);
    this.awaitingReceipt.add(submission.id);
    this.lastId = submission.id;
    try {
      const receipt = await outbox.submit(submission, { endpoint });
      this.awaitingReceipt.delete(submission.id);
      if (receipt.storage === 'memory' && !this.early.has(submission.id)) this.guard.hold(submission.id);
      this.guard.release('submit');
      const outcome = this.early.get(submission.id);
      this.early.delete(submission.id);
      // A fast server may already have acknowledged it while we awaited the receipt.
      if (outcome?.type === 'survey-rejected') this.setStatus('not-accepted');
      else if (outcome?.type !== 'survey-delivered') this.setStatus(receipt.storage === 'indexeddb' ? 'saved' : 'sending');
      this.host.dispatchEvent(new SurveyQueuedEvent({ id: receipt.id, pending: receipt.pending, storage: receipt.storage }));
      if (outcome) this.settle(submission.id, outcome);
      return receipt;
    } catch (error) {
      this.awaitingReceipt.delete(submission.id);
      this.mine.delete(submission.id);
      // Too long to send is the one failure the respondent can fix; say so rather than "try later".
      this.setStatus((error as { code?: string }).code === 'payload-too-large' ? 'too-large' : 'unsaved');
      throw error;
    }
  }

  /** A part needed to store the response could not load: the answers stay, and the status line says why. */
  unavailable(error: unknown) {
    this.guard.hold('submit');
    this.missingFile = (error as { missingFile?: string | null }).missingFile ?? null;
    this.setStatus(this.missingFile ? 'missing' : 'unavailable');
  }

  /** Forget the respondent-facing status (a new respondent starts). */
  clear() {
    this.guard.release('submit');
    this.status = 'idle';
    this.lastId = null;
  }

  private use(outbox: Outbox): Outbox {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.outbox = outbox;
    this.configured = '';
    this.configure(outbox);
    if (this.host.isConnected) this.listen(outbox);
    return outbox;
  }

  /**
   * Tells the outbox how this survey's endpoint is delivered to (its headers, timeout, proof of
   * work): they go to that endpoint only, whichever survey on the page shares the outbox.
   */
  private configure(outbox: Outbox) {
    const resolved = this.resolve();
    if (!resolved?.ok) return;
    const key = JSON.stringify(resolved.delivery);
    if (key === this.configured) return;
    this.configured = key;
    const { url, ...options } = resolved.delivery;
    try {
      outbox.configureEndpoint(url, options);
    } catch (error) {
      // The validated config cannot produce this; a quick read of a broken one can (validation reports it).
      console.warn('encounter-survey: delivery options refused', error);
    }
  }

  private listen(outbox: Outbox) {
    if (this.unsubscribe) return;
    this.unsubscribe = outbox.subscribe(this.onOutboxEvent);
    this.queue = outbox.status();
    this.host.requestUpdate();
  }

  private readonly onOutboxEvent = (event: OutboxEvent) => {
    if (event.type === 'status') {
      this.queue = event.status;
      this.host.dispatchEvent(new SurveyStatusEvent({ status: event.status }));
      return this.host.requestUpdate();
    }
    // The rest is read by the respond chunk. A page-supplied outbox may warn before that has loaded (nothing of
    // this element's can be delivered or refused before then: Submit needs it).
    if (!respondParts) return void ((event.type === 'storage-warning' || event.type === 'stale') && this.unheard.push(event));
    const id = 'id' in event ? event.id : '';
    if (event.type === 'delivered' || event.type === 'rejected') this.guard.release(id);
    const news = respondParts.outboxNews(event, this.mine.has(id), id === this.lastId);
    if (!news) return;
    if (news.status) this.setStatus(news.status);
    if (news.outcome) this.settle(id, news.event);
    else this.host.dispatchEvent(news.event);
  };

  private settle(id: string, event: Event) {
    if (this.awaitingReceipt.has(id)) return void this.early.set(id, event);
    this.mine.delete(id);
    this.host.dispatchEvent(event);
  }

  private setStatus(status: DeliveryStatus) {
    this.status = status;
    this.host.requestUpdate();
  }
}

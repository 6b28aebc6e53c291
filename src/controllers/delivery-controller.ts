import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Submission } from '../core/submission-schema.js';
import { SurveyDeliveredEvent } from '../events/survey-delivered.js';
import { SurveyQueuedEvent } from '../events/survey-queued.js';
import { SurveyRejectedEvent } from '../events/survey-rejected.js';
import { SurveyStatusEvent } from '../events/survey-status.js';
import { SurveyStorageWarningEvent } from '../events/survey-storage-warning.js';
import { getSharedOutbox, type Outbox, type OutboxOptions, type OutboxStatus } from '../outbox/index.js';

/** What the respondent is told after submitting; never more technical than this. */
export type DeliveryStatus = 'idle' | 'saved' | 'sending' | 'sent' | 'unsaved' | 'too-large';

/**
 * Connects an element to the page's shared outbox: submits, and re-fires the outbox's news as
 * element events. Delivered/rejected events fire only for responses this element submitted,
 * so two surveys on one page each hear about their own.
 */
export class DeliveryController implements ReactiveController {
  status: DeliveryStatus = 'idle';
  queue: OutboxStatus | null = null;
  private outbox?: Outbox;
  private unsubscribe?: () => void;
  private readonly mine = new Set<string>();
  /** Outcomes that arrived before `submit()` had its receipt, so `survey-queued` still comes first. */
  private readonly early = new Map<string, Event>();
  private readonly awaitingReceipt = new Set<string>();
  private lastId: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The delivery options, or undefined while they are not known yet (the config is loading). */
    private readonly options: () => OutboxOptions | undefined,
    /** An outbox the page supplied (the element's `outbox` property), used instead of the shared one. */
    private readonly supplied: () => Outbox | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  /**
   * Connects once the config is known, not in connectedCallback: the shared outbox is created with
   * the first survey's delivery options (endpoint, headers, timeout), which come from the config.
   */
  hostUpdated() {
    if (!this.unsubscribe && (this.supplied() || this.options())) this.connect();
  }

  hostDisconnected() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** The page's outbox, or the shared one created on first use with this element's delivery options. */
  connect(): Outbox {
    const supplied = this.supplied();
    if (supplied && supplied !== this.outbox) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.outbox = supplied;
    }
    if (!this.outbox) this.outbox = getSharedOutbox(this.options() ?? {});
    if (!this.unsubscribe) {
      this.unsubscribe = this.outbox.subscribe((event) => {
        switch (event.type) {
          case 'delivered':
            if (this.mine.has(event.id)) {
              if (event.id === this.lastId) this.setStatus('sent');
              this.settle(event.id, new SurveyDeliveredEvent({ id: event.id, status: event.status }));
            }
            break;
          case 'rejected':
            if (this.mine.has(event.id)) {
              this.settle(event.id, new SurveyRejectedEvent({ id: event.id, status: event.status, reason: event.reason }));
            }
            break;
          case 'storage-warning':
            this.host.dispatchEvent(new SurveyStorageWarningEvent({ code: event.code, message: event.message }));
            break;
          case 'stale':
            this.host.dispatchEvent(
              new SurveyStorageWarningEvent({
                code: 'pending-too-long',
                message: `A response has waited since ${new Date(event.oldestPendingAt).toISOString()}; check the endpoint.`,
              }),
            );
            break;
          case 'status':
            this.queue = event.status;
            this.host.dispatchEvent(new SurveyStatusEvent({ status: event.status }));
            this.host.requestUpdate();
            break;
        }
      });
      this.queue = this.outbox.status();
    }
    return this.outbox;
  }

  /** Stores the response (throws when it cannot be kept), then lets the outbox deliver it. */
  async submit(submission: Submission, endpoint: string) {
    const outbox = this.connect();
    this.mine.add(submission.id);
    this.awaitingReceipt.add(submission.id);
    this.lastId = submission.id;
    try {
      const receipt = await outbox.submit(submission, { endpoint });
      this.awaitingReceipt.delete(submission.id);
      const outcome = this.early.get(submission.id);
      this.early.delete(submission.id);
      // A fast server may already have acknowledged it while we awaited the receipt.
      if (!(outcome instanceof SurveyDeliveredEvent)) this.setStatus(receipt.storage === 'indexeddb' ? 'saved' : 'sending');
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

  private settle(id: string, event: Event) {
    if (this.awaitingReceipt.has(id)) return void this.early.set(id, event);
    this.mine.delete(id);
    this.host.dispatchEvent(event);
  }

  /** Forget the respondent-facing status (a new respondent starts). */
  clear() {
    this.status = 'idle';
    this.lastId = null;
  }

  private setStatus(status: DeliveryStatus) {
    this.status = status;
    this.host.requestUpdate();
  }
}

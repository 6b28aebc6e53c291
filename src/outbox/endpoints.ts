/**
 * What this page knows about each endpoint, in memory only: how to deliver to it (headers may hold
 * an API key, so they are never stored and never sent to another endpoint), its retry schedule, and
 * the problem it last showed. Endpoints are compared as normalised URLs.
 */
import { checkEndpoint, checkEndpointDelivery, type EndpointDelivery, type EndpointDeliveryInput } from '../core/outbox/endpoint.js';
import { OutboxError } from '../core/outbox/errors.js';
import type { EndpointProblem } from '../core/outbox/outcome.js';
import { afterRecoverySeen, idleSchedule, type EndpointSchedule } from '../core/outbox/schedule.js';
import type { ChannelMessage } from './coordination.js';
import { profileFor } from './profiles.js';
import type { EndpointOptions, OutboxOptions } from './types.js';

/** The endpoint options within the outbox's options (they belong to `options.endpoint`). */
export function endpointOptions(options: OutboxOptions): EndpointOptions {
  const { profile, headers, fields, redirectHosts, timeoutMs, proofOfWork } = options;
  return { profile, headers, fields, redirectHosts, timeoutMs, proofOfWork };
}

export class EndpointRegistry {
  readonly problems = new Map<string, EndpointProblem>();
  private readonly deliveries = new Map<string, EndpointDelivery>();
  private readonly schedules = new Map<string, EndpointSchedule>();

  constructor(private readonly defaultTimeoutMs: number) {}

  /** Registers delivery options for one endpoint (replacing earlier ones); throws `OutboxError` on bad options. */
  configure(endpoint: string, input: EndpointDeliveryInput, base?: string): string {
    const target = checkEndpoint(endpoint, base);
    if ('problem' in target) {
      throw new OutboxError(target.problem, target.problem === 'endpoint-missing' ? 'No valid endpoint to configure.' : 'The endpoint must use https (http only for localhost).');
    }
    const checked = checkEndpointDelivery(input, { timeoutMs: this.defaultTimeoutMs }, base);
    if (!checked.ok) throw new OutboxError('invalid-delivery-options', `Delivery options for ${target.url}: ${checked.problems.join('; ')}.`);
    this.deliveries.set(target.url, { url: target.url, ...checked.delivery });
    // Loaded now, so a page going away can still build this endpoint's request.
    if (checked.delivery.profile !== 'json') profileFor(checked.delivery.profile).catch(() => undefined);
    return target.url;
  }

  isConfigured(endpoint: string): boolean {
    return this.deliveries.has(endpoint);
  }

  /** The endpoint's options; an endpoint nobody configured gets no headers and the default timeout. */
  delivery(endpoint: string): EndpointDelivery {
    return (
      this.deliveries.get(endpoint) ?? { url: endpoint, profile: 'json', headers: {}, fields: null, redirectHosts: [], timeoutMs: this.defaultTimeoutMs, proofOfWork: null }
    );
  }

  schedule(endpoint: string): EndpointSchedule {
    return this.schedules.get(endpoint) ?? idleSchedule();
  }

  setSchedule(endpoint: string, schedule: EndpointSchedule) {
    this.schedules.set(endpoint, schedule);
  }

  /** New options may fix what the endpoint complained about: lift its pause and let it be probed now. */
  liftPause(endpoint: string) {
    this.schedules.delete(endpoint);
    this.problems.delete(endpoint);
  }

  /**
   * Another tab's news: the endpoint answered 2xx (the backlog here is due, counts restarted), or
   * its backoff after a failure (shared, so tabs do not each probe). A pause here stays: only this
   * page's own probe, with its own headers, can lift it.
   */
  hear(message: Extract<ChannelMessage, { kind: 'recovered' | 'backoff' }>, now: number) {
    const mine = this.schedule(message.endpoint);
    if (message.kind === 'recovered') this.setSchedule(message.endpoint, afterRecoverySeen(mine, now));
    else if (!mine.paused) this.setSchedule(message.endpoint, message.schedule);
  }

  setProblem(endpoint: string, problem: EndpointProblem | null) {
    if (problem) this.problems.set(endpoint, problem);
    else this.problems.delete(endpoint);
  }
}

import { Webhook } from 'standardwebhooks';
import type { Destination } from './config.js';

/**
 * What each kind of destination receives (the README's "Onward delivery" states the same):
 * - `webhook`: `{ type: "survey.response", data }`, signed per Standard Webhooks (the
 *   `webhook-id` is the delivery's id, the same on every attempt);
 * - `apps-script`: the same payload as a JSON string with the id and signature beside it in the
 *   body, because an Apps Script web app cannot read request headers;
 * - `chat`: a count and the survey id, never an answer.
 * `data` holds the response id, the survey id and version, and only the fields the destination
 * names: free text only when named, staff-only fields never (config.ts refuses them).
 */
export interface ForwardedResponse {
  /** The delivery's id: `webhook-id` is `msg_` and this. */
  deliveryId: string;
  responseId: string;
  surveyId: string;
  surveyVersion: string;
  submittedAt: string;
  locale: string;
  answers: Record<string, unknown>;
  tags: Record<string, string>;
}

export interface OutgoingRequest {
  body: string;
  headers: Record<string, string>;
}

export const webhookId = (deliveryId: string) => `msg_${deliveryId}`;

/** The response as the destination may see it. */
export function forwardedData(response: ForwardedResponse, fields: ReadonlySet<string>): Record<string, unknown> {
  const data: Record<string, unknown> = { id: response.responseId, survey: { id: response.surveyId, version: response.surveyVersion } };
  if (fields.has('submittedAt')) data.submittedAt = response.submittedAt;
  if (fields.has('locale')) data.locale = response.locale;
  const answers: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(response.answers)) if (fields.has(key)) answers[key] = value;
  data.answers = answers;
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(response.tags)) if (fields.has(`tag.${key}`)) tags[key] = value;
  if (Object.keys(tags).length > 0) data.tags = tags;
  return data;
}

/** Standard Webhooks signature headers; with two secrets (rotation) both signatures are sent. */
export function signatureHeaders(secrets: readonly string[], id: string, sentAt: Date, body: string): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(id, sentAt, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

export function webhookRequest(destination: Destination, response: ForwardedResponse, sentAt: Date): OutgoingRequest {
  const body = JSON.stringify({ type: 'survey.response', data: forwardedData(response, destination.fields) });
  const id = webhookId(response.deliveryId);
  return { body, headers: { 'content-type': 'application/json', ...signatureHeaders(destination.secrets, id, sentAt, body) } };
}

/** Apps Script's `doPost(e)` sees only the body: the id (for its dedupe) and the signature travel in it. */
export function appsScriptRequest(destination: Destination, response: ForwardedResponse, sentAt: Date): OutgoingRequest {
  const payload = JSON.stringify({ type: 'survey.response', data: forwardedData(response, destination.fields) });
  const id = webhookId(response.deliveryId);
  const signed = destination.secrets.length > 0 ? signatureHeaders(destination.secrets, id, sentAt, payload) : null;
  const body = JSON.stringify({
    id,
    ...(signed ? { timestamp: Number(signed['webhook-timestamp']), signature: signed['webhook-signature'] } : {}),
    payload,
  });
  return { body, headers: { 'content-type': 'application/json' } };
}

/** "3 new responses to drop-in-visit": the only thing a chat destination is ever told. */
export function chatText(count: number, surveyId: string): string {
  return `${count} new ${count === 1 ? 'response' : 'responses'} to ${surveyId}`;
}

export function chatRequest(destination: Destination, count: number): OutgoingRequest {
  const text = chatText(count, destination.surveyId);
  const body = destination.flavor === 'discord' ? { content: text } : { text };
  return { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}

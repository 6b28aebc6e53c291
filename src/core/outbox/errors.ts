/** Errors the outbox hands to its caller, each with a kebab code the page can act on. */
export type OutboxErrorCode =
  | 'storage-full'
  | 'storage-unavailable'
  | 'endpoint-insecure'
  | 'endpoint-missing'
  | 'payload-too-large'
  | 'invalid-submission'
  | 'invalid-delivery-options'
  | 'closed';

export class OutboxError extends Error {
  readonly code: OutboxErrorCode;

  constructor(code: OutboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutboxError';
    this.code = code;
  }
}

/** QuotaExceededError, whichever way the engine spells it (Firefox had NS_ERROR_DOM_QUOTA_REACHED). */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /quota/i.test(name);
}

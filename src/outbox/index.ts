export { createOutbox, getSharedOutbox } from './shared.js';
export { OutboxError, type OutboxErrorCode } from '../core/outbox/errors.js';
export type {
  Outbox,
  OutboxEvent,
  OutboxExport,
  OutboxOptions,
  OutboxStatus,
  OutboxSubmission,
  EndpointProblemStatus,
  EndpointOptions,
  RejectedRecord,
  SubmitReceipt,
} from './types.js';

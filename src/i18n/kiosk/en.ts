import type { KioskStrings } from '../types.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const strings: KioskStrings = {
  start: 'Start',
  stillThere: 'Are you still there?',
  stillThereCountdown: (seconds) =>
    `Your answers will be cleared in ${seconds} ${plural(seconds, 'second', 'seconds')}.`,
  imStillHere: 'I’m still here',
  passTablet: 'Thank you. Please pass the tablet to the next person.',
  ready: 'I’m ready',
  staffPanel: 'Staff panel',
  pin: 'PIN',
  unlock: 'Unlock',
  wrongPin: 'That PIN is not right.',
  pendingCount: 'Waiting to be sent',
  oldestPending: 'Oldest waiting since',
  lastDelivered: 'Last sent',
  rejectedCount: 'Refused by the server',
  notConfirmed: 'the receiver does not confirm it',
  storage: 'Kept in',
  never: 'never',
  sendNow: 'Send now',
  exportResponses: 'Export responses',
  close: 'Close',
};

export default strings;

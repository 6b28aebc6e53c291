import type { ForwardingStrings } from './types.js';

const strings: ForwardingStrings = {
  $dir: 'ltr',
  heading: 'Onward delivery',
  intro: 'Where responses are sent after they are stored, and how that is going.',
  destination: 'Destination',
  survey: 'Survey',
  kind: 'Kind',
  kinds: { webhook: 'Webhook', 'apps-script': 'Google Sheets (Apps Script)', chat: 'Chat notification' },
  delivered: 'Delivered',
  waiting: 'Waiting',
  failed: 'Failed',
  lastError: 'Last error',
  noError: 'None',
  sendAgain: 'Send again',
  queuedAgain: (count) => (count === 1 ? '1 delivery will be sent again.' : `${count} deliveries will be sent again.`),
  refresh: 'Refresh',
  unreachable: 'The delivery figures could not be loaded. Try again in a moment.',
};

export default strings;

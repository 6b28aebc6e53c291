/**
 * The dashboard's onward-delivery section (issue #24). Its own dictionary, beside the dashboard's,
 * so the section and its strings come and go together.
 */
export interface ForwardingStrings {
  $dir: 'ltr' | 'rtl';
  heading: string;
  intro: string;
  destination: string;
  survey: string;
  kind: string;
  kinds: { webhook: string; 'apps-script': string; chat: string };
  delivered: string;
  waiting: string;
  failed: string;
  lastError: string;
  noError: string;
  sendAgain: string;
  /** After "Send again": how many deliveries are waiting again. */
  queuedAgain: (count: number) => string;
  refresh: string;
  unreachable: string;
}

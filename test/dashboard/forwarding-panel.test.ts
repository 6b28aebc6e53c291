// <survey-forwarding>, the dashboard's onward-delivery section, over real HTTP against the scripted
// routes of ./forwarding-fixture.mjs: the counts and last error per destination, "Send again", axe,
// and a built-in language; hidden when the collector has no such route.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SurveyForwarding } from '../../src/dashboard/forwarding-panel.js';
import '../../src/dashboard/forwarding-panel.define.js';

const bucket = () => `/__forward/b${crypto.randomUUID().replaceAll('-', '')}/`;
const root = (el: SurveyForwarding) => el.shadowRoot!;
const cells = (el: SurveyForwarding, name: string) =>
  [...root(el).querySelectorAll(`tr[data-destination="${name}"] > *`)].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());

describe('<survey-forwarding>', () => {
  it('shows delivered / waiting / failed and the last error per destination; "Send again" queues the failed ones', async () => {
    const el = await fixture<SurveyForwarding>(html`<survey-forwarding lang="en" collector=${bucket()}></survey-forwarding>`);
    await waitUntil(() => root(el).querySelector('table'), 'no table shown');
    await expect(el).to.be.accessible();
    expect(cells(el, 'crm')).to.deep.equal(['crm crm.example.org', 'drop-in-visit', 'Webhook', '120', '2', '1', 'HTTP 503: upstream unavailable', 'Send again']);
    expect(cells(el, 'team')).to.deep.equal(['team hooks.slack.com', 'drop-in-visit', 'Chat notification', '14', '0', '0', 'None', '']);
    root(el).querySelector<HTMLButtonElement>('tr[data-destination="crm"] button')!.click();
    await waitUntil(() => root(el).querySelector('[role="status"]')!.textContent === '1 delivery will be sent again.', 'no confirmation');
    expect(cells(el, 'crm').slice(3, 6)).to.deep.equal(['120', '3', '0']);
    expect(root(el).querySelector('tr[data-destination="crm"] button')).to.equal(null);
  });

  it('speaks the dashboard language (Arabic, right to left)', async () => {
    const el = await fixture<SurveyForwarding>(html`<survey-forwarding lang="ar" collector=${bucket()}></survey-forwarding>`);
    await waitUntil(() => root(el).querySelector('h2')?.textContent === 'الإرسال إلى جهات أخرى', 'not in Arabic');
    expect(root(el).querySelector('section')!.getAttribute('dir')).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('shows nothing for a collector that forwards nowhere (no such route)', async () => {
    const el = await fixture<SurveyForwarding>(html`<survey-forwarding lang="en" collector="/__nothing-here/"></survey-forwarding>`);
    await el.refresh();
    await el.updateComplete;
    expect(root(el).querySelector('section')).to.equal(null);
  });
});

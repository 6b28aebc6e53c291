import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { set, get, createStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { createTestCollector } from './collector.js';

class SmokeElement extends LitElement {
  override render() {
    return html`<p>hello</p>`;
  }
}
customElements.define('smoke-element', SmokeElement);

describe('toolchain smoke', () => {
  it('renders lit accessibly', async () => {
    const el = await fixture(html`<smoke-element></smoke-element>`);
    await expect(el).to.be.accessible();
    expect(el.shadowRoot!.textContent).to.contain('hello');
  });
  it('round-trips idb-keyval', async () => {
    const store = createStore('smoke-db', 'kv');
    await set('k', { a: 1 }, store);
    expect(await get('k', store)).to.deep.equal({ a: 1 });
  });
  it('parses with zod mini', () => {
    expect(z.safeParse(z.object({ a: z.number() }), { a: 1 }).success).to.equal(true);
  });
  it('talks to the test collector', async () => {
    const collector = await createTestCollector();
    await collector.script({ status: 503 });
    const first = await fetch(collector.endpoint, { method: 'POST', headers: { 'Idempotency-Key': 'k1' }, body: '{}' });
    expect(first.status).to.equal(503);
    const second = await fetch(collector.endpoint, { method: 'POST', headers: { 'Idempotency-Key': 'k1' }, body: '{}' });
    expect(second.status).to.equal(201);
    expect((await collector.state()).records).to.have.length(1);
  });
});

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define.js';
import type { SupportTypeSelector } from '../../../src/components/support-type-selector/support-type-selector.js';

function checkbox(selector: SupportTypeSelector, value: string) {
  return selector.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
}

async function click(selector: SupportTypeSelector, value: string) {
  checkbox(selector, value).click();
  await selector.updateComplete;
}

async function form(template: ReturnType<typeof html>) {
  const element = await fixture<HTMLFormElement>(template);
  const selector = element.querySelector('support-type-selector')!;
  await shown(selector);
  return { form: element, selector };
}

/** Other languages and inline options load on demand: wait until the question is there. */
async function shown(selector: SupportTypeSelector) {
  await waitUntil(() => selector.shadowRoot!.querySelector('fieldset') !== null, 'the selector to show its question');
  await selector.updateComplete;
}

describe('<support-type-selector>', () => {
  it('is an accessible group of labelled checkboxes with a legend', async () => {
    const { selector } = await form(html`<form><support-type-selector name="support"></support-type-selector></form>`);
    await expect(selector).to.be.accessible();
    expect(selector.shadowRoot!.querySelector('legend')!.textContent).to.contain('Which kinds of support');
    const values = [...selector.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((input) => input.value);
    expect(values).to.include.members(['emotional', 'social', 'information', 'practical']);
  });

  it("puts the selected types in the form's FormData, in option order, with Other text", async () => {
    const { form: formElement, selector } = await form(html`<form>
      <input name="date" value="2026-11-24" />
      <support-type-selector name="support" allow-other></support-type-selector>
    </form>`);
    await click(selector, 'practical');
    await click(selector, 'emotional');
    await click(selector, 'other');
    const other = selector.shadowRoot!.querySelector<HTMLInputElement>('input[name="support.other"]')!;
    other.value = 'Rides to appointments';
    other.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await selector.updateComplete;
    const data = new FormData(formElement);
    expect(data.getAll('support')).to.deep.equal(['emotional', 'practical', 'other']);
    expect(data.get('support.other')).to.equal('Rides to appointments');
    expect(data.get('date')).to.equal('2026-11-24');
  });

  it('takes part in validation: required, min and max', async () => {
    const { form: formElement, selector } = await form(html`<form>
      <support-type-selector name="support" required max="2"></support-type-selector>
    </form>`);
    expect(formElement.checkValidity()).to.equal(false);
    expect(selector.validity.valueMissing).to.equal(true);
    expect(selector.matches(':invalid')).to.equal(true);
    await click(selector, 'emotional');
    expect(formElement.checkValidity()).to.equal(true);
    await click(selector, 'social');
    await click(selector, 'advocacy');
    expect(selector.validity.rangeOverflow).to.equal(true);
    expect(selector.validationMessage).to.contain('no more than 2');
  });

  it('shows the problem after the form is checked, accessibly', async () => {
    const { form: formElement, selector } = await form(html`<form><support-type-selector name="support" required></support-type-selector></form>`);
    formElement.reportValidity();
    await selector.updateComplete;
    expect(selector.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Please answer');
    await expect(selector).to.be.accessible();
  });

  it('is cleared by form reset', async () => {
    const { form: formElement, selector } = await form(html`<form><support-type-selector name="support"></support-type-selector></form>`);
    await click(selector, 'emotional');
    formElement.reset();
    await selector.updateComplete;
    expect(selector.value).to.deep.equal([]);
    expect(checkbox(selector, 'emotional').checked).to.equal(false);
    expect(new FormData(formElement).getAll('support')).to.deep.equal([]);
  });

  it('fires change and input on user action only', async () => {
    const { form: formElement, selector } = await form(html`<form><support-type-selector name="support"></support-type-selector></form>`);
    const heard: string[] = [];
    formElement.addEventListener('change', (event) => heard.push(`change:${(event.target as Element).localName}`));
    formElement.addEventListener('input', (event) => heard.push(`input:${(event.target as Element).localName}`));
    selector.value = ['social'];
    await selector.updateComplete;
    expect(heard).to.deep.equal([]);
    await click(selector, 'emotional');
    expect(heard).to.deep.equal(['input:support-type-selector', 'change:support-type-selector']);
    expect(selector.value).to.deep.equal(['emotional', 'social']);
  });

  it('is left out of the form and untouchable when disabled, including by a disabled fieldset', async () => {
    const { form: formElement, selector } = await form(html`<form>
      <fieldset><support-type-selector name="support" required></support-type-selector></fieldset>
    </form>`);
    selector.disabled = true;
    await selector.updateComplete;
    expect(checkbox(selector, 'emotional').disabled).to.equal(true);
    expect(formElement.checkValidity()).to.equal(true);
    selector.disabled = false;
    formElement.querySelector('fieldset')!.disabled = true;
    await selector.updateComplete;
    expect(checkbox(selector, 'emotional').disabled).to.equal(true);
  });

  it('restores its state after a page restore', async () => {
    const { selector } = await form(html`<form><support-type-selector name="support"></support-type-selector></form>`);
    selector.formStateRestoreCallback(JSON.stringify({ value: ['crisis'], otherText: '' }));
    await selector.updateComplete;
    expect(checkbox(selector, 'crisis').checked).to.equal(true);
  });

  it('takes options from inline JSON and renders hostile labels as text', async () => {
    const { selector } = await form(html`<form>
      <support-type-selector name="support">
        <script type="application/json">
          [{ "value": "listening", "label": "<img src=x onerror=window.__pwned=1>Listening" }, { "value": "meal", "label": "A meal" }]
        </script>
      </support-type-selector>
    </form>`);
    const labels = [...selector.shadowRoot!.querySelectorAll('[part="option-label"]')].map((node) => node.textContent);
    expect(labels).to.deep.equal(['<img src=x onerror=window.__pwned=1>Listening', 'A meal']);
    expect(selector.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('falls back to the default types on invalid inline options, saying so once', async () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const { selector } = await form(html`<form>
        <support-type-selector name="support"><script type="application/json">[{ "value": "" }]</script></support-type-selector>
      </form>`);
      await click(selector, 'emotional');
      await click(selector, 'social');
      expect(logged).to.have.length(1);
      expect(String((logged[0] as unknown[])[0])).to.contain('inline options are invalid');
    } finally {
      console.error = original;
    }
  });

  it('speaks the page language and lays out Arabic right to left', async () => {
    const { selector } = await form(html`<form lang="ar"><support-type-selector name="support"></support-type-selector></form>`);
    expect(selector.shadowRoot!.querySelector('div')!.getAttribute('dir')).to.equal('rtl');
    const es = await fixture<SupportTypeSelector>(html`<support-type-selector lang="es"></support-type-selector>`);
    await shown(es);
    expect(es.shadowRoot!.querySelector('legend')!.textContent).to.contain('apoyo');
  });
});

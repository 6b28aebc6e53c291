import { SupportTypeSelector } from './support-type-selector.js';

// Tolerates being loaded twice (a CMS or tag manager will do that), and defines nothing where there
// is no registry (a server or a worker importing the package).
if (typeof customElements !== 'undefined' && !customElements.get('support-type-selector')) customElements.define('support-type-selector', SupportTypeSelector);

declare global {
  interface HTMLElementTagNameMap {
    'support-type-selector': SupportTypeSelector;
  }
}

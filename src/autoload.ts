/**
 * Registers elements the first time they appear in the document, after Shoelace's autoloader: a page
 * that never uses `<survey-summary>` never downloads it. Elements created inside another element's
 * shadow root are not seen; import their define entry there instead.
 */
export function autoload(loaders: Record<string, () => Promise<unknown>>) {
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  const waiting = new Map(Object.entries(loaders));
  const load = (tag: string) => {
    const loader = waiting.get(tag)!;
    waiting.delete(tag);
    loader().catch((error: unknown) => {
      console.error(`encounter-survey: <${tag}> could not be loaded`, error);
      waiting.set(tag, loader); // the next one added to the page tries again
    });
  };
  const look = (root: ParentNode) => {
    for (const tag of [...waiting.keys()]) {
      if (customElements.get(tag)) waiting.delete(tag);
      else if ((root as Element).localName === tag || root.querySelector(tag)) load(tag);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) look(node);
  });
  look(document);
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

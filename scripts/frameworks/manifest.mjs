// Reads dist/custom-elements.json into what the framework typings and wrappers need: each public
// element's tag, class, module, settable properties, attributes and events. Everything generated
// under dist/frameworks/ and dist/react/ comes from this, so a new element, property or event
// documented in JSDoc (and so in the manifest) appears in every framework without a hand edit.
import { readFileSync } from 'node:fs';

/** Global HTML attributes every framework already types; an element attribute with one of these names is left to them. */
const globalAttributes = new Set(['lang', 'dir', 'id', 'class', 'style', 'title', 'hidden', 'slot', 'part', 'tabindex', 'inert', 'translate']);

/**
 * @typedef {{ name: string, description: string }} Documented
 * @typedef {Documented & { attribute?: string }} Property
 * @typedef {Documented & { field: string }} Attribute
 * @typedef {{
 *   tag: string, className: string, description: string,
 *   typesModule: string, module: string, defineModule: string,
 *   properties: Property[], attributes: Attribute[], events: Documented[],
 * }} ElementModel
 */

/** @returns {ElementModel[]} */
export function readElements(manifestPath) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement) continue;
      if (!declaration.tagName) throw new Error(`${module.path}: ${declaration.name} has no @tag in its JSDoc`);
      const match = /^src\/(.+)\.ts$/.exec(module.path);
      if (!match) throw new Error(`${module.path}: element modules are expected under src/`);
      elements.push(toElement(declaration, match[1]));
    }
  }
  if (elements.length === 0) throw new Error(`${manifestPath} lists no custom elements`);
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

function toElement(declaration, path) {
  const attributes = declaration.attributes ?? [];
  const attributeOf = new Map(attributes.filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]));
  const properties = (declaration.members ?? [])
    .filter(isSettableProperty)
    .map((member) => ({ name: member.name, description: member.description ?? '', attribute: attributeOf.get(member.name) }));
  const known = new Set(properties.map((property) => property.name));
  return {
    tag: declaration.tagName,
    className: declaration.name,
    description: declaration.summary ?? declaration.description ?? '',
    // Paths relative to dist/: the element's .d.ts, its module and the module that registers it.
    typesModule: `types/${path}.js`,
    module: `${path}.js`,
    defineModule: `${path}.define.js`,
    properties,
    // Attributes spelt differently from their property (`allow-other` → allowOther), for templates
    // that write attributes; global ones (`lang`) are already typed by every framework.
    attributes: attributes
      .filter((a) => a.fieldName && known.has(a.fieldName) && a.name !== a.fieldName && !globalAttributes.has(a.name))
      .map((a) => ({ name: a.name, field: a.fieldName, description: a.description ?? '' })),
    events: (declaration.events ?? [])
      .filter((event) => event.name)
      .map((event) => ({ name: event.name, description: event.description ?? '' })),
  };
}

/** A public instance field a page may set: not static, not read-only, not private or protected. */
function isSettableProperty(member) {
  return (
    member.kind === 'field' &&
    !member.static &&
    !member.readonly &&
    (member.privacy === undefined || member.privacy === 'public') &&
    !member.name.startsWith('#') &&
    !member.name.startsWith('_')
  );
}

/** Events with a hyphen are the element's own; `change` and `input` are native and typed by each framework already. */
export const isCustomEvent = (event) => event.name.includes('-');

/** `survey-submit` → `SurveySubmit`. */
export const pascal = (name) => name.replace(/(^|-)([a-z0-9])/g, (_, __, letter) => letter.toUpperCase());

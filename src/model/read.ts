import { textContent, type XmlElement } from '../xml/tree';
import type { Offsets } from './locate';
import type { ChildSpec, ElementSpec } from './spec';

/**
 * Element → object by a compiled spec, and nothing more: no findings, nothing kept aside, no order or count checked.
 * A child matches on (namespace URI, local name) exactly; of a single child the first counts; what the spec does not
 * name is passed over; what is missing is absent. Text is the element's own text, trimmed. Where each object and its
 * properties started goes to `offsets`, as the binder records it. Properties come in the spec's order.
 */
export function readBySpec(element: XmlElement, spec: ElementSpec, offsets?: WeakMap<object, Offsets>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const at: Offsets = { start: element.start, props: {} };
  offsets?.set(result, at);
  if (spec.text !== undefined) result[spec.text] = textContent(element);
  for (const { prop, name } of spec.attributes) {
    const value = element.attrs?.[name];
    if (value !== undefined) result[prop] = value;
  }
  for (const childSpec of spec.children) {
    const matches = element.children.filter(
      (c): c is XmlElement => typeof c !== 'string' && c.local === childSpec.name && childSpec.nsUris.includes(c.ns),
    );
    if (matches.length === 0) continue;
    if (childSpec.many) {
      result[childSpec.prop] = matches.map((c) => value(c, childSpec, offsets));
      at.props[childSpec.prop] = matches.map((c) => c.start);
    } else {
      result[childSpec.prop] = value(matches[0]!, childSpec, offsets);
      at.props[childSpec.prop] = matches[0]!.start;
    }
  }
  return result;
}

function value(element: XmlElement, spec: ChildSpec, offsets?: WeakMap<object, Offsets>): unknown {
  switch (spec.kind) {
    case 'object':
      return readBySpec(element, spec.element!, offsets);
    case 'flag':
      return true;
    case 'text':
      return textContent(element);
    case 'formatted':
      throw new Error(`readBySpec reads no formatted text (${spec.name})`);
  }
}

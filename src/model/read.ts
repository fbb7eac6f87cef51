import { textContent, type XmlElement } from '../xml/tree';
import type { Offsets } from './locate';
import type { ChildSpec, ElementSpec } from './spec';

/** Where readBySpec tells what does not fit the spec's counts; the value it gives is the same with or without one. */
export interface ReadSink {
  /** a mandatory child is absent from `parent`; `path` is the parent's element names from the root */
  missing?(child: ChildSpec, parent: XmlElement, path: readonly string[]): void;
  /** a second occurrence of a [0..1] or [1] child, left out; `path` ends with its name */
  repeated?(child: ChildSpec, element: XmlElement, path: readonly string[]): void;
  /** a child element the spec does not name (passed over); `path` is the parent's */
  unknown?(element: XmlElement, path: readonly string[]): void;
}

/**
 * Element → object by a compiled spec, and nothing more: nothing kept aside, no order checked, no value checked (that is
 * the schema's). A child matches on (namespace URI, local name) exactly; of a single child the first counts (the others
 * go to the sink); what the spec does not name is passed over; what is missing is absent (and goes to the sink when
 * mandatory). Text is the element's own text, trimmed. Where each object and its properties started goes to `offsets`,
 * as the binder records it. Properties come in the spec's order.
 */
export function readBySpec(
  element: XmlElement,
  spec: ElementSpec,
  offsets?: WeakMap<object, Offsets>,
  sink?: ReadSink,
): Record<string, unknown> {
  return new SpecReader(offsets, sink).object(element, spec, [element.local]);
}

class SpecReader {
  constructor(
    private readonly offsets: WeakMap<object, Offsets> | undefined,
    private readonly sink: ReadSink | undefined,
  ) {}

  object(element: XmlElement, spec: ElementSpec, path: readonly string[]): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const at: Offsets = { start: element.start, props: {} };
    this.offsets?.set(result, at);
    if (spec.text !== undefined) result[spec.text] = textContent(element);
    for (const { prop, name } of spec.attributes) {
      const value = element.attrs?.[name];
      if (value !== undefined) result[prop] = value;
    }
    if (this.sink?.unknown) {
      for (const child of element.children) {
        if (typeof child !== 'string' && !spec.byLocal.get(child.local)?.nsUris.includes(child.ns)) this.sink.unknown(child, path);
      }
    }
    for (const childSpec of spec.children) {
      const matches = element.children.filter(
        (c): c is XmlElement => typeof c !== 'string' && c.local === childSpec.name && childSpec.nsUris.includes(c.ns),
      );
      if (matches.length === 0) {
        if (childSpec.min > 0) this.sink?.missing?.(childSpec, element, path);
        continue;
      }
      const childPath = [...path, childSpec.name];
      if (childSpec.many) {
        result[childSpec.prop] = matches.map((c) => this.value(c, childSpec, childPath));
        at.props[childSpec.prop] = matches.map((c) => c.start);
      } else {
        result[childSpec.prop] = this.value(matches[0]!, childSpec, childPath);
        at.props[childSpec.prop] = matches[0]!.start;
        for (const repeated of matches.slice(1)) this.sink?.repeated?.(childSpec, repeated, childPath);
      }
    }
    return result;
  }

  private value(element: XmlElement, spec: ChildSpec, path: readonly string[]): unknown {
    switch (spec.kind) {
      case 'object':
        return this.object(element, spec.element!, path);
      case 'flag':
        return true;
      case 'text':
        return spec.lines ? linesOf(element) : textContent(element);
      case 'formatted':
        throw new Error(`readBySpec reads no formatted text (${spec.name})`);
    }
  }
}

/** Formatted text as plain text, trimmed: a Break is a line break, other markup's text is kept. */
function linesOf(element: XmlElement): string {
  let text = '';
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') text += c;
      else if (c.local === 'Break') text += '\n';
      else walk(c);
    }
  };
  walk(element);
  return text.trim();
}

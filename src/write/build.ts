import type { ChildSpec, ElementSpec } from '../model/spec';
import { INLINE_STYLES, keptInlineContent, type RichText } from '../model/formatted';
import { MESSAGE_SPEC, ROOT_SPEC, type ExtraElement, type GopMessage } from '../model/schema';
import { MEDCOM_NAMESPACES, NS, PREFERRED_PREFIX, type NamespaceKey } from '../standard/namespaces';
import { serializeXml, TEXT_SEPARATOR, type OutElement, type OutNode } from '../xml/serialize';
import { parseXml } from '../xml/tree';
import { describeError } from '../input/readable';
import { guardOptions } from '../read/parse';
import { checkBuildOptions } from './options';
import { encodeLatin1, encodeUtf8 } from '../values/bytes';
import { BUILD_ENCODINGS, type BuildEncoding } from '../standard/encodings';
import { checkInput } from './check';
import { describe, GopBuildError, shown, type BuildIssue, type BuildOptions } from './issues';
import { declaration, KeptPlaces, REREAD_LIMITS, type Place } from './kept';

export type { BuildEncoding } from '../standard/encodings';
export { GopBuildError, type BuildIssue, type BuildOptions } from './issues';

const FORMATTING: Record<Exclude<RichText['type'], 'text' | 'break'>, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  center: 'Center',
  fixedFont: 'FixedFont',
};
const HIGHEST: Record<BuildEncoding, number> = { 'UTF-8': 0x10ffff, 'ISO-8859-1': 0xff };

const samePlace = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** Whether the place `at` is in (or inside) one of the `span` content nodes from `from` on. */
function wrappedBy(at: readonly number[], from: readonly number[], span: number): boolean {
  const level = from.length - 1;
  if (at.length <= level) return false;
  for (let i = 0; i < level; i++) if (at[i] !== from[i]) return false;
  return at[level]! >= from[level]! && at[level]! < from[level]! + span;
}

/** Rich content compared by what it says, whatever the key order of its objects. */
function sameContent(a: readonly RichText[], b: readonly RichText[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!;
      if (x.type !== y.type) return false;
      if (x.type === 'text') return x.value === (y as { value: string }).value;
      if (x.type === 'break') return true;
      return sameContent(x.content, (y as { content: RichText[] }).content);
    })
  );
}

/** An element written with a start and an end tag even when empty (as the builder always wrote text and formatting). */
const orEmpty = (children: OutNode[]): OutNode[] => (children.length ? children : ['']);

/** Where the formatted text being written takes what was kept aside inside it, in the order of its content. */
interface InlineQueue {
  place: Place;
  next: number;
  path: string;
}

/** The message as a tree of elements for the serializer, with what was kept aside put back where it stood. */
class Writer {
  private readonly prefix: Record<NamespaceKey, string>;
  private readonly encoding: BuildEncoding;
  private readonly extrasByPath = new Map<string, ExtraElement[]>();
  private readonly issues: BuildIssue[] = [];
  private readonly kept: KeptPlaces;

  constructor(
    private readonly options: BuildOptions,
    extras: ExtraElement[] | undefined,
  ) {
    this.prefix = { m104: options.prefixes?.m104 ?? PREFERRED_PREFIX.m104, m100: options.prefixes?.m100 ?? PREFERRED_PREFIX.m100 };
    if (this.prefix.m104 === this.prefix.m100) throw new GopBuildError([{ path: '/', message: 'm104 and m100 need different prefixes' }]);
    const encoding = options.encoding ?? 'UTF-8';
    if (!Object.hasOwn(HIGHEST, encoding))
      throw new GopBuildError([
        { path: '/', message: `encoding ${shown(String(encoding))}: the builder writes ${BUILD_ENCODINGS.join(' or ')}` },
      ]);
    this.encoding = encoding;
    for (const extra of extras ?? []) {
      const list = this.extrasByPath.get(extra.path) ?? [];
      list.push(extra);
      this.extrasByPath.set(extra.path, list);
    }
    this.kept = new KeptPlaces(this.prefix, HIGHEST[encoding], encoding, this.extrasByPath, this.issues);
    for (const key of ['m104', 'm100'] as const)
      if (this.kept.beyond(this.prefix[key]))
        this.issue('/', `the prefix ${shown(this.prefix[key])} cannot be written in ${encoding}: a name cannot be a character reference`);
  }

  private issue(path: string, message: string) {
    this.issues.push({ path, message });
  }

  /**
   * Text that follows other text but must be read as a node of its own: a CDATA section where it can be one (no
   * "]]>", no CR, every character in the encoding), else after a processing instruction, which ends a text node.
   */
  private separateText(value: string): OutNode[] {
    return value.includes(']]>') || value.includes('\r') || this.kept.beyond(value)
      ? [{ markup: TEXT_SEPARATOR }, value]
      : [{ markup: `<![CDATA[${value}]]>` }];
  }

  private qname(ns: NamespaceKey, name: string) {
    return this.prefix[ns] ? `${this.prefix[ns]}:${name}` : name;
  }

  document(message: GopMessage): string {
    const path = `/${ROOT_SPEC.name}`;
    const place = this.kept.place(path, 'object', MESSAGE_SPEC, message);
    if (place.scope) this.kept.scope = place.scope;
    const root: OutElement = {
      name: this.qname(ROOT_SPEC.nsKeys[0] as NamespaceKey, ROOT_SPEC.name), // the message spec is in m104/m100 only
      attributes: [...(['m104', 'm100'] as const).map((key) => declaration([this.prefix[key], NS[key]])), ...place.start],
      children: orEmpty(this.children(message as unknown as Record<string, unknown>, MESSAGE_SPEC, path, place)),
    };
    // what is left had nowhere to go: no element at its path was written
    for (const [path, extras] of this.extrasByPath)
      for (const extra of extras) this.issue(path, `${describe(extra)}: the plan has no element ${path} to write it in`);
    if (this.issues.length) throw new GopBuildError(this.issues);
    const xml = `${serializeXml(root, { declaration: { encoding: this.encoding }, pretty: this.options.pretty === true })}\n`;
    this.verify(xml);
    return xml;
  }

  /** The last word: the document is well-formed XML and holds only characters of its encoding, or nothing is returned. */
  private verify(xml: string) {
    const reread = parseXml(xml, REREAD_LIMITS);
    const problem = !reread.ok
      ? `${reread.finding.message} (line ${reread.finding.line}, column ${reread.finding.column})`
      : this.kept.beyond(xml)
        ? `it holds a character ${this.encoding} lacks`
        : undefined;
    if (problem)
      throw new GopBuildError([
        {
          path: '/',
          message: `the document written is not what was meant: ${problem}. This is a bug in the builder; nothing was returned.`,
        },
      ]);
  }

  /** Children in the standard's order (the schema's key order), then whatever was kept aside at this path. */
  private children(value: Record<string, unknown>, spec: ElementSpec, path: string, place: Place): OutNode[] {
    const out: OutNode[] = [];
    for (const child of spec.children) {
      const v = value[child.prop];
      if (v === undefined) continue;
      if (child.many) (v as unknown[]).forEach((item, i) => out.push(this.element(child, item, `${path}/${child.name}[${i + 1}]`)));
      else out.push(this.element(child, v, `${path}/${child.name}`));
    }
    out.push(...this.keptNodes(place.content, place));
    return out;
  }

  private element(spec: ChildSpec, value: unknown, path: string): OutElement {
    const name = this.qname(spec.nsKeys[0] as NamespaceKey, spec.name);
    const place = this.kept.place(path, spec.kind, spec.element, value);
    const outer = this.kept.scope;
    if (place.scope) this.kept.scope = place.scope;
    let children: OutNode[];
    switch (spec.kind) {
      case 'flag':
        children = this.keptNodes(place.content, place);
        break;
      case 'text':
        children = [value as string, ...this.keptNodes(place.content, place)];
        break;
      case 'formatted': {
        const queue: InlineQueue = { place, next: 0, path };
        children = orEmpty(this.rich((value as { content: RichText[] }).content, [], queue));
        for (const extra of place.inline.slice(queue.next))
          this.issue(
            path,
            `${describe(extra)} at inline.at ${JSON.stringify(extra.inline!.at)} does not fit the formatted text's content: the content was changed after reading, or the place is wrong`,
          );
        break;
      }
      case 'object':
        children = orEmpty(this.children(value as Record<string, unknown>, spec.element!, path, place));
    }
    this.kept.scope = outer;
    // only between the elements of an object may pretty printing add white space: elsewhere it is content
    return { name, attributes: place.start, children, preserveSpace: spec.kind !== 'object' };
  }

  /** Elements and text kept aside inside an element, in order; a text after a text stays a node of its own. */
  private keptNodes(items: readonly ExtraElement[], place: Place): OutNode[] {
    const out: OutNode[] = [];
    let afterText = false;
    for (const extra of items) {
      if (extra.reason === 'text') {
        out.push(...(afterText ? this.separateText(extra.xml) : [extra.xml]));
        afterText = true;
        continue;
      }
      const fragment = place.fragments.get(extra);
      if (!fragment) continue; // refused: its issue is listed
      out.push({ markup: fragment.markup });
      afterText = false;
    }
    return out;
  }

  /**
   * Formatted text from its rich content, with what the reader kept aside inside it put back where it stood: an
   * unknown element around the content nodes it wrapped, attributes on their Break or Bold, text and elements inside
   * their Break. `queue` holds those in the order of the content.
   */
  private rich(content: readonly RichText[], at: readonly number[], queue: InlineQueue): OutNode[] {
    const out: OutNode[] = [];
    let afterText = false; // the last thing written here was a text node: a reader would join the next one to it
    const items = queue.place.inline;
    for (let i = 0; ; i++) {
      // unknown elements that start here (span 0: an empty one), outermost first
      for (
        let head = items[queue.next];
        head && head.inline!.span !== undefined && samePlace(head.inline!.at, [...at, i]);
        head = items[queue.next]
      ) {
        queue.next++;
        const span = head.inline!.span;
        const markup = this.inlineElement(head, content.slice(i, i + span), span, queue);
        if (markup !== undefined) out.push({ markup });
        afterText = false;
        i += span;
      }
      if (i >= content.length) break;
      const node = content[i]!;
      if (node.type === 'text') {
        // two text nodes side by side (text beside a CDATA section, as read) stay two, and an empty one stays
        out.push(...(afterText || node.value === '' ? this.separateText(node.value) : [node.value]));
        afterText = true;
        continue;
      }
      afterText = false;
      out.push(this.formatting(node, [...at, i], queue));
    }
    return out;
  }

  /** A Break or Bold … with the attributes kept aside on it, and (a Break) what was kept aside inside it. */
  private formatting(node: Exclude<RichText, { type: 'text' }>, here: number[], queue: InlineQueue): OutElement {
    const items = queue.place.inline;
    const attributes: ExtraElement[] = [];
    const inside: ExtraElement[] = [];
    for (
      let head = items[queue.next];
      head && head.inline!.span === undefined && samePlace(head.inline!.at, here);
      head = items[queue.next]
    ) {
      queue.next++;
      (head.reason === 'attribute' ? attributes : inside).push(head);
    }
    if (attributes.length > 1) this.kept.distinctAttributes(attributes, queue.path, queue.place.scope ?? this.kept.scope);
    const start = attributes.map((extra) => queue.place.attributes.get(extra)).filter((a) => a !== undefined);
    if (node.type === 'break') {
      for (const extra of inside)
        if (extra.reason === 'repeated')
          this.issue(queue.path, `${describe(extra)} inside a Break: a reader finds any element there unknown (reason "unknown")`);
      return { name: this.qname('m100', 'Break'), attributes: start, children: this.keptNodes(inside, queue.place) };
    }
    for (const extra of inside)
      this.issue(
        queue.path,
        `${describe(extra)} at inline.at ${JSON.stringify(here)}: only a Break holds text or elements kept aside; inside ${FORMATTING[node.type]} they are its content`,
      );
    return { name: this.qname('m100', FORMATTING[node.type]), attributes: start, children: orEmpty(this.rich(node.content, here, queue)) };
  }

  /** An unknown element inside formatted text, written around the `span` content nodes it wrapped: they must be what it says. */
  private inlineElement(extra: ExtraElement, wrapped: readonly RichText[], span: number, queue: InlineQueue): string | undefined {
    const fragment = queue.place.fragments.get(extra);
    if (!fragment) return undefined; // refused: its issue is listed
    const { root } = fragment;
    if (MEDCOM_NAMESPACES.has(root.ns) && (root.local === 'Break' || Object.hasOwn(INLINE_STYLES, root.local))) {
      this.issue(
        queue.path,
        `${describe(extra)}: a reader reads ${root.local} as formatting, not as an element kept aside (put it in the content)`,
      );
      return undefined;
    }
    if (extra.reason !== 'unknown')
      this.issue(
        queue.path,
        `${describe(extra)} inside formatted text: a reader finds it unknown there (reason "unknown", not "${extra.reason}")`,
      );
    const reading = keptInlineContent(root);
    if (reading.length !== span || wrapped.length !== span || !sameContent(reading, wrapped)) {
      this.issue(
        queue.path,
        `${describe(extra)} at inline.at ${JSON.stringify(extra.inline!.at)} wraps content that is no longer there (its ${span} node(s) from that place differ from what it holds): the content was changed after reading`,
      );
      return undefined;
    }
    // What it holds is written as part of it, and a reader keeps it with it, once: nothing after it in the list may
    // stand inside the content it wraps (a model read before issue 22 listed it all again, each level with its subtree).
    const items = queue.place.inline;
    for (let head = items[queue.next]; head && wrappedBy(head.inline!.at, extra.inline!.at, span); head = items[queue.next]) {
      queue.next++;
      this.issue(
        queue.path,
        `${describe(head)} at inline.at ${JSON.stringify(head.inline!.at)} stands inside ${describe(extra)}, which holds it already: a reader keeps an unknown element whole, once, and nothing inside it again (remove it from extraElements)`,
      );
    }
    return fragment.markup;
  }
}

/**
 * The message as G-GOP XML: namespaces as the standard uses them, elements in the standard's order, text escaped,
 * formatted text written from its rich content, whatever was kept aside written back where it stood. In
 * ISO-8859-1 the string holds only ISO-8859-1 characters (the others as references), so that its latin1 bytes are
 * buildGopBytes'. Throws GopBuildError rather than write an invalid document.
 */
export function buildGop(message: GopMessage, options: BuildOptions = {}): string {
  options = guardOptions(checkBuildOptions, options, 'buildGop'); // options it cannot use: GopOptionsError, listing every problem
  try {
    checkInput(message, options);
    return new Writer(options, message.extraElements).document(message);
  } catch (error) {
    if (isBuildError(error)) throw error;
    // Whatever a JavaScript caller built (a getter or Proxy trap that throws, a value that changes between two reads)
    // fails as a plan that cannot be built, never with another error.
    throw new GopBuildError([{ path: '/', message: `the message cannot be read or written (${describeError(error)})` }]);
  }
}

const isBuildError = (error: unknown): boolean => {
  try {
    return error instanceof GopBuildError;
  } catch {
    return false; // a revoked Proxy thrown by a getter of the message
  }
};

/** The message as bytes in UTF-8 or ISO-8859-1; characters ISO-8859-1 lacks become character references. */
export function buildGopBytes(message: GopMessage, options: BuildOptions = {}): Uint8Array {
  options = guardOptions(checkBuildOptions, options, 'buildGop');
  const encoding = options.encoding ?? 'UTF-8';
  const xml = buildGop(message, { ...options, encoding });
  return encoding === 'UTF-8' ? encodeUtf8(xml) : encodeLatin1(xml);
}

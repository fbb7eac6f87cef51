import { isXmlSpace } from '../xml/chars';
import { z } from 'zod';
import { MEDCOM_NAMESPACES } from '../standard/namespaces';
import type { XmlElement, XmlNode } from '../xml/tree';

/** The inline markup of MedCom formatted text (m100 elements: the style with a capital). Center and FixedFont are (assumed). */
export const STYLES = ['bold', 'italic', 'underline', 'center', 'fixedFont'] as const;
export type InlineStyle = (typeof STYLES)[number];
const InlineStyleSchema = z.enum(STYLES);
/** Element local name → style (Bold → bold). */
export const INLINE_STYLES = Object.fromEntries(STYLES.map((style) => [style[0]!.toUpperCase() + style.slice(1), style])) as {
  readonly [S in InlineStyle as Capitalize<S>]: S;
};

export type RichText = { type: 'text'; value: string } | { type: 'break' } | { type: InlineStyle; content: RichText[] };

export const RichTextSchema: z.ZodType<RichText> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), value: z.string() }),
    z.object({ type: z.literal('break') }),
    z.object({ type: InlineStyleSchema, content: z.array(RichTextSchema) }),
  ]),
) as z.ZodType<RichText>;

/** `text` is for reading and searching; `content` keeps every text node as sent, for rendering and round trips. */
export const FormattedTextSchema = z.object({
  text: z.string().describe('plain text: whitespace runs collapsed, each Break a newline'),
  content: z.array(RichTextSchema).describe('the markup as sent'),
});
export type FormattedText = z.infer<typeof FormattedTextSchema>;

/** XML's own whitespace (space, tab, CR, LF): a no-break space or a U+FEFF inside a value is content, not padding. */
export function trimXmlSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isXmlSpace(text.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * Plain text as a reader sees it: each run of XML whitespace (indentation, wrapping), across text nodes and inline
 * markup too, is one space; only Break makes a line, and spaces around a line break go. One pass over the characters, so no input shape costs more than linear.
 */
export function plainText(content: readonly RichText[]): string {
  const walk: PlainWalk = { text: '', space: false, breaks: 0 };
  appendPlain(content, walk);
  return walk.text;
}

/** The walk's state: one small object per call (no closure, no parts array), so a call inside a walk is its own. */
interface PlainWalk {
  /** the text so far: appended to, so that the text of one node is that node's own string (no parts, no join) */
  text: string;
  /** a run of whitespace waits (across text nodes and markup): written only if text follows on the line */
  space: boolean;
  /** Breaks wait too, written only if text follows: leading and trailing line breaks go */
  breaks: number;
}

function appendPlain(nodes: readonly RichText[], walk: PlainWalk): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      // Each run to one space natively (linear: a single character class, nothing to backtrack into), then the
      // node's two ends joined with what stands around it.
      let value = NEEDS_COLLAPSE.test(node.value) ? node.value.replace(WHITESPACE_RUN, ' ') : node.value;
      let from = 0;
      if (value.charCodeAt(0) === 0x20) {
        walk.space = true;
        from = 1;
      }
      if (from === value.length) continue;
      const trailing = value.charCodeAt(value.length - 1) === 0x20;
      if (from === 1 || trailing) value = value.slice(from, trailing ? -1 : value.length);
      if (walk.text === '') walk.text = value;
      else if (walk.breaks > 0) walk.text += (walk.breaks === 1 ? '\n' : '\n'.repeat(walk.breaks)) + value;
      else walk.text += walk.space ? ` ${value}` : value;
      walk.space = trailing;
      walk.breaks = 0;
    } else if (node.type === 'break') {
      walk.space = false;
      walk.breaks++;
    } else appendPlain(node.content, walk);
  }
}

const WHITESPACE_RUN = /[ \t\r\n]+/g;
// Most text is words and single spaces: only a tab, CR, LF or a second space needs the (allocating) replace.
const NEEDS_COLLAPSE = /[\t\r\n]| {2}/;

/** Whether a model value is formatted text ({ text, content }), for code that walks the model without its spec. */
export const isFormattedText = (value: object): value is FormattedText =>
  typeof (value as { text?: unknown }).text === 'string' && Array.isArray((value as { content?: unknown }).content);

/** Formatted text from plain text, each newline a Break: for plans written in code. */
export function formattedText(text: string): FormattedText {
  const content: RichText[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) content.push({ type: 'break' });
    if (line) content.push({ type: 'text', value: line });
  });
  return { text: plainText(content), content };
}

/** What reading formatted text does with what is not formatting: the binder reports and keeps it; the builder only reads the content. */
export interface InlineHost {
  /** the namespace URI, as the standard's own constant when it is a MedCom one (cheaper to compare) */
  ownUri(ns: string): string;
  enter(element: XmlElement): void;
  leave(): void;
  /** a Break or style element in m104: read all the same */
  inlineNamespace(element: XmlElement): void;
  attributes(element: XmlElement, inline: { at: number[] }): void;
  /** `inline.span` is set once the content it wraps is read; nothing inside it is kept again (its xml holds it) */
  unknown(element: XmlElement, inline: { at: number[]; span?: number }): void;
  strayText(text: string, parent: XmlElement, inline: { at: number[] }): void;
}

/**
 * Inline content into `out` from index `n` on (overwriting what stands there: a caller's reused scratch array),
 * returning the index after the last node read; `out` is content[at[0]].content[at[1]]… of the formatted text: what
 * is kept aside on the way records its place there (`inline`), so that the builder writes it back where it stood.
 * Inside an unknown element (`inKept`) only the content is read: that element is kept whole, so what it holds —
 * unknown elements, attributes, text in a Break — is kept with it, once, and never again on its own (issue 22: kept
 * again at every level, each time with its subtree, nested unknown markup made the kept XML grow with depth × size).
 */
export function readInlineNodes(
  nodes: XmlNode[],
  at: readonly number[],
  out: RichText[],
  n: number,
  host: InlineHost,
  inKept = false,
): number {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (typeof node === 'string') {
      out[n++] = { type: 'text', value: node };
      continue;
    }
    const isMedCom = MEDCOM_NAMESPACES.has(host.ownUri(node.ns));
    // Own properties only: an element named toString must not find Object.prototype's.
    const style =
      isMedCom && Object.hasOwn(INLINE_STYLES, node.local) ? INLINE_STYLES[node.local as keyof typeof INLINE_STYLES] : undefined;
    if (isMedCom && node.local === 'Break') {
      host.inlineNamespace(node);
      out[n++] = { type: 'break' };
      if (inKept || (!node.attrs && node.children.length === 0)) continue; // the usual <Break/>, or kept with what holds it
      const here = [...at, n - 1];
      host.enter(node);
      host.attributes(node, { at: here });
      for (const child of node.children) {
        if (typeof child !== 'string') host.unknown(child, { at: here });
        else if (trimXmlSpace(child)) host.strayText(child, node, { at: here });
      }
      host.leave();
    } else if (style) {
      host.inlineNamespace(node);
      const content: RichText[] = [];
      out[n++] = { type: style, content };
      if (inKept) {
        readInlineNodes(node.children, at, content, 0, host, true);
        continue;
      }
      const here = [...at, n - 1];
      host.enter(node);
      host.attributes(node, { at: here });
      readInlineNodes(node.children, here, content, 0, host);
      host.leave();
    } else if (inKept) {
      n = readInlineNodes(node.children, at, out, n, host, true);
    } else {
      // Unknown markup: reported and kept aside, whole; its words stay in the text so that nothing is lost to a
      // reader, and `span` says which content nodes it wrapped, so that the builder writes it around them again.
      const first = n;
      const inline = { at: [...at, first], span: 0 };
      host.unknown(node, inline);
      n = readInlineNodes(node.children, at, out, n, host, true);
      inline.span = n - first;
    }
  }
  return n;
}

/** The place of top-level content: only read (copied into the places below it), so one frozen array serves all. */
export const NO_PLACE: readonly number[] = Object.freeze([]);

const NO_HOST: InlineHost = {
  ownUri: (ns) => ns,
  enter: () => {},
  leave: () => {},
  inlineNamespace: () => {},
  attributes: () => {},
  unknown: () => {},
  strayText: () => {},
};

/**
 * The content nodes an unknown element kept aside inside formatted text gives the text (its words, Breaks and
 * styles, as the reader reads them): what the builder checks a kept-aside inline element against. Nothing in it is
 * kept aside on its own.
 */
export function keptInlineContent(element: XmlElement): RichText[] {
  const content: RichText[] = [];
  readInlineNodes(element.children, NO_PLACE, content, 0, NO_HOST, true);
  return content;
}

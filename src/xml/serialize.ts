import { codePointName, firstNonChar } from './chars';

/** An element to write. Names are written as given: the caller has checked them (and declared their prefixes). */
export interface OutElement {
  name: string;
  attributes?: readonly (readonly [name: string, value: string])[];
  children?: readonly OutNode[];
  /** white space inside is content even without text children (formatted text): pretty printing adds none inside */
  preserveSpace?: boolean;
}

/**
 * Markup written as it is: content the caller read and checked to be well-formed where it stands (a kept-aside
 * element with its comments, CDATA sections and spelling, for a lossless round trip; a separator between text nodes).
 * In an encoding that lacks some of its characters it is re-spelt ({@link markupIn}).
 */
interface OutMarkup {
  markup: string;
}

/** A string child is text, escaped on output. */
export type OutNode = OutElement | OutMarkup | string;

export interface SerializeOptions {
  /** the XML declaration, followed by a line break; `false` or absent writes none */
  declaration?: { encoding: string } | false;
  /** a line break and indentation before child elements, never inside an element that has text children */
  pretty?: boolean;
  /** one level of indentation when pretty (default two spaces) */
  indent?: string;
}

/** A character XML 1.0 cannot carry at all, not even as a reference: no writer may write it. */
export class XmlCharacterError extends RangeError {
  constructor(
    readonly text: string,
    readonly offset: number,
  ) {
    super(`XML 1.0 cannot carry the character ${codePointName(text, offset)} (at ${offset} of the value)`);
    this.name = 'XmlCharacterError';
  }
}

const TEXT_SPECIAL = /[&<>\r]/g;
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g;
const REFERENCE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  // A CR as itself would be read back as a LF (XML 1.0 §2.11 line-end normalisation).
  '\r': '&#13;',
};
const reference = (c: string): string => REFERENCE[c]!;

/**
 * Text as element content: `&`, `<`, `>` (so `]]>` cannot occur) and CR as references; tab and LF stay, as they are
 * content. Throws {@link XmlCharacterError} on a character XML cannot carry (a C0 control but tab/LF/CR, a lone
 * surrogate, U+FFFE/U+FFFF): written as is it would make the document ill-formed.
 */
export function escapeText(text: string): string {
  checkChars(text);
  return text.replace(TEXT_SPECIAL, reference);
}

/**
 * A value inside double quotes: as {@link escapeText}, and `"`, tab, LF as references, or attribute-value
 * normalisation (XML 1.0 §3.3.3) would turn the white space into spaces.
 */
export function escapeAttribute(value: string): string {
  checkChars(value);
  return value.replace(ATTRIBUTE_SPECIAL, reference);
}

function checkChars(text: string): void {
  const bad = firstNonChar(text);
  if (bad >= 0) throw new XmlCharacterError(text, bad);
}

/** The last character an encoding has; the serializer writes the others as character references. */
function highestCharacter(encoding: string): number {
  const name = encoding.toUpperCase();
  if (name === 'ISO-8859-1' || name === 'LATIN1') return 0xff;
  if (name === 'US-ASCII' || name === 'ASCII') return 0x7f;
  return 0x10ffff;
}

/**
 * Every character above `highest` as a character reference, for text and attribute values that are already
 * escaped (a reference cannot stand in a name, so names must be in the encoding already).
 */
function referencesAbove(text: string, highest: number): string {
  if (highest >= 0x10ffff) return text;
  const out: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) <= highest) continue;
    const code = text.codePointAt(i)!;
    out.push(text.slice(last, i), `&#${code};`);
    if (code > 0xffff) i++;
    last = i + 1;
  }
  if (last === 0) return text;
  out.push(text.slice(last));
  return out.join('');
}

/**
 * Ends a text node and carries nothing: between two texts that must stay two where the second cannot be a CDATA
 * section (a reader joins adjacent text).
 */
export const TEXT_SEPARATOR = '<?gop-text?>';

/** Where a character an encoding lacks stands in markup that allows no reference there. */
export class XmlEncodingError extends RangeError {
  constructor(readonly where: 'a name' | 'a comment' | 'a processing instruction') {
    super(`${where} holds a character the encoding lacks, and XML allows no reference there`);
    this.name = 'XmlEncodingError';
  }
}

const isBeyond = (text: string, highest: number): boolean => {
  if (highest >= 0x10ffff) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > highest) return true;
  return false;
};

/**
 * Well-formed markup with every character above `highest` written where XML allows a reference: in text and
 * attribute values a reference; a CDATA section holding one as escaped text between two {@link TEXT_SEPARATOR}s (still
 * a text node of its own). Throws {@link XmlEncodingError} when one stands in a name, comment or processing
 * instruction. The markup must be well-formed (the caller read it): this only walks its lexical parts.
 */
export function markupIn(markup: string, highest: number): string {
  if (!isBeyond(markup, highest)) return markup;
  const out: string[] = [];
  const length = markup.length;
  let i = 0;
  while (i < length) {
    const lt = markup.indexOf('<', i);
    out.push(referencesAbove(markup.slice(i, lt < 0 ? length : lt), highest));
    if (lt < 0) break;
    if (markup.startsWith('<!--', lt) || markup.startsWith('<?', lt)) {
      const comment = markup[lt + 1] === '!';
      const close = markup.indexOf(comment ? '-->' : '?>', lt + 2) + (comment ? 3 : 2);
      const part = markup.slice(lt, close);
      if (isBeyond(part, highest)) throw new XmlEncodingError(comment ? 'a comment' : 'a processing instruction');
      out.push(part);
      i = close;
    } else if (markup.startsWith('<![CDATA[', lt)) {
      const close = markup.indexOf(']]>', lt + 9);
      const data = markup.slice(lt + 9, close);
      out.push(
        isBeyond(data, highest) ? `${TEXT_SEPARATOR}${referencesAbove(escapeText(data), highest)}${TEXT_SEPARATOR}` : `<![CDATA[${data}]]>`,
      );
      i = close + 3;
    } else {
      i = tagIn(markup, lt, highest, out);
    }
  }
  return out.join('');
}

/** A start or end tag at `lt`: names outside quotes (no reference possible), attribute values inside. Returns its end. */
function tagIn(markup: string, lt: number, highest: number, out: string[]): number {
  let j = lt;
  for (;;) {
    const gt = markup.indexOf('>', j);
    const quote = markup.slice(j, gt).search(/["']/);
    const stop = quote < 0 ? gt + 1 : j + quote;
    const names = markup.slice(j, stop);
    if (isBeyond(names, highest)) throw new XmlEncodingError('a name');
    out.push(names);
    if (quote < 0) return stop;
    const close = markup.indexOf(markup[stop]!, stop + 1);
    out.push(markup[stop]!, referencesAbove(markup.slice(stop + 1, close), highest), markup[stop]!);
    j = close + 1;
  }
}

interface Frame {
  readonly element: OutElement;
  readonly children: readonly OutNode[];
  next: number;
  /** no white space may be added here: the element, or one around it, has text children */
  readonly exact: boolean;
  readonly depth: number;
}

/** Text, or markup that is no element (a CDATA section, a separator): white space beside it would be content. */
const isTextual = (child: OutNode): boolean =>
  typeof child === 'string' || ('markup' in child && !(child.markup[0] === '<' && child.markup[1] !== '!' && child.markup[1] !== '?'));
const hasText = (children: readonly OutNode[]): boolean => children.some(isTextual);

/**
 * The element and everything below it as XML text, in one pass with an explicit stack (a document can be deeper
 * than the call stack) into an array joined once. Text and attribute values are escaped here and nowhere else;
 * with a declaration whose encoding cannot hold a character, that character is written as a reference.
 */
export function serializeXml(root: OutElement, options: SerializeOptions = {}): string {
  const out: string[] = [];
  const declaration = options.declaration;
  const highest = declaration ? highestCharacter(declaration.encoding) : 0x10ffff;
  if (declaration) out.push(`<?xml version="1.0" encoding="${escapeAttribute(declaration.encoding)}"?>\n`);
  const pretty = options.pretty === true;
  const indent = options.indent ?? '  ';
  const indents: string[] = ['\n'];
  const lineAt = (depth: number): string => {
    for (let d = indents.length; d <= depth; d++) indents.push(indents[d - 1] + indent);
    return indents[depth]!;
  };
  const text = (value: string) => referencesAbove(escapeText(value), highest);
  const stack: Frame[] = [];
  const open = (element: OutElement, depth: number, exactAround: boolean): void => {
    out.push('<', element.name);
    for (const [name, value] of element.attributes ?? []) {
      out.push(' ', name, '="', referencesAbove(escapeAttribute(value), highest), '"');
    }
    const children = element.children ?? [];
    if (children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    stack.push({ element, children, next: 0, exact: exactAround || !pretty || element.preserveSpace === true || hasText(children), depth });
  };
  open(root, 0, false);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next === frame.children.length) {
      stack.pop();
      if (!frame.exact) out.push(lineAt(frame.depth));
      out.push('</', frame.element.name, '>');
      continue;
    }
    const child = frame.children[frame.next++]!;
    if (typeof child === 'string') {
      out.push(text(child));
      continue;
    }
    if (!frame.exact) out.push(lineAt(frame.depth + 1));
    if ('markup' in child) out.push(markupIn(child.markup, highest));
    else open(child, frame.depth + 1, frame.exact);
  }
  return out.join('');
}

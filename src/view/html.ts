/*
 * The one way the viewer writes markup. A string child is always text (escaped); only what h() returns is markup, and
 * h() writes only the elements and attributes listed here, every one closed and quoted (polyglot XHTML: the page is
 * also well-formed XML). A link is made only from an http: or https: URL.
 */

/** Every element the viewer can write. */
export const VIEW_ELEMENTS = [
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'div',
  'main',
  'header',
  'section',
  'h1',
  'h2',
  'h3',
  'p',
  'dl',
  'dt',
  'dd',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'u',
  'span',
  'a',
  'br',
  'pre',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'caption',
  // SVG, for the summary report's charts (src/stats/html.ts): drawn by our own code, no script
  'svg',
  'defs',
  'pattern',
  'g',
  'rect',
  'line',
  'path',
  'text',
] as const;
type ElementName = (typeof VIEW_ELEMENTS)[number];

/** Every attribute the viewer can write. */
export const VIEW_ATTRIBUTES = [
  'id',
  'class',
  'lang',
  'xml:lang',
  'xmlns',
  'charset',
  'http-equiv',
  'content',
  'name',
  'href',
  'rel',
  'target',
  'aria-hidden',
  'aria-label',
  // SVG geometry (src/stats/html.ts); fills and strokes come from the style sheet's classes
  'role',
  'viewBox',
  'width',
  'height',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'd',
  'patternUnits',
] as const;
type AttributeName = (typeof VIEW_ATTRIBUTES)[number];

const VOID = new Set<ElementName>(['meta', 'br']);

/** Markup made by h(): the only value written as it is. */
export class Markup {
  constructor(readonly html: string) {}
}
export type Child = Markup | string | number | null | undefined | false | readonly Child[];
type Attributes = Partial<Record<AttributeName, string | undefined>>;

// Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF): U+FFFD, so that
// the page stays well-formed whatever a caller's object holds.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>"']/g; // quotes too: no text of a message ever looks like an attribute in the page
const ATTRIBUTE_SPECIAL = /[&<>"\t\n\r]/g; // always written in double quotes
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const clean = (value: string) => value.replace(NOT_XML, '\uFFFD');
const escapeText = (value: string) => clean(value).replace(TEXT_SPECIAL, (c) => ENTITY[c]!);
const escapeAttribute = (value: string) => clean(value).replace(ATTRIBUTE_SPECIAL, (c) => ENTITY[c]!);

function write(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false) return;
  if (child instanceof Markup) out.push(child.html);
  else if (Array.isArray(child)) for (const c of child as readonly Child[]) write(c, out);
  else out.push(escapeText(String(child)));
}

/** An element: attributes quoted and escaped (undefined ones left out), children escaped unless made by h(). */
export function h(name: ElementName, attributes: Attributes | null, ...children: Child[]): Markup {
  const out = [`<${name}`];
  for (const [key, value] of Object.entries(attributes ?? {}) as [AttributeName, string | undefined][]) {
    if (value === undefined) continue;
    if (key === 'href' && !value.startsWith('#') && safeUrl(value) === undefined) throw new Error(`viewer: unsafe href ${value}`);
    out.push(` ${key}="${escapeAttribute(value)}"`);
  }
  if (VOID.has(name)) {
    if (children.length) throw new Error(`viewer: <${name}> takes no content`);
    out.push('/>');
    return new Markup(out.join(''));
  }
  out.push('>');
  if (name === 'style') throw new Error('viewer: use styleElement');
  for (const child of children) write(child, out);
  out.push(`</${name}>`);
  return new Markup(out.join(''));
}

/** Markup from a list without a wrapping element. */
export const fragment = (...children: Child[]): Markup => {
  const out: string[] = [];
  for (const child of children) write(child, out);
  return new Markup(out.join(''));
};

/** Our own style sheet (never message text): raw text in HTML, so it must hold nothing that XML or HTML would read. */
export function styleElement(css: string): Markup {
  if (/[<&]/.test(css)) throw new Error('viewer: the style sheet holds < or &');
  return new Markup(`<style>${css}</style>`);
}

/** The URL, normalised, when it is an absolute http: or https: URL; otherwise undefined. */
function safeUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed) || /[\s<>"'`\\]/.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens apart from the page, when the URL is http(s); otherwise the URL as text. */
export function externalLink(url: string, text: Child = url): Markup {
  const href = safeUrl(url);
  return href
    ? h('a', { href, rel: 'noopener noreferrer', target: '_blank' }, text)
    : h('span', { class: 'url-text' }, typeof text === 'string' ? text : url);
}

/** A whole document: the doctype, then the root element. */
export const documentOf = (root: Markup): string => `<!DOCTYPE html>\n${root.html}\n`;

import { INPUT_001, INPUT_002, INPUT_004 } from '../findings/reader-rules';
import { makeFinding, type Finding } from '../findings/finding';
import { LineIndex } from './position';

export interface XmlLimits {
  /** deepest element nesting accepted */
  maxDepth: number;
  /** most attributes on one element */
  maxAttributes: number;
  /** most elements in the document */
  maxElements: number;
}

const DECLARATION = /^<!(DOCTYPE|ENTITY)/i;
// Characters XML 1.0 forbids (§2.2); a NUL or a stray control byte is a broken or hostile document.
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// An ampersand that does not start one of XML's five predefined entities or a character reference.
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/;

function at(lines: LineIndex, offset: number) {
  return { path: '/', ...lines.position(offset) };
}

/**
 * Cheap checks before any parser sees the text: what the parsers either accept silently or handle slowly.
 * Each is a single native scan, so a normal message pays almost nothing.
 */
export function guardText(text: string, lines: LineIndex, limits: XmlLimits): Finding | undefined {
  // '<!' is rare in a message (comments, CDATA), so looking at each is cheaper than a case-insensitive regex.
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    const declaration = DECLARATION.exec(text.slice(i, i + 9));
    if (declaration) {
      const construct = declaration[1]!.toUpperCase() === 'DOCTYPE' ? 'a DOCTYPE declaration' : 'an entity declaration';
      return makeFinding(INPUT_002, { construct }, at(lines, i));
    }
  }
  const forbidden = FORBIDDEN_CHAR.exec(text);
  if (forbidden) {
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return makeFinding(INPUT_001, { en: `character U+${code} is not allowed in XML`, da: `tegnet U+${code} er ikke tilladt i XML` }, at(lines, forbidden.index));
  }
  if (text.includes('&')) {
    const bad = BAD_REFERENCE.exec(text);
    if (bad) {
      const ref = /^&[^;\s<&]{0,20};?/.exec(text.slice(bad.index, bad.index + 24))?.[0] ?? '&';
      const detail = ref.endsWith(';') && ref.length > 2
        ? { en: `the entity reference "${ref}" is not defined (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references)`, da: `entitetsreferencen "${ref}" er ikke defineret (XML kender kun &amp; &lt; &gt; &quot; &apos; og numeriske referencer)` }
        : { en: 'a bare "&" must be written &amp;', da: 'et "&" skal skrives &amp;' };
      return makeFinding(INPUT_001, detail, at(lines, bad.index));
    }
  }
  if (text.includes(']]>')) {
    // Comments may hold "]]>": blank them out (same length, so offsets stay) before looking.
    const stray = strayCdataEnd(text.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length)));
    if (stray >= 0) return makeFinding(INPUT_001, { en: '"]]>" may only close a CDATA section (write "]]&gt;" in text)', da: '"]]>" må kun afslutte en CDATA-sektion (skriv "]]&gt;" i tekst)' }, at(lines, stray));
  }
  return attributeFlood(text, lines, limits.maxAttributes);
}

/** The first "]]>" that closes no CDATA section (XML 1.0 §2.4), or -1. The parsers here let it through. */
function strayCdataEnd(text: string): number {
  let from = 0;
  for (;;) {
    const end = text.indexOf(']]>', from);
    if (end < 0) return -1;
    const open = text.indexOf('<![CDATA[', from);
    if (open < 0 || open > end) return end;
    const close = text.indexOf(']]>', open + 9);
    if (close < 0) return -1; // an unterminated section: the validator says so
    from = close + 3;
  }
}

/**
 * Parsers spend seconds on an element with 100,000 attributes. A message has few '=' in all,
 * so only a document with many of them is scanned tag by tag.
 */
function attributeFlood(text: string, lines: LineIndex, maxAttributes: number): Finding | undefined {
  let equals = 0;
  for (let i = text.indexOf('='); i >= 0 && equals <= maxAttributes; i = text.indexOf('=', i + 1)) equals++;
  if (equals <= maxAttributes) return undefined;
  let tagStart = -1;
  let count = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '<') { tagStart = i; count = 0; }
    else if (tagStart >= 0 && (c === '"' || c === "'")) quote = c;
    else if (tagStart >= 0 && c === '=' && ++count > maxAttributes) {
      return makeFinding(INPUT_004, { en: `an element has more than ${maxAttributes} attributes`, da: `et element har mere end ${maxAttributes} attributter` }, at(lines, tagStart));
    } else if (c === '>') tagStart = -1;
  }
  return undefined;
}

/**
 * Text as XML element content (or, with `attribute`, a double-quoted attribute value). A CR becomes a reference, or a
 * reader's line-end normalisation would turn it into a LF; in an attribute, tab and LF too, or attribute-value
 * normalisation (XML 1.0 §3.3.3) would turn them into spaces. The one escaping the writers use (builder, VANS, JUnit).
 */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped;
}

/**
 * Every character above `highest` (the last one an encoding has: 0xFF for ISO-8859-1) as a character reference, for
 * text and attribute values that are already escaped. Names, CDATA, comments and processing instructions cannot hold
 * a reference: the builder checks those itself.
 */
export function referencesAbove(text: string, highest: number): string {
  if (highest >= 0x10ffff) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) <= highest) continue;
    const code = text.codePointAt(i)!;
    out += `${text.slice(last, i)}&#${code};`;
    if (code > 0xffff) i++;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Text as XML element content (or, with `attribute`, a double-quoted attribute value). A CR becomes a reference, or a
 * reader's line-end normalisation would turn it into a LF; in an attribute, tab and LF too, or attribute-value
 * normalisation (XML 1.0 §3.3.3) would turn them into spaces. The one escaping the writers use (builder, VANS, JUnit).
 */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;') : escaped;
}

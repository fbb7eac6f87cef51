/**
 * Text as XML element content (or, with `attribute`, a double-quoted attribute value). A CR becomes a reference, or a
 * reader's line-end normalisation would turn it into a LF. The one escaping the writers use (builder, VANS, JUnit).
 */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  return attribute ? escaped.replace(/"/g, '&quot;') : escaped;
}

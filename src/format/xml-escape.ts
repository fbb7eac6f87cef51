import { escapeAttribute } from '../xml/serialize';
import { visibleEscape, withoutCommandStart } from '../values/controls';

// What XML 1.0 cannot carry at all, not even as a reference (C0 but tab/LF/CR, U+FFFE/U+FFFF, a lone surrogate).
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// What it can, but a terminal or log viewer acts on: kept as a reference, so the parsed value is the same.
const REFERENCED = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

const reference = (c: string) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;

/**
 * Data as XML text or attribute value in a report: the serializer's escaping (as an attribute value, so LF and tab
 * too); what XML cannot hold shown as an escape (`\x01`, `\uFFFE`); every other control a character reference — the
 * report keeps one line per line of ours, a data line cannot start a CI command when the file is printed, and a
 * parser gets the value back.
 */
export function escapeXml(text: string): string {
  return escapeAttribute(text.replace(NOT_XML, visibleEscape)).replace(REFERENCED, reference);
}

/** A line of the report that starts with data: when it would start a CI command, its first ':' or '#' as a reference. */
export const xmlLineWithoutCommandStart = (line: string): string => withoutCommandStart(line, reference);

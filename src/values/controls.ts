/*
 * Characters that act on a terminal or a log viewer instead of being shown: C0 controls (ESC starts colour and cursor
 * sequences, LF a new line a CI runner reads as a command), DEL, C1 controls (U+0085 is a line end to some readers,
 * U+009B a one-character CSI), the bidi controls (they reorder what is shown: "Trojan Source") and U+2028/U+2029
 * (line ends to JavaScript and some viewers). Text from a message or a file name passes here before it is printed.
 * Each function is one linear scan (a character class, no backtracking).
 */

const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
const CONTROLS_ALL = new RegExp(CONTROLS.source, 'g');
/** The same less C0: JSON.stringify escapes C0 itself, and these it leaves raw. */
const JSON_RAW = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (code: number, width: number) => code.toString(16).toUpperCase().padStart(width, '0');

/** `\u202E` for any character: the form JSON and JavaScript read back as the character. */
const unicodeEscape = (c: string): string => `\\u${hex(c.charCodeAt(0), 4)}`;

/** `\n`, `\x1B`, `\u202E`: how a control is shown (a C0, DEL or C1 by its byte, the rest by its code unit). */
export function visibleEscape(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : unicodeEscape(c));
}

/** The text with every control shown as an escape (text and github formats): it prints as one plain line. */
export function visibleControls(text: string): string {
  return CONTROLS.test(text) ? text.replace(CONTROLS_ALL, visibleEscape) : text;
}

/**
 * JSON text (from JSON.stringify) with the controls it leaves raw as \uXXXX escapes. They can only stand inside
 * strings, where an escape means the same character: the parsed value does not change.
 */
export function jsonWithoutControls(json: string): string {
  return json.replace(JSON_RAW, unicodeEscape);
}

// GitHub's runner trims leading white space (.NET's, which includes U+0085 and U+180E) before it looks for "::", and
// it still reads the older "##[command]" form.
const COMMAND_START = /^[\s\u0085\u180E]*(?=::|##\[)/;

/**
 * A line of output that begins with data (a file name) and would start a CI workflow command: its first ':' or '#'
 * replaced by `escapeChar(c)` (`\x3A` where shown as text, `&#58;` in XML). Any other line is returned as it is.
 */
export function withoutCommandStart(line: string, escapeChar: (c: string) => string = visibleEscape): string {
  const match = COMMAND_START.exec(line);
  if (!match) return line;
  const at = match[0].length;
  return line.slice(0, at) + escapeChar(line[at]!) + line.slice(at + 1);
}

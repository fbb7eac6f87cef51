import { isXmlSpace } from '../xml/chars';
import { z } from 'zod';

/** The inline markup of MedCom formatted text (m100 elements). Center and FixedFont are (assumed). */
export const INLINE_STYLES = { Bold: 'bold', Italic: 'italic', Underline: 'underline', Center: 'center', FixedFont: 'fixedFont' } as const;
export type InlineStyle = (typeof INLINE_STYLES)[keyof typeof INLINE_STYLES];

export type RichText =
  | { type: 'text'; value: string }
  | { type: 'break' }
  | { type: InlineStyle; content: RichText[] };

export const RichTextSchema: z.ZodType<RichText> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), value: z.string() }),
    z.object({ type: z.literal('break') }),
    z.object({ type: z.enum(['bold', 'italic', 'underline', 'center', 'fixedFont']), content: z.array(RichTextSchema) }),
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
  const parts: string[] = [];
  let space = false; // a run of whitespace waits (across text nodes and markup): written only if text follows on the line
  let lineStart = true; // at the start or just after a Break: whitespace there goes
  const walk = (nodes: readonly RichText[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        // Each run to one space natively (linear: a single character class, nothing to backtrack into), then the
        // node's two ends joined with what stands around it.
        let value = NEEDS_COLLAPSE.test(node.value) ? node.value.replace(WHITESPACE_RUN, ' ') : node.value;
        if (value.charCodeAt(0) === 0x20) { space = true; value = value.slice(1); }
        if (value === '') continue;
        const trailing = value.charCodeAt(value.length - 1) === 0x20;
        if (space && !lineStart) parts.push(' ');
        parts.push(trailing ? value.slice(0, -1) : value);
        space = trailing;
        lineStart = false;
      } else if (node.type === 'break') {
        parts.push('\n');
        space = false;
        lineStart = true;
      } else walk(node.content);
    }
  };
  walk(content);
  // Trailing spaces were never written; leading and trailing line breaks remain to trim.
  return trimXmlSpace(parts.join(''));
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

/*
 * What the reader keeps aside, and every output made from it, is proportional to the input (issue 22). Unknown
 * elements nested inside formatted text were kept again at every level, each time with its whole subtree: a 2.2 MiB
 * plan within every default limit gave 68 MB of kept XML (29.5 times the input) and a 124 MB HTML view. Each unknown
 * element is now kept once, the outermost with all it holds. Sizes are measured, never time: outputs over input, and
 * how they grow as the input does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGop, parseGop, redactParseResult, renderGopHtml, type ParseOptions } from '../src/index';
import { DEFAULT_PARSE_OPTIONS } from '../src/options/index';
import { FIXTURES_DIR } from './helpers';

const MINIMAL = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const SUMMARY = /<AbilityAtDischargeSummary>[\s\S]*?<\/AbilityAtDischargeSummary>/;

/** minimal.xml with `body` as the formatted text of AbilityAtDischargeSummary (depth 3), vendor prefix v bound. */
function plan(body: string): string {
  const xml = MINIMAL.replace(
    '<Emessage xmlns="urn:oio:medcom:municipality:1.0.4"',
    '<Emessage xmlns="urn:oio:medcom:municipality:1.0.4" xmlns:v="urn:vendor"',
  ).replace(SUMMARY, `<AbilityAtDischargeSummary>Går ${body}</AbilityAtDischargeSummary>`);
  expect(xml).toContain(body);
  return xml;
}

const nest = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);

/** Unknown elements nested `depth` deep, words at every level: the shape of the issue. */
const deep = (depth: number) => `${nest(depth, '<v:a>ord ord ord ord ', '</v:a>', 'kerne')} `;
/** The same with what a reader once kept aside at every level too: attributes, formatting, a Break with text and an element. */
const deepRich = (depth: number) =>
  `${nest(
    depth,
    '<v:a v:k="1">ord <mm100:Bold v:b="2">fed</mm100:Bold><mm100:Break v:t="3">brud<v:x/></mm100:Break>',
    '</v:a>',
    'kerne',
  )} `;
/** Unknown elements and formatting taking turns: <v:a> in <mm100:Italic> in <v:a> … */
const throughFormatting = (depth: number) => `${nest(depth >> 1, '<v:a>ord <mm100:Italic>kursiv ', '</mm100:Italic></v:a>', 'kerne')} `;
/** A tree of unknown elements, two in each, `height` levels: nested and siblings. */
const tree = (height: number): string => (height === 0 ? 'blad' : `<v:t>ord ${tree(height - 1)} <v:t>ord</v:t> ${tree(height - 1)}</v:t>`);
/** Bold nested `depth` deep, an unknown element beside each level's Bold: siblings with ever longer inline.at places. */
const boldLadder = (depth: number) => `${nest(depth, '<mm100:Bold><v:s>ord ord</v:s> ', '</mm100:Bold>', 'kerne')} `;

interface Shape {
  name: string;
  /** the body for one size parameter (depth or height) */
  body: (p: number) => string;
  /** size parameters: the input grows with each (before issue 22 the kept XML grew with its square) */
  sizes: number[];
  /** blocks of that body per document, so that the input is large beside the page's fixed parts */
  copies: number;
}

const SHAPES: Shape[] = [
  { name: 'the issue: unknown elements nested deep, words at every level', body: deep, sizes: [4, 15, 60], copies: 60 },
  {
    name: 'nested, with attributes, Bold and a Break holding text and an element at every level',
    body: deepRich,
    sizes: [4, 15, 59],
    copies: 20,
  },
  { name: 'unknown elements and formatting taking turns', body: throughFormatting, sizes: [4, 16, 60], copies: 60 },
  { name: 'a tree of unknown elements (nested and siblings)', body: tree, sizes: [2, 5, 9], copies: 6 },
];

interface Sizes {
  input: number;
  /** the xml strings of extraElements, summed */
  kept: number;
  extras: number;
  model: number;
  html: number;
  built: number;
  redacted: number;
}

function measure(xml: string): Sizes {
  const result = parseGop(xml);
  if (!result.ok) throw new Error(`does not read: ${result.findings.map((f) => `${f.ruleId} ${f.message}`).join('; ')}`);
  const extras = result.message.extraElements ?? [];
  const built = buildGop(result.message);
  // lossless: what the builder wrote reads back to the same model (compared as JSON: toEqual is slow on megabytes)
  const again = parseGop(built);
  expect(again.ok && JSON.stringify(again.message) === JSON.stringify(result.message), 'the built document reads back the same').toBe(true);
  return {
    input: xml.length,
    kept: extras.reduce((sum, extra) => sum + extra.xml.length, 0),
    extras: extras.length,
    model: JSON.stringify(result.message).length,
    html: renderGopHtml(result).length, // the page gop view makes of the same bytes
    built: built.length,
    redacted: JSON.stringify(redactParseResult(result)).length,
  };
}

/**
 * Output per input character, for each output: at most these, as a whole (largest document) and per added character.
 * Kept XML: each kept string is its own part of the input. The model (and parse --redact, its JSON with the findings)
 * writes each text node as an object, {"type":"text","value":"ord "} for 4 characters between two tags: more than
 * the HTML view, which shows the words and the kept XML once each.
 */
const BOUNDS = { kept: 1, built: 1.1, html: 3, model: 5, redacted: 5 } as const;
type Output = keyof typeof BOUNDS;
const OUTPUTS = Object.keys(BOUNDS) as Output[];
/**
 * What each element kept aside adds whatever its size: its entry in the model (path, reason, namespace, name,
 * place) and in the view (a block of fields, and its warning while findings are listed). Bounded per element, so
 * by the input too, but large beside a tiny element (<v:s>ord ord</v:s>): the ratios above hold where the kept
 * elements are few beside the input, as when they nest.
 */
const PER_KEPT = { kept: 0, built: 0, html: 1000, model: 300, redacted: 1000 } as const;

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

describe('what is kept aside of nested unknown content, and every output made from it, grows linearly with the input', () => {
  it.each(SHAPES)('$name', ({ body, sizes, copies }) => {
    const series = sizes.map((p) => measure(plan(body(p).repeat(copies))));
    const table = series.map((s) => ({
      input: s.input,
      extras: s.extras,
      ...Object.fromEntries(OUTPUTS.map((o) => [o, ratio(s[o], s.input)])),
    }));
    console.log(`kept-proportional: ${body.name}: output / input per size\n${JSON.stringify(table)}`);
    for (const s of series) {
      // each kept string is its own part of the input: together never more than the input
      expect(s.kept).toBeLessThanOrEqual(s.input);
    }
    const first = series[0]!;
    const last = series.at(-1)!;
    expect(last.input).toBeGreaterThan(first.input * 8); // the sizes really grow
    for (const output of OUTPUTS) {
      // as a whole …
      expect(ratio(last[output], last.input), output).toBeLessThanOrEqual(BOUNDS[output]);
      // … and step by step: each character added to the input adds at most a bounded amount (no square of the depth)
      for (let i = 1; i < series.length; i++) {
        const slope = (series[i]![output] - series[i - 1]![output]) / (series[i]!.input - series[i - 1]!.input);
        expect(ratio(slope, 1), `${output}, step ${i}`).toBeLessThanOrEqual(BOUNDS[output]);
      }
    }
  });

  it('siblings: an unknown element beside each level of Bold nested deep (places as long as the nesting)', () => {
    const series = [4, 15, 60].map((depth) => measure(plan(boldLadder(depth).repeat(30))));
    console.log(`kept-proportional: boldLadder: ${JSON.stringify(series)}`);
    expect(series.at(-1)!.input).toBeGreaterThan(series[0]!.input * 8);
    expect(series.at(-1)!.extras).toBe(60 * 30); // one per unknown element, whatever its depth
    const allowed = (output: Output, input: number, extras: number) => BOUNDS[output] * input + PER_KEPT[output] * extras;
    for (const output of OUTPUTS) {
      for (const s of series) expect(s[output], output).toBeLessThanOrEqual(allowed(output, s.input, s.extras));
      for (let i = 1; i < series.length; i++) {
        const [a, b] = [series[i - 1]!, series[i]!];
        expect(b[output] - a[output], `${output}, step ${i}`).toBeLessThanOrEqual(allowed(output, b.input - a.input, b.extras - a.extras));
      }
    }
  });

  it('the shape of the issue at 2.2 MiB, within every default limit: kept XML and the HTML view about the size of the input', () => {
    const block = deep(58);
    const xml = plan(block.repeat(Math.floor((2.2 * 1024 * 1024) / block.length)));
    expect(xml.length).toBeGreaterThan(2 * 1024 * 1024);
    expect(xml.length).toBeLessThan(DEFAULT_PARSE_OPTIONS.maxBytes);
    const sizes = measure(xml);
    console.log(`kept-proportional: the issue's shape: ${JSON.stringify(sizes)}`);
    expect(sizes.extras).toBe(Math.floor((2.2 * 1024 * 1024) / block.length)); // one per outermost unknown element
    expect(sizes.kept).toBeLessThanOrEqual(sizes.input); // was 68 MB (29.5 times the input)
    for (const output of OUTPUTS) expect(ratio(sizes[output], sizes.input), output).toBeLessThanOrEqual(BOUNDS[output]);
  });
});

describe("the reader's other limits still apply to nested unknown content in formatted text", () => {
  const refusal = (xml: string, options?: ParseOptions) => {
    const result = parseGop(xml, options);
    expect(result.ok).toBe(false);
    return result.findings.filter((f) => f.severity === 'fatal').map((f) => `${f.ruleId} ${f.messageId}`);
  };

  it('maxDepth: unknown elements nested deeper than the limit are refused unread', () => {
    // Emessage, RehabilitationPlan and the summary are three levels: the rest may be unknown elements
    const deepest = DEFAULT_PARSE_OPTIONS.maxDepth - 3;
    expect(parseGop(plan(deep(deepest))).ok).toBe(true);
    expect(refusal(plan(deep(deepest + 1)))).toEqual(['GOP-INPUT-004 depth']);
    expect(refusal(plan(deep(20)), { maxDepth: 20 })).toEqual(['GOP-INPUT-004 depth']);
  });

  it('maxElements and maxAttributes count what is inside unknown elements too', () => {
    expect(refusal(plan(deep(50).repeat(2001)))).toEqual(['GOP-INPUT-004 elements']);
    expect(refusal(plan(deep(50).repeat(10)), { maxElements: 499 })).toEqual(['GOP-INPUT-004 elements']);
    const attributes = Array.from({ length: 65 }, (_, i) => ` v:a${i}="${i}"`).join('');
    expect(refusal(plan(nest(10, '<v:a>ord ', '</v:a>', `<v:b${attributes}/>`)))).toEqual(['GOP-INPUT-004 attributes']);
  });

  it('maxBytes: a plan of nested unknown content larger than the limit is refused unread', () => {
    const block = deep(58);
    const xml = plan(block.repeat(Math.ceil((DEFAULT_PARSE_OPTIONS.maxBytes + 1) / block.length)));
    expect(refusal(xml, { maxElements: 1_000_000 })).toEqual(['GOP-INPUT-004 bytes']);
    expect(refusal(plan(deep(58).repeat(10)), { maxBytes: 10_000 })).toEqual(['GOP-INPUT-004 bytes']);
  });

  it('maxFindings: one warning per outermost unknown element, and past the limit they are counted', () => {
    const few = parseGop(plan(deep(30).repeat(5)));
    expect(few.findings.map((f) => f.ruleId)).toEqual(Array(5).fill('GOP-STRUCT-003'));
    const many = parseGop(plan(deep(3).repeat(30)), { maxFindings: 10 });
    expect(many.ok).toBe(true);
    expect(many.findings.filter((f) => f.ruleId === 'GOP-STRUCT-003')).toHaveLength(10);
    expect(many.findings.at(-1)?.ruleId).toBe('GOP-INPUT-008');
    expect(many.ok && many.message.extraElements).toHaveLength(30); // every one kept, whatever is reported
  });
});

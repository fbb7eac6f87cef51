/*
 * Lossless reading: every non-whitespace text in a message that parses ok is found, unchanged, in the model —
 * leaf elements as their trimmed text, formatted text through `content`, and whatever the standard does not place
 * verbatim in `message.extraElements`.
 *
 * Generic: the XML tree and the model are walked side by side, mapping each element through MESSAGE_SPEC
 * (name, prop, many/max, kind, element); no expectation is written per fixture. The walk counts every
 * non-whitespace text node of the XML and requires each to have been accounted for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGop, type GopMessage, type RichText } from '../src/index';
import type { ExtraElement } from '../src/model/index';
import { MESSAGE_SPEC } from '../src/model/schema';
import type { ChildSpec, ElementSpec } from '../src/model/spec';
import { INLINE_STYLES } from '../src/model/formatted';
import { MEDCOM_NAMESPACES } from '../src/standard/namespaces';
import { parseXml, type XmlElement, type XmlNode } from '../src/xml/tree';
import { FIXTURES_DIR, haveSamples, SAMPLE } from './helpers';

const LIMITS = { maxDepth: 64, maxAttributes: 64, maxElements: 100_000 };
/** schema-location hints point at the sender's XSD: not content, the one thing not kept (xml:lang, xsi:nil … are) */
const IGNORED_ATTRIBUTE = /^(xsi:)?(schemaLocation|noNamespaceSchemaLocation)$/;
const STYLE_NAMES = new Set(Object.keys(INLINE_STYLES));

// ---------------------------------------------------------------------------------------------------------------
// the XML side, decoded here (not by the reader's decoder): BOM, declared encoding, VANSEnvelope Data

function decode(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const head = Buffer.from(body.subarray(0, 200)).toString('latin1');
  const label = /^<\?xml[^?]*?\sencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1]?.toLowerCase();
  if (label && /^(iso[-_]?8859-1|latin-?1|l1)$/.test(label)) return Buffer.from(body).toString('latin1');
  if (label && /^(windows-1252|cp1252)$/.test(label)) return new TextDecoder('windows-1252').decode(body);
  return new TextDecoder('utf-8', { fatal: true }).decode(body);
}

const elementsOf = (e: XmlElement) => e.children.filter((c): c is XmlElement => typeof c !== 'string');
const textOf = (e: XmlElement) => e.children.filter((c): c is string => typeof c === 'string').join('');

/** The G-GOP document (the one inside a VANSEnvelope, if any): its text and element tree. */
function messageDocument(bytes: Uint8Array): { text: string; root: XmlElement } {
  const text = decode(bytes);
  const parsed = parseXml(text, LIMITS);
  if (!parsed.ok) throw new Error(`not XML: ${parsed.finding.message}`);
  const root = parsed.doc.root;
  if (root.local === 'VANSEnvelope') {
    const message = elementsOf(root).find((e) => e.local === 'Message');
    const data = message && elementsOf(message).find((e) => e.local === 'Data');
    if (!data) throw new Error('VANSEnvelope without Message/Data');
    return messageDocument(new Uint8Array(Buffer.from(textOf(data).replace(/\s+/g, ''), 'base64')));
  }
  return { text, root };
}

/** Every non-whitespace text node below (and in) an element. */
function textNodes(node: XmlNode, out: string[] = []): string[] {
  if (typeof node === 'string') {
    if (node.trim()) out.push(node);
    return out;
  }
  for (const child of node.children) textNodes(child, out);
  return out;
}

const modelText = (content: readonly RichText[]): string =>
  content.map((n) => (n.type === 'text' ? n.value : n.type === 'break' ? '' : modelText(n.content))).join('');

// ---------------------------------------------------------------------------------------------------------------
// the walk: XML element + spec + model value, side by side

class Walk {
  /** extraElements the XML says there must be */
  readonly expectedExtras: ExtraElement[] = [];
  /** non-whitespace text nodes proved present in the model (or kept verbatim) */
  covered = 0;
  readonly problems: string[] = [];

  constructor(private readonly text: string) {}

  private verbatim(element: XmlElement, path: string, reason: 'unknown' | 'repeated') {
    const xml = this.text.slice(element.start, element.end);
    // the offsets must really span the element as written
    if (!xml.startsWith(`<${element.qname}`) || !(xml.endsWith(`</${element.qname}>`) || xml.endsWith('/>'))) {
      this.problems.push(`${path}: offsets of <${element.qname}> do not span the element: ${JSON.stringify(xml.slice(0, 60))}`);
    }
    this.expectedExtras.push({ path, reason, namespace: element.ns, name: element.local, xml });
    this.covered += textNodes(element).length;
  }

  private stray(text: string, path: string) {
    this.expectedExtras.push({ path, reason: 'text', namespace: '', name: '#text', xml: text });
    this.covered++;
  }

  private attributes(element: XmlElement, path: string) {
    for (const [name, value] of Object.entries(element.attrs ?? {})) {
      if (!IGNORED_ATTRIBUTE.test(name)) this.expectedExtras.push({ path, reason: 'attribute', namespace: '', name, xml: value });
    }
  }

  object(element: XmlElement, spec: ElementSpec, model: unknown, path: string) {
    if (typeof model !== 'object' || model === null) {
      this.problems.push(`${path}: expected an object in the model, found ${JSON.stringify(model)}`);
      return;
    }
    const record = model as Record<string, unknown>;
    this.attributes(element, path);
    const seen = new Map<string, number>();
    for (const child of element.children) {
      if (typeof child === 'string') {
        if (child.trim()) this.stray(child, path);
        continue;
      }
      const childSpec = spec.byLocal.get(child.local);
      if (!childSpec || !(childSpec.nsUris.includes(child.ns) || MEDCOM_NAMESPACES.has(child.ns))) {
        this.verbatim(child, path, 'unknown');
        continue;
      }
      const n = seen.get(childSpec.prop) ?? 0;
      if (n >= (childSpec.many ? childSpec.max : 1)) {
        this.verbatim(child, path, 'repeated');
        continue;
      }
      seen.set(childSpec.prop, n + 1);
      const value = childSpec.many ? (record[childSpec.prop] as unknown[] | undefined)?.[n] : record[childSpec.prop];
      this.value(child, childSpec, value, `${path}/${childSpec.many ? `${childSpec.name}[${n + 1}]` : childSpec.name}`);
    }
  }

  private value(element: XmlElement, spec: ChildSpec, value: unknown, path: string) {
    switch (spec.kind) {
      case 'object':
        return this.object(element, spec.element!, value, path);
      case 'formatted':
        return this.formatted(element, value, path);
      case 'text':
      case 'flag': {
        this.attributes(element, path);
        let text = '';
        for (const child of element.children) {
          if (typeof child === 'string') text += child;
          else this.verbatim(child, path, 'unknown');
        }
        const texts = element.children.filter((c): c is string => typeof c === 'string' && !!c.trim()).length;
        if (spec.kind === 'flag') {
          if (value !== true) this.problems.push(`${path}: flag should be true, is ${JSON.stringify(value)}`);
          // a flag has nowhere to keep text: the reader keeps it aside as extraElements (reason 'text')
          if (text.trim()) this.expectedExtras.push({ path, reason: 'text', namespace: '', name: '#text', xml: text.trim() });
          this.covered += texts;
          return;
        }
        if (value !== text.trim())
          this.problems.push(`${path}: model has ${JSON.stringify(value)}, XML has ${JSON.stringify(text.trim())}`);
        else this.covered += texts;
        return;
      }
    }
  }

  private formatted(element: XmlElement, value: unknown, path: string) {
    this.attributes(element, path);
    const content = (value as { content?: RichText[] } | undefined)?.content;
    if (!Array.isArray(content)) {
      this.problems.push(`${path}: no formatted content in the model`);
      return;
    }
    let texts = 0;
    // the text nodes that belong in `content`, in order; Break's own children and unknown markup are kept aside.
    // Inside unknown markup (`kept`) nothing is kept again: the outermost holds it all, once, in its xml.
    const inline = (nodes: XmlNode[], kept: boolean): string => {
      let out = '';
      for (const node of nodes) {
        if (typeof node === 'string') {
          out += node;
          if (node.trim()) texts++;
          continue;
        }
        const medcom = MEDCOM_NAMESPACES.has(node.ns);
        if (medcom && node.local === 'Break') {
          if (kept) {
            this.covered += textNodes(node).length; // in the xml of the unknown element around it
            continue;
          }
          this.attributes(node, path);
          for (const child of node.children) {
            if (typeof child === 'string') {
              if (child.trim()) this.stray(child, path);
            } else this.verbatim(child, path, 'unknown');
          }
        } else if (medcom && STYLE_NAMES.has(node.local)) {
          if (!kept) this.attributes(node, path);
          out += inline(node.children, kept);
        } else {
          // unknown markup: kept verbatim, once, and its words stay in the text
          if (!kept)
            this.expectedExtras.push({
              path,
              reason: 'unknown',
              namespace: node.ns,
              name: node.local,
              xml: this.text.slice(node.start, node.end),
            });
          out += inline(node.children, true);
        }
      }
      return out;
    };
    const xmlText = inline(element.children, false);
    const inModel = modelText(content);
    if (inModel !== xmlText)
      this.problems.push(
        `${path}: content text ${JSON.stringify(inModel.slice(0, 80))}… differs from the XML text ${JSON.stringify(xmlText.slice(0, 80))}…`,
      );
    else this.covered += texts;
  }
}

/**
 * What this walk can say of an extra: not where inside formatted text it stood (`inline`), nor the bindings it uses
 * (`namespaces`), nor a prefixed attribute's namespace (the walk resolves no prefixes); test/build-kept.test.ts does.
 */
const walkable = ({ path, reason, namespace, name, xml }: ExtraElement): ExtraElement => ({
  path,
  reason,
  namespace: reason === 'attribute' && name.includes(':') ? '(prefixed)' : namespace,
  name,
  xml,
});
const byJson = (a: unknown, b: unknown) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0);

/** Walks one message; returns what a test asserts on. */
function walk(bytes: Uint8Array, tamper?: (message: GopMessage) => void) {
  const parsed = parseGop(bytes);
  if (!parsed.ok) throw new Error(`does not parse ok: ${parsed.findings.map((f) => f.ruleId).join(', ')}`);
  tamper?.(parsed.message);
  const { text, root } = messageDocument(bytes);
  const w = new Walk(text);
  w.object(root, MESSAGE_SPEC, parsed.message, '/Emessage');
  return {
    message: parsed.message,
    problems: w.problems,
    covered: w.covered,
    total: textNodes(root).length,
    expectedExtras: w.expectedExtras.map(walkable).sort(byJson),
    actualExtras: (parsed.message.extraElements ?? []).map(walkable).sort(byJson),
    root,
  };
}

/** Every string reachable in the model (values of any depth, trimmed), for a coarse cross-check. */
function modelStrings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value.trim());
  else if (Array.isArray(value)) for (const v of value) modelStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) modelStrings(v, out);
  return out;
}

/** XML leaves (elements with only text), with their parent chain. */
function leaves(element: XmlElement, chain: string[] = [], out: { chain: string; text: string }[] = []) {
  const here = [...chain, element.local];
  if (element.children.every((c) => typeof c === 'string')) {
    const text = textOf(element).trim();
    if (text) out.push({ chain: here.join('/'), text });
  } else {
    for (const child of elementsOf(element)) leaves(child, here, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------

interface ManifestEntry {
  file: string;
}
const manifest: ManifestEntry[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const fixtures = manifest.map((m) => ({ name: m.file, path: `${FIXTURES_DIR}${m.file}` })).filter((f) => existsSync(f.path));
const okFixtures = fixtures.filter((f) => parseGop(bytesOf(f.path)).ok);
console.log(
  `lossless: ${okFixtures.length} of ${fixtures.length} fixtures parse ok and are walked; not ok (skipped): ${fixtures
    .filter((f) => !okFixtures.includes(f))
    .map((f) => f.name)
    .join(', ')}`,
);
if (!haveSamples) console.log(`lossless: the public sample is skipped: ${SAMPLE} is absent`);
const cases = [...okFixtures, ...(haveSamples ? [{ name: 'ggop-public-example.xml (shared sample)', path: SAMPLE }] : [])];

describe('lossless reading: every text of the XML is in the model, unchanged', () => {
  it('walks the valid fixtures, the warning-only invalid ones and the public sample', () => {
    expect(okFixtures.filter((f) => f.name.startsWith('valid/')).length).toBe(fixtures.filter((f) => f.name.startsWith('valid/')).length);
    expect(okFixtures.map((f) => f.name)).toContain('invalid/GOP-STRUCT-003--unknown-element-kaffe.xml');
  });

  it.each(cases)('$name: every element mapped through MESSAGE_SPEC has its text in the model, the rest in extraElements', ({ path }) => {
    const result = walk(bytesOf(path));
    expect(result.problems).toEqual([]);
    expect(result.actualExtras).toEqual(result.expectedExtras);
    // every non-whitespace text node of the XML was accounted for
    expect(result.covered).toBe(result.total);
    expect(result.total).toBeGreaterThan(10);
  });

  it.each(cases)('$name: every XML leaf text (trimmed) is a string of the model or inside a kept extra element', ({ path }) => {
    const result = walk(bytesOf(path));
    const strings = modelStrings({ ...result.message, extraElements: undefined });
    const kept = (result.message.extraElements ?? []).map((e) => e.xml);
    const missing = leaves(result.root).filter(
      ({ text }) => !strings.has(text) && !kept.some((xml) => xml.includes(text) || decodeXml(xml).includes(text)),
    );
    expect(missing).toEqual([]);
  });

  it('has teeth: a changed leaf, a changed text node, a lost extra element or a dropped list item is noticed', () => {
    const bytes = bytesOf(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`);
    expect(walk(bytes).problems).toEqual([]);
    const leaf = walk(bytes, (m) => {
      m.rehabilitationPlan.patient.civilRegistrationNumber = m.rehabilitationPlan.patient.civilRegistrationNumber.replace(/^0/, '');
    });
    expect(leaf.problems.join()).toContain('CivilRegistrationNumber');
    const rich = walk(bytes, (m) => {
      const c = m.rehabilitationPlan.abilityAtDischargeSummary!.content;
      c.splice(c.length - 1, 1);
    });
    expect(rich.problems.join()).toContain('AbilityAtDischargeSummary');
    const list = walk(bytes, (m) => {
      m.rehabilitationPlan.icd10Diagnoses?.icd10Diagnose?.pop();
    });
    expect(list.problems.length).toBeGreaterThan(0);
    const kaffe = walk(bytesOf(`${FIXTURES_DIR}invalid/GOP-STRUCT-003--unknown-element-kaffe.xml`), (m) => {
      delete m.extraElements;
    });
    expect(kaffe.actualExtras).not.toEqual(kaffe.expectedExtras);
  });

  it.skipIf(!haveSamples)('the public sample is read completely (its unknown content, if any, kept verbatim)', () => {
    const result = walk(bytesOf(SAMPLE));
    expect(result.covered).toBe(result.total);
  });
});

function decodeXml(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g, (_, ref: string) =>
    ref === 'amp'
      ? '&'
      : ref === 'lt'
        ? '<'
        : ref === 'gt'
          ? '>'
          : ref === 'quot'
            ? '"'
            : ref === 'apos'
              ? "'"
              : String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// targeted: what a careless reader loses

const MINIMAL = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');

function edited(): string {
  const out = MINIMAL.replace('<mm100:CivilRegistrationNumber>0512471830<', '<mm100:CivilRegistrationNumber>0101701234<')
    .replace(
      '<mm100:PersonSurnameName>Højgaard</mm100:PersonSurnameName>',
      '<mm100:PersonSurnameName>Kj&#230;r &amp; S&#xF8;n</mm100:PersonSurnameName>',
    )
    .replace(
      '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
      '<mm100:PersonGivenName>\n        Åse\n        Marie  \n      </mm100:PersonGivenName>\n' +
        '      <mm100:StreetName>Ærø Allé 007, st.</mm100:StreetName>\n      <mm100:PostCodeIdentifier>0800</mm100:PostCodeIdentifier>',
    )
    .replace(
      /<AbilityAtDischargeSummary>[\s\S]*?<\/AbilityAtDischargeSummary>/,
      '<AbilityAtDischargeSummary>Går 50 m\n   med rollator &amp; stok.<mm100:Break/><mm100:Bold>Østerbro:</mm100:Bold> trapper &#229;  ok</AbilityAtDischargeSummary>',
    );
  expect(out).not.toBe(MINIMAL);
  return out;
}

describe('lossless reading: targeted', () => {
  it('keeps leading zeros, æøå, decoded &amp; / &#230; / &#xF8; and an inner line break', () => {
    const result = parseGop(edited());
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const patient = result.message.rehabilitationPlan.patient;
    expect(patient.civilRegistrationNumber).toBe('0101701234');
    expect(patient.postCodeIdentifier).toBe('0800');
    expect(patient.streetName).toBe('Ærø Allé 007, st.');
    expect(patient.personSurnameName).toBe('Kjær & Søn');
    // trimmed at the ends only: the inner line break and indentation stay as sent
    expect(patient.personGivenName).toBe('Åse\n        Marie');
    const summary = result.message.rehabilitationPlan.abilityAtDischargeSummary!;
    expect(summary.content).toEqual([
      { type: 'text', value: 'Går 50 m\n   med rollator & stok.' },
      { type: 'break' },
      { type: 'bold', content: [{ type: 'text', value: 'Østerbro:' }] },
      { type: 'text', value: ' trapper å  ok' },
    ]);
    expect(summary.text).toBe('Går 50 m med rollator & stok.\nØsterbro: trapper å ok');
    expect(result.findings).toEqual([]);
  });

  it('the same message in ISO-8859-1 bytes reads to the same model', () => {
    const utf8 = parseGop(edited());
    const latin1 = parseGop(new Uint8Array(Buffer.from(edited().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1')));
    expect(latin1.ok && latin1.message).toEqual(utf8.ok && utf8.message);
  });

  it('passes the generic walk, with unknown elements, stray text, attributes and a repeat kept verbatim', () => {
    const xml = edited()
      .replace(
        '<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>',
        '<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan><TypeOfRehabilitationPlan> almen &amp; mere </TypeOfRehabilitationPlan>' +
          '<Kaffe sukker="nej">Sort &#230;<Fløde>lidt</Fløde></Kaffe>løs tekst',
      )
      .replace(
        '<ConsentInformed>ja</ConsentInformed>',
        '<ConsentInformed note="mundtligt">ja<m100:Hvornår xmlns:m100="urn:oio:medcom:municipality:1.0.0">i går</m100:Hvornår></ConsentInformed>',
      )
      .replace(
        '<mm100:Bold>Østerbro:</mm100:Bold>',
        '<mm100:Bold>Østerbro:</mm100:Bold><mm100:Blink>blink <mm100:Italic>kursiv</mm100:Italic></mm100:Blink><mm100:Break>brud</mm100:Break>',
      );
    const result = walk(new Uint8Array(Buffer.from(xml, 'utf8')));
    expect(result.problems).toEqual([]);
    expect(result.actualExtras).toEqual(result.expectedExtras);
    expect(result.covered).toBe(result.total);
    const reasons = result.actualExtras.map((e) => `${e.reason}:${e.name}`).sort();
    expect(reasons).toEqual([
      'attribute:note',
      'repeated:TypeOfRehabilitationPlan',
      'text:#text',
      'text:#text',
      'unknown:Blink',
      'unknown:Hvornår',
      'unknown:Kaffe',
    ]);
    expect(result.actualExtras.find((e) => e.name === 'Kaffe')!.xml).toBe('<Kaffe sukker="nej">Sort &#230;<Fløde>lidt</Fløde></Kaffe>');
    expect(result.actualExtras.find((e) => e.reason === 'repeated')!.xml).toBe(
      '<TypeOfRehabilitationPlan> almen &amp; mere </TypeOfRehabilitationPlan>',
    );
  });

  it('passes the generic walk with unknown markup nested in formatted text: the outermost kept once, its words in the text', () => {
    const nested = (depth: number, words: string) =>
      `${'<v:lag v:n="1">ord '.repeat(depth)}<mm100:Bold v:b="2">${words}</mm100:Bold><mm100:Break>brud<v:i/></mm100:Break>${'</v:lag>'.repeat(depth)}`;
    const xml = edited()
      .replace(
        '<Emessage xmlns="urn:oio:medcom:municipality:1.0.4"',
        '<Emessage xmlns="urn:oio:medcom:municipality:1.0.4" xmlns:v="urn:vendor"',
      )
      .replace('<mm100:Bold>Østerbro:</mm100:Bold>', `<mm100:Bold>Østerbro:</mm100:Bold>${nested(20, 'dyb')} og ${nested(3, 'lav')}`);
    const result = walk(new Uint8Array(Buffer.from(xml, 'utf8')));
    expect(result.problems).toEqual([]);
    expect(result.actualExtras).toEqual(result.expectedExtras);
    expect(result.covered).toBe(result.total);
    expect(result.actualExtras.map((e) => e.xml)).toEqual([nested(20, 'dyb'), nested(3, 'lav')].sort());
  });

  // Was a bug (fixed): a flag element (kind 'flag', e.g. GPCCReceiver/Deselected) binds to `true` and its text is thrown away:
  // bind.ts `case 'flag': this.leafText(element); return true;` discards what leafText returns, and neither a
  // finding nor an extraElements entry records it. `<Deselected>nej, send kopi</Deselected>` reads exactly like
  // `<Deselected/>`, silently. The text should at least be kept aside (extraElements, reason 'text') with a
  // GOP-STRUCT-003 warning.
  it('keeps the text of a flag element (Deselected) somewhere', () => {
    const xml = MINIMAL.replace('<Deselected/>', '<Deselected>nej, send kopi</Deselected>');
    expect(xml).not.toBe(MINIMAL);
    const result = walk(new Uint8Array(Buffer.from(xml, 'utf8')));
    expect(result.problems).toEqual([]);
    expect(result.covered).toBe(result.total);
    expect(result.actualExtras).toEqual(result.expectedExtras);
    expect(JSON.stringify(result.message)).toContain('nej, send kopi');
  });
});

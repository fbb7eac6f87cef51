// The binder reads as the reader reads (src/model/bind.ts, an ElementObserver): what it has bound the tree lets go,
// so a large plan's tree is never all alive at once. What is read after the tree — the identification and the ids a
// receipt needs — must find in it what it would find in the whole tree; the model is checked against the whole
// tree's elsewhere (every parseGop test).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGop, formattedText, parseGop } from '../src/index';
import { decodeBytes } from '../src/input/decode';
import { PendingFindings, type Finding, type FindingCollector } from '../src/findings/finding';
import { bindMessage, MessageBinder, type BindResult } from '../src/model/bind';
import type { ModelPath } from '../src/model/locate';
import { identify } from '../src/read/identify';
import { originalIdsOf, readForIds } from '../src/read/original';
import { LineIndex } from '../src/xml/position';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { FIXTURES_DIR, SAMPLE, haveSamples } from './helpers';

const LIMITS = { maxDepth: 64, maxAttributes: 64, maxElements: 100_000 };

const pendings = new WeakMap<MessageBinder, PendingFindings>();
const pendingOf = (binder: MessageBinder) => pendings.get(binder)!;

/** The text read twice: with the binder (the tree it leaves) and without (the whole tree). */
function readBoth(text: string) {
  const lines = new LineIndex(text);
  const pending = new PendingFindings();
  const binder = new MessageBinder(text, lines, pending, readForIds);
  pendings.set(binder, pending);
  return { bound: parseXml(text, LIMITS, { lines, observer: binder }), whole: parseXml(text, LIMITS), binder };
}

const count = (element: XmlElement): number => 1 + element.children.reduce((n, c) => n + (typeof c === 'string' ? 0 : count(c)), 0);

const documents: { name: string; text: string }[] = [];
const add = (name: string, path: string) => {
  const decoded = decodeBytes(readFileSync(path), 5e6);
  if (decoded.ok) documents.push({ name, text: decoded.text });
};
for (const dir of ['valid', 'invalid', 'hostile']) {
  for (const file of readdirSync(`${FIXTURES_DIR}${dir}`).filter((f) => f.endsWith('.xml')))
    add(`${dir}/${file}`, `${FIXTURES_DIR}${dir}/${file}`);
}
if (haveSamples) add('sample', SAMPLE);
else console.log('bind-as-read: ../shared/samples is absent, the public sample is not among the documents');

/** A plan of the minimal fixture with `n` journal excerpts. */
function planWithExcerpts(n: number): string {
  const parsed = parseGop(readFileSync(`${FIXTURES_DIR}valid/rehabilitering-apopleksi.xml`));
  if (!parsed.ok) throw new Error('the fixture does not read');
  const excerpt = { typeOfExcerpt: 'Uddrag af journalnotat', comment: formattedText('Går med rollator.\nTrapper med støtte.') };
  parsed.message.rehabilitationPlan.journalExcerpt = Array.from({ length: n }, () => excerpt);
  return buildGop(parsed.message, { pretty: true });
}

/** Every path into a model, and the place each resolves to. */
function places(bound: BindResult): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: ModelPath) => {
    const at = bound.source.locate(path);
    out.push(`${path.join('/')} ${at ? `${at.line}:${at.column}` : '-'}`);
    if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) visit(v, [...path, Array.isArray(value) ? Number(k) : k]);
  };
  visit(bound.message, []);
  return out;
}

const collect = (): FindingCollector & { made: Finding[] } => {
  const made: Finding[] = [];
  return { made, add: (_id, _severity, _at, make) => void made.push(make()) };
};

/** Mutations that give the binder work: stray text, unknown and repeated elements, attributes, comments, CDATA, other namespaces. */
const MUTATIONS: ((text: string) => string)[] = [
  (t) => t.replace(/<\/([A-Za-z:]*Sender)>/, 'stray<!-- c --><![CDATA[x]]></$1>'),
  (t) => t.replace(/(<[A-Za-z:]*Patient>)/, '$1 hello <Foo xmlns="urn:x"><Bar/></Foo>'),
  (t) => t.replace(/(<[A-Za-z:]*Letter>[\s\S]*?<\/[A-Za-z:]*Letter>)/, '$1$1'),
  (t) => t.replace(/(<[A-Za-z:]*JournalExcerpt>[\s\S]*?<\/[A-Za-z:]*JournalExcerpt>)/, '$1$1$1'),
  (t) => t.replace(/(<[A-Za-z:]*RehabilitationPlan)/, '$1 foo="bar"'),
  (t) => t.replace(/(<[A-Za-z:]*CivilRegistrationNumber>)/, '$1<b/>'),
  (t) => t.replace(/<([A-Za-z:]*)Comment>/, '<$1Comment>x<Break/>y<Bold xmlns="urn:other">z</Bold>'),
  (t) => t.replace(/<\/([A-Za-z:]*)Patient>/, '<Patient/></$1Patient>'),
];

describe('the binder as the reader reads', () => {
  it('binds as a walk of the whole tree binds: the same model, findings and places, for every fixture and mutation', () => {
    let compared = 0;
    let findings = 0;
    for (const { name, text: original } of documents) {
      for (const text of [original, ...MUTATIONS.map((m) => m(original))]) {
        const { bound, whole, binder } = readBoth(text);
        if (!bound.ok || !whole.ok || identify(whole.doc)) continue;
        const streamed = binder.result()!;
        const walkedFindings = collect();
        const walked = bindMessage(whole.doc, walkedFindings)!;
        expect(streamed.message, name).toEqual(walked.message);
        expect(JSON.stringify(streamed.message), name).toBe(JSON.stringify(walked.message)); // key order too
        expect(streamed.incomplete, name).toBe(walked.incomplete);
        const streamedFindings = collect();
        pendingOf(binder).replay(streamedFindings);
        expect(streamedFindings.made, name).toEqual(walkedFindings.made);
        expect(places(streamed), name).toEqual(places(walked));
        compared++;
        findings += streamedFindings.made.length;
      }
    }
    expect(compared).toBeGreaterThan(150);
    expect(findings).toBeGreaterThan(200);
  });

  it('leaves the identification and the receipt ids what the whole tree gives, for every fixture, whole and cut short', () => {
    let compared = 0;
    let refused = 0;
    for (const { name, text } of documents) {
      for (let cut = 1; cut <= 8; cut++) {
        const piece = text.slice(0, Math.floor((text.length * cut) / 8));
        const { bound, whole } = readBoth(piece);
        expect(bound.ok, name).toBe(whole.ok);
        if (bound.ok && whole.ok) {
          expect(identify(bound.doc), name).toEqual(identify(whole.doc));
          expect(originalIdsOf(bound.doc.root), name).toEqual(originalIdsOf(whole.doc.root));
        } else if (!bound.ok && !whole.ok) {
          refused++;
          expect(bound.finding, name).toEqual(whole.finding);
          expect(originalIdsOf(bound.prefix?.root, bound.prefix?.unclosed), name).toEqual(
            originalIdsOf(whole.prefix?.root, whole.prefix?.unclosed),
          );
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(100);
  });

  it('keeps of a plan the root, its children, the envelope, the letter, the sender and the receiver: not its excerpts', () => {
    const text = planWithExcerpts(3);
    const { bound, whole, binder } = readBoth(text);
    if (!bound.ok || !whole.ok) throw new Error('not read');
    expect(binder.result()?.message.rehabilitationPlan.journalExcerpt).toHaveLength(3);
    const names = (e: XmlElement) => e.children.filter((c): c is XmlElement => typeof c !== 'string').map((c) => c.local);
    expect(names(bound.doc.root)).toEqual(names(whole.doc.root));
    const plan = (root: XmlElement) =>
      root.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === 'RehabilitationPlan')!;
    expect(names(plan(bound.doc.root))).toEqual(['Letter', 'Sender', 'Receiver']);
    expect(names(plan(whole.doc.root))).toContain('JournalExcerpt');
    const envelope = (root: XmlElement) => root.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === 'Envelope')!;
    expect(count(envelope(bound.doc.root))).toBe(count(envelope(whole.doc.root)));
  });

  it('leaves a tree of the same size whatever the number of excerpts (work done: elements counted)', () => {
    const kept = [1, 10, 1000].map((n) => {
      const { bound, whole } = readBoth(planWithExcerpts(n));
      if (!bound.ok || !whole.ok) throw new Error('not read');
      return { bound: count(bound.doc.root), whole: count(whole.doc.root) };
    });
    expect(kept[1]!.bound).toBe(kept[0]!.bound);
    expect(kept[2]!.bound).toBe(kept[0]!.bound);
    expect(kept[2]!.whole - kept[0]!.whole).toBe(999 * 4); // JournalExcerpt, TypeOfExcerpt, Comment and its Break each
  });

  it('binds nothing and takes nothing of a root other than an m104 Emessage (a VANSEnvelope is read whole, then its plan)', () => {
    for (const text of [
      readFileSync(`${FIXTURES_DIR}valid/almen-vans-wrapped.xml`, 'utf8'),
      '<Emessage xmlns="urn:other"><RehabilitationPlan><JournalExcerpt/></RehabilitationPlan></Emessage>',
    ]) {
      const { bound, whole, binder } = readBoth(text);
      if (!bound.ok || !whole.ok) throw new Error('not read');
      expect(binder.result()).toBeUndefined();
      expect(count(bound.doc.root)).toBe(count(whole.doc.root));
    }
  });
});

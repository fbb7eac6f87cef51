/*
 * Property tests of the builder against the reader, on messages generated from the schema (test/arbitraries.ts).
 *
 *   FUZZ_RUNS  runs per property (default 300)
 *   FUZZ_SEED  fast-check seed (default fixed, so CI is reproducible)
 *
 * e.g. FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM npx vitest run test/build-property.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGop,
  buildGopBytes,
  checkGop,
  GopBuildError,
  GopMessageSchema,
  parseGop,
  plainText,
  type BuildOptions,
  type Finding,
  type GopMessage,
  type RichText,
} from '../src/index';
import { INLINE_STYLES } from '../src/model/formatted';
import { cprBirthDate } from '../src/values/cpr';
import { isIsoDate, isTime } from '../src/values/date';
import { isValidGln } from '../src/values/gln';
import {
  danishText,
  insertions,
  messageArbitrary,
  occurrences,
  specPaths,
  validCpr,
  validGln,
  withInsertions,
  type Occurrence,
} from './arbitraries';
import { meaningful } from './kept-helpers';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 300) || 300);
const SEED =
  process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' && Number.isFinite(Number(process.env.FUZZ_SEED))
    ? Number(process.env.FUZZ_SEED)
    : 20190305;
const params = (numRuns = RUNS): fc.Parameters<unknown> => ({ numRuns, seed: SEED, endOnFailure: false });
/** vitest's 60 s default stays for the default runs; more runs by hand get more time */
const timeoutFor = (runs: number, msPerRun = 150) => Math.max(60_000, runs * msPerRun);

/** The message the reader makes of a document; fails with the reader's findings when it makes none. */
function reread(input: string | Uint8Array): GopMessage {
  const result = parseGop(input);
  if (!result.ok)
    throw new Error(`the built document does not read:\n${result.findings.map((f) => `  ${f.ruleId} ${f.path}: ${f.message}`).join('\n')}`);
  return result.message;
}

/** The paths of a GopBuildError's issues, or undefined when nothing is thrown (anything else thrown is rethrown). */
function issuesOf(build: () => unknown): string[] | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof GopBuildError) return error.issues.map((i) => i.path);
    throw error;
  }
  return undefined;
}

const describeFinding = (f: Finding) => `${f.ruleId} ${f.severity} ${f.path}: ${f.message}`;

/** Follows a model path to the object that holds its last segment. */
const holderOf = (root: unknown, modelPath: readonly (string | number)[]) =>
  modelPath
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>((v, k) => v[k] as Record<string | number, unknown>, root as Record<string | number, unknown>);
const lastOf = (modelPath: readonly (string | number)[]) => modelPath[modelPath.length - 1]!;

const ROUND_TRIPS: { label: string; build: (m: GopMessage) => string | Uint8Array }[] = [
  { label: 'default', build: (m) => buildGop(m) },
  { label: 'pretty', build: (m) => buildGop(m, { pretty: true }) },
  { label: 'prefixes gop/default m100', build: (m) => buildGop(m, { prefixes: { m104: 'gop', m100: '' } } satisfies BuildOptions) },
  { label: 'ISO-8859-1 bytes', build: (m) => buildGopBytes(m, { encoding: 'ISO-8859-1' }) },
];

describe('the arbitraries', () => {
  it('validCpr: 10 digits whose DDMMYY and 7th digit give a real birth date; some start with 0', () => {
    const samples = fc.sample(validCpr, { numRuns: 500, seed: SEED });
    for (const cpr of samples) expect(cprBirthDate(cpr), cpr).toBeDefined();
    expect(samples.some((cpr) => cpr.startsWith('0'))).toBe(true);
  });

  it('validGln: 13 digits with a correct GS1 check digit', () => {
    for (const gln of fc.sample(validGln, { numRuns: 500, seed: SEED })) expect(isValidGln(gln), gln).toEqual({ ok: true });
  });

  it('danishText: non-empty, trimmed, only XML characters; æøå, markup characters and inner newlines occur', () => {
    const samples = fc.sample(danishText, { numRuns: 1000, seed: SEED });
    for (const s of samples) {
      expect(s.length).toBeGreaterThan(0);
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u);
    }
    const all = samples.join('');
    for (const ch of ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å', '&', '<', '>', '"', "'", '\n', '\r']) expect(all).toContain(ch);
  });

  it('leaf values are realistic where the property name says what they are', () => {
    for (const m of fc.sample(messageArbitrary(), { numRuns: 100, seed: SEED })) {
      for (const o of occurrences(m)) {
        if (!o.present || o.spec.kind !== 'text') continue;
        const value = o.modelPath.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], m) as string;
        if (o.spec.prop === 'date') expect(isIsoDate(value), `${o.xmlPath} ${value}`).toBe(true);
        if (o.spec.prop === 'time') expect(isTime(value), `${o.xmlPath} ${value}`).toBe(true);
        if (o.spec.prop === 'postCodeIdentifier') expect(value).toMatch(/^[0-9]{4}$/);
        if (o.spec.prop === 'typeCode' && o.xmlPath.includes('/Letter/')) expect(value).toBe('GGOP');
        if (o.spec.prop === 'typeCode' && o.xmlPath.includes('/ICD10Diagnoses/')) expect(value).toBe('ICD10kode');
        if (o.spec.prop === 'typeCode' && o.xmlPath.includes('/ICFClassifications/')) expect(value).toBe('ICFKode');
        if (o.spec.prop === 'versionCode') expect(value).toBe('GGOP100');
      }
    }
  });

  it('formatted text: no adjacent or empty text nodes, styled nodes never empty, text = plainText(content)', () => {
    const check = (content: RichText[]) => {
      content.forEach((node, i) => {
        if (node.type === 'text') {
          expect(node.value).not.toBe('');
          expect(content[i + 1]?.type).not.toBe('text');
        } else if (node.type !== 'break') {
          expect(node.content.length).toBeGreaterThan(0);
          check(node.content);
        }
      });
    };
    const styles = new Set<string>();
    const collect = (content: RichText[]) =>
      content.forEach((n) => {
        styles.add(n.type);
        if ('content' in n) collect(n.content);
      });
    for (const m of fc.sample(messageArbitrary(), { numRuns: 100, seed: SEED })) {
      for (const o of occurrences(m)) {
        if (!o.present || o.spec.kind !== 'formatted') continue;
        const value = o.modelPath.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], m) as {
          text: string;
          content: RichText[];
        };
        check(value.content);
        collect(value.content);
        expect(value.text).toBe(plainText(value.content));
      }
    }
    expect([...styles].sort()).toEqual(['break', 'text', ...Object.values(INLINE_STYLES)].sort());
  });
});

describe('the generator is derived from the schema', () => {
  it('covers every element of MESSAGE_SPEC, at every depth, over 200 samples', () => {
    const all = specPaths();
    expect(all.length).toBeGreaterThan(100);
    expect(all).toContain('Emessage/RehabilitationPlan/Patient/CivilRegistrationNumber');
    const seen = new Set<string>();
    for (const m of fc.sample(messageArbitrary(), { numRuns: 200, seed: SEED }))
      for (const o of occurrences(m)) if (o.present) seen.add(o.specPath);
    expect(all.filter((p) => !seen.has(p))).toEqual([]);
  });

  it('never generates extraElements, and optional properties are absent keys, never undefined', () => {
    for (const m of fc.sample(messageArbitrary(), { numRuns: 100, seed: SEED })) {
      expect(m).not.toHaveProperty('extraElements');
      const undefinedAt: string[] = [];
      const walk = (v: unknown, path: string) => {
        if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
        else if (v && typeof v === 'object')
          for (const [k, x] of Object.entries(v)) {
            if (x === undefined) undefinedAt.push(`${path}.${k}`);
            walk(x, `${path}.${k}`);
          }
      };
      walk(m, '');
      expect(undefinedAt).toEqual([]);
    }
  });

  it(
    'GopMessageSchema accepts every generated message',
    () => {
      fc.assert(
        fc.property(messageArbitrary(), (m) => {
          const parsed = GopMessageSchema.safeParse(m);
          expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        }),
        params(),
      );
    },
    timeoutFor(RUNS, 20),
  );
});

describe('build → parse gives the generated message back', () => {
  it(
    'under every writing style, and the checker finds no input or structure problem',
    () => {
      fc.assert(
        fc.property(messageArbitrary(), (m) => {
          const documents = ROUND_TRIPS.map(({ label, build }) => ({ label, document: build(m) }));
          for (const { label, document } of documents) expect(reread(document), label).toEqual(m);
          const report = checkGop(documents[0]!.document);
          expect(report.findings.filter((f) => /^GOP-(STRUCT|INPUT)-/.test(f.ruleId)).map(describeFinding)).toEqual([]);
          // The same model, so the same findings as validating the object itself (in document order there, rule order here).
          const direct = checkGop(m);
          expect(report.findings.map(describeFinding).sort()).toEqual(direct.findings.map(describeFinding).sort());
          expect(report.valid).toBe(direct.valid);
        }),
        params(),
      );
    },
    timeoutFor(RUNS),
  );

  it(
    'under any pair of distinct prefixes (NCNames, with æøå, or the default namespace)',
    () => {
      const prefix = fc.constantFrom('', 'm104', 'm100', 'gop', 'fælles', 'ns1', 'a.b-c', '_x', 'Æ', 'ø2');
      const pair = fc.tuple(prefix, prefix).filter(([a, b]) => a !== b);
      fc.assert(
        fc.property(messageArbitrary('sparse'), pair, fc.boolean(), (m, [m104, m100], pretty) => {
          const options: BuildOptions = { prefixes: { m104, m100 }, pretty };
          expect(reread(buildGop(m, options))).toEqual(m);
          expect(reread(buildGopBytes(m, { ...options, encoding: 'ISO-8859-1' }))).toEqual(m);
        }),
        params(Math.max(1, Math.round(RUNS / 3))),
      );
    },
    timeoutFor(RUNS, 50),
  );
});

describe('content kept aside (extraElements) through the builder', () => {
  // Generated plans, built, with unknown elements (own and ancestor prefixes, attributes, text with characters
  // ISO-8859-1 lacks, CDATA, comments, nesting), stray text and attributes added anywhere, then read: the model the
  // reader makes must come back from the builder in every layout and encoding.
  // (text added to Letter/TypeCode makes it no G-GOP message: those few are left out)
  const kept = fc
    .tuple(messageArbitrary('sparse'), insertions, fc.boolean())
    .map(([m, list, pretty]) => parseGop(withInsertions(buildGop(m, { pretty }), list)))
    .filter((result) => result.ok || !result.findings.some((f) => f.ruleId === 'GOP-INPUT-005'))
    .map((result) => {
      if (!result.ok) throw new Error(`the generated document does not read: ${result.findings.map((f) => f.message).join('; ')}`);
      return result.message;
    });

  it(
    'every kept element, text and attribute comes back: exactly in UTF-8, with the same meaning (and a fixpoint) in ISO-8859-1',
    () => {
      let withExtras = 0;
      let runs = 0;
      fc.assert(
        fc.property(kept, (m) => {
          runs++;
          if (m.extraElements?.length) withExtras++; // (text added to a text element is its value, not kept aside)
          for (const pretty of [false, true]) {
            expect(reread(buildGop(m, { pretty })), `UTF-8, pretty ${pretty}`).toEqual(m);
            const latin1 = buildGop(m, { pretty, encoding: 'ISO-8859-1' });
            expect(/[^\u0000-\u00FF]/u.test(latin1)).toBe(false);
            const again = reread(buildGopBytes(m, { pretty, encoding: 'ISO-8859-1' }));
            expect(meaningful(again), `ISO-8859-1, pretty ${pretty}`).toEqual(meaningful(m));
            expect(reread(buildGopBytes(again, { pretty, encoding: 'ISO-8859-1' }))).toEqual(again);
          }
          const prefixed = reread(buildGop(m, { prefixes: { m104: 'gop', m100: '' } }));
          expect(meaningful(prefixed), 'other prefixes').toEqual(meaningful(m));
        }),
        params(Math.max(1, Math.round(RUNS / 2))),
      );
      expect(withExtras).toBeGreaterThan(runs / 2);
    },
    timeoutFor(RUNS, 80),
  );
});

describe('an incomplete message is refused with the path of what is missing', () => {
  const withRemoval = messageArbitrary().chain((m) => {
    const required = occurrences(m).filter((o) => o.present && o.spec.min >= 1);
    return fc.constantFrom(...required).map((o) => ({ m, o }));
  });

  it(
    'removing any required property makes buildGop throw a GopBuildError naming its XML path',
    () => {
      fc.assert(
        fc.property(withRemoval, ({ m, o }) => {
          const broken = structuredClone(m);
          delete holderOf(broken, o.modelPath)[lastOf(o.modelPath)];
          expect(
            issuesOf(() => buildGop(broken)),
            'no GopBuildError',
          ).toBeDefined();
          expect(issuesOf(() => buildGop(broken))).toContain(o.xmlPath);
        }),
        params(),
      );
    },
    timeoutFor(RUNS, 40),
  );

  it(
    "a required list below its minimum, or any list above its maximum, is refused with the list's path",
    () => {
      const lists = messageArbitrary().chain((m): fc.Arbitrary<{ m: GopMessage; o: Occurrence | undefined }> => {
        const bounded = occurrences(m).filter((o) => o.present && o.spec.many && (o.spec.min >= 1 || Number.isFinite(o.spec.max)));
        return bounded.length ? fc.constantFrom(...bounded).map((o) => ({ m, o })) : fc.constant({ m, o: undefined });
      });
      fc.assert(
        fc.property(lists, ({ m, o }) => {
          fc.pre(o !== undefined);
          const broken = structuredClone(m);
          const list = holderOf(broken, o!.modelPath)[lastOf(o!.modelPath)] as unknown[];
          if (Number.isFinite(o!.spec.max)) while (list.length <= o!.spec.max) list.push(structuredClone(list[0]));
          else list.length = o!.spec.min - 1;
          expect(
            issuesOf(() => buildGop(broken)),
            'no GopBuildError',
          ).toBeDefined();
          expect(issuesOf(() => buildGop(broken))).toContain(o!.xmlPath);
        }),
        params(Math.max(1, Math.round(RUNS / 3))),
      );
    },
    timeoutFor(RUNS, 40),
  );
});

describe('builder refusals (were bugs, fixed)', () => {
  const base = () => fc.sample(messageArbitrary('sparse'), { numRuns: 1, seed: SEED })[0]!;

  // Was a bug (fixed): an empty or whitespace-only mandatory element is GOP-STRUCT-004 (layer structure, severity error): checkGop of the
  // built document says valid: false while validateGop of the same object said valid: true. buildGop writes it anyway,
  // and so does buildGop(m, { strict: true }) for a plan that is otherwise strict-clean: the zod schema has no .min(1) on
  // text, and validateGop runs no reader (STRUCT) rules. BuildOptions.strict says a broken structure is refused even
  // without it. (Whitespace-only does not round trip either: the reader trims it to ''.)
  it('blanking a required text leaf makes buildGop throw a GopBuildError naming its path', () => {
    const blanked = messageArbitrary().chain((m) => {
      const leaves = occurrences(m).filter((o) => o.present && o.spec.min >= 1 && o.spec.kind === 'text');
      return fc.tuple(fc.constantFrom(...leaves), fc.constantFrom('', ' ', '\n  ')).map(([o, blank]) => ({ m, o, blank }));
    });
    fc.assert(
      fc.property(blanked, ({ m, o, blank }) => {
        const broken = structuredClone(m);
        holderOf(broken, o.modelPath)[lastOf(o.modelPath)] = blank;
        expect(issuesOf(() => buildGop(broken)) ?? []).toContain(o.xmlPath);
      }),
      { ...params(50), endOnFailure: true },
    );
  });

  // Was a bug (fixed): checkInput refuses the characters XML 1.0 cannot carry (C0 controls, U+FFFE, U+FFFF) but not a lone surrogate
  // (U+D800–U+DFFF), which is no XML Char either. buildGopBytes('UTF-8') silently writes U+FFFD instead (the plan changes
  // unnoticed); 'ISO-8859-1' writes &#55296;, a reference to a non-Char (WFC Legal Character: not well-formed), which our
  // lenient reader takes but other XML parsers reject.
  it('refuses a lone surrogate in text and in formatted text', () => {
    const inName = base();
    inName.rehabilitationPlan.patient.personGivenName = 'S\uD800øren';
    expect(issuesOf(() => buildGop(inName)) ?? []).toContain('/Emessage/RehabilitationPlan/Patient/PersonGivenName');
    const inContent = base();
    inContent.rehabilitationPlan.practicalInformation = { text: 'a\uDC00', content: [{ type: 'text', value: 'a\uDC00' }] };
    expect(issuesOf(() => buildGopBytes(inContent)) ?? []).toContain('/Emessage/RehabilitationPlan/PracticalInformation/content[1]/value');
  });

  // Was a bug (fixed): prefixes are written unchecked. A prefix that is no NCName gives a document that is not well-formed (parseGop of
  // buildGop's own output fails with GOP-INPUT-001); buildGop should throw a GopBuildError, as it does for two equal prefixes.
  it('refuses a prefix that is not an NCName', () => {
    for (const bad of ['1bad', 'a b', 'a:b', 'a"b', '<']) {
      expect(
        issuesOf(() => buildGop(base(), { prefixes: { m104: bad } })),
        bad,
      ).toBeDefined();
    }
  });

  // Was a bug (fixed): 'xml' and 'xmlns' are reserved (Namespaces in XML 1.0 §3: xml must not be bound to another namespace, xmlns must not
  // be declared). buildGop binds them to the MedCom namespaces; our reader accepts that, namespace-aware parsers reject it.
  it('refuses the reserved prefixes xml and xmlns', () => {
    for (const reserved of ['xml', 'xmlns']) {
      expect(
        issuesOf(() => buildGop(base(), { prefixes: { m104: reserved } })),
        reserved,
      ).toBeDefined();
      expect(
        issuesOf(() => buildGop(base(), { prefixes: { m100: reserved } })),
        reserved,
      ).toBeDefined();
    }
  });
});

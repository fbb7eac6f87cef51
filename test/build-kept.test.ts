/*
 * Content kept aside by the reader (extraElements), through the builder: every readable fixture in every encoding and
 * layout, what the builder refuses (GopBuildError) and what it escapes, and what the reader keeps or reports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGop, buildGopBytes, GopBuildError, GopOptionsError, parseGop, type BuildOptions, type GopMessage } from '../src/index';
import type { ExtraElement } from '../src/model/index';
import { NS } from '../src/standard/namespaces';
import { FIXTURES_DIR } from './helpers';
import { meaningful, reread } from './kept-helpers';

const MINIMAL = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`, 'utf8');
const PLAN = '/Emessage/RehabilitationPlan';
const SUMMARY = `${PLAN}/AbilityAtDischargeSummary`;

/** minimal.xml with `edit` applied (each replacement must hit). */
function edited(...edits: [string, string][]): string {
  let xml = MINIMAL;
  for (const [from, to] of edits) {
    expect(xml.includes(from), from).toBe(true);
    xml = xml.replace(from, to);
  }
  return xml;
}
const withRoot = (declarations: string, ...edits: [string, string][]) =>
  edited(
    ['<Emessage xmlns="urn:oio:medcom:municipality:1.0.4"', `<Emessage xmlns="urn:oio:medcom:municipality:1.0.4"${declarations}`],
    ...edits,
  );
const inPlan = (snippet: string) => edited(['</RehabilitationPlan>', `${snippet}</RehabilitationPlan>`]);
const minimal = () => reread(MINIMAL);
const withExtras = (...extras: ExtraElement[]): GopMessage => ({ ...minimal(), extraElements: extras });

/** The issues of the GopBuildError thrown, or undefined when nothing is thrown. */
function issuesOf(build: () => unknown): string[] | undefined {
  try {
    build();
  } catch (error) {
    if (error instanceof GopBuildError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return undefined;
}

const LAYOUTS: { label: string; options: BuildOptions }[] = [
  { label: 'compact', options: {} },
  { label: 'pretty', options: { pretty: true } },
  { label: 'other prefixes', options: { prefixes: { m104: 'gop', m100: 'fælles' } } },
  { label: 'm100 as the default namespace', options: { prefixes: { m104: 'm104', m100: '' } } },
];
const ENCODINGS = ['UTF-8', 'ISO-8859-1'] as const;

/**
 * parse → build → parse: the same model. Exactly so in UTF-8 with the standard's prefixes; where a kept element must
 * be spelt otherwise — a character ISO-8859-1 lacks as a reference, or a namespace declaration it must carry itself
 * because the chosen prefixes took the one it used — the same meaning, and building again changes nothing.
 */
function expectRoundTrip(message: GopMessage) {
  for (const { label, options } of LAYOUTS) {
    for (const encoding of ENCODINGS) {
      const what = `${label}, ${encoding}`;
      const exact = encoding === 'UTF-8' && !options.prefixes;
      const text = buildGop(message, { ...options, encoding });
      const bytes = buildGopBytes(message, { ...options, encoding });
      // the string holds only characters of its encoding, and its bytes are buildGopBytes'
      if (encoding === 'ISO-8859-1') expect(/[^\u0000-\u00FF]/u.test(text), what).toBe(false);
      expect(Buffer.from(text, encoding === 'UTF-8' ? 'utf8' : 'latin1').equals(Buffer.from(bytes)), what).toBe(true);
      const again = reread(bytes);
      if (exact || JSON.stringify(again) === JSON.stringify(message)) {
        expect(again, what).toEqual(message);
      } else {
        expect(meaningful(again), what).toEqual(meaningful(message));
        expect(reread(buildGopBytes(again, { ...options, encoding })), `${what}: a fixpoint`).toEqual(again);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe('every readable fixture (valid, invalid, hostile) round trips in every encoding and layout', () => {
  const files = ['valid', 'invalid', 'hostile'].flatMap((dir) =>
    readdirSync(`${FIXTURES_DIR}${dir}`)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => `${dir}/${f}`),
  );
  // readable: a complete message (ok) without an empty mandatory element, which the builder refuses
  const readable = files.filter((file) => {
    const result = parseGop(readFileSync(`${FIXTURES_DIR}${file}`));
    return result.ok && !result.findings.some((f) => f.ruleId === 'GOP-STRUCT-004');
  });

  it('covers the valid, invalid and hostile fixtures that read', () => {
    expect(readable.length).toBeGreaterThanOrEqual(27);
    expect(readable).toContain('hostile/xinclude.xml');
    expect(readable).toContain('hostile/cdata-markup.xml');
    expect(readable).toContain('invalid/GOP-STRUCT-003--unknown-element-kaffe.xml');
  });

  it.each(readable)('%s', (file) => {
    expectRoundTrip(reread(readFileSync(`${FIXTURES_DIR}${file}`)));
  });

  it('xinclude.xml: the element declares its own namespace, and the declaration is written once', () => {
    const message = reread(readFileSync(`${FIXTURES_DIR}hostile/xinclude.xml`));
    const xml = buildGop(message);
    expect(xml.match(/xmlns:xi=/g)).toHaveLength(1);
    expect(xml).toContain('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>');
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('kept-aside elements: namespaces declared where they are needed, once', () => {
  it('a prefix declared on an ancestor is recorded (namespaces) and declared on the element that holds it', () => {
    const message = reread(
      withRoot(' xmlns:v="urn:vendor" xmlns:q="urn:q"', [
        '</RehabilitationPlan>',
        '<v:Ext q:a="1"><v:In>x</v:In><Child/></v:Ext></RehabilitationPlan>',
      ]),
    );
    expect(message.extraElements).toEqual([
      {
        path: PLAN,
        reason: 'unknown',
        namespace: 'urn:vendor',
        name: 'Ext',
        xml: '<v:Ext q:a="1"><v:In>x</v:In><Child/></v:Ext>',
        namespaces: { q: 'urn:q', '': NS.m104 },
      },
    ]);
    const xml = buildGop(message);
    expect(xml).toContain('<RehabilitationPlan xmlns:v="urn:vendor" xmlns:q="urn:q">');
    expect(xml.match(/xmlns:v=/g)).toHaveLength(1);
    expectRoundTrip(message);
  });

  it('an element using only its own prefix records no namespaces (the shape read before stays)', () => {
    const message = reread(
      edited([
        '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
        '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName><Kaffe sort="sort">med mælk</Kaffe>',
      ]),
    );
    expect(message.extraElements).toEqual([
      { path: `${PLAN}/Patient`, reason: 'unknown', namespace: NS.m104, name: 'Kaffe', xml: '<Kaffe sort="sort">med mælk</Kaffe>' },
    ]);
  });

  it('an element in no namespace, where the builder\'s default is m104: xmlns="" on the element itself', () => {
    const message = reread(
      edited(
        [
          '<Emessage xmlns="urn:oio:medcom:municipality:1.0.4" xmlns:mm100="urn:oio:medcom:municipality:1.0.0">',
          '<m104:Emessage xmlns:m104="urn:oio:medcom:municipality:1.0.4" xmlns:mm100="urn:oio:medcom:municipality:1.0.0">',
        ],
        ['</Emessage>', '</m104:Emessage>'],
      )
        .replace(/<(\/?)(?!mm100:|m104:|\?|!)([A-Za-z])/g, '<$1m104:$2')
        .replace('</m104:RehabilitationPlan>', '<Plain>t</Plain></m104:RehabilitationPlan>'),
    );
    expect(message.extraElements).toEqual([expect.objectContaining({ namespace: '', name: 'Plain', xml: '<Plain>t</Plain>' })]);
    const xml = buildGop(message);
    expect(xml).toContain('<Plain xmlns="">t</Plain>');
    expect(meaningful(reread(xml))).toEqual(meaningful(message));
    // with prefixes for both MedCom namespaces the parent can take the declaration: the element stays as it was
    expect(reread(buildGop(message, { prefixes: { m104: 'm104', m100: 'm100' } }))).toEqual(message);
  });

  it('two kept elements needing one prefix for two namespaces: the second carries its declaration', () => {
    const message = withExtras(
      { path: PLAN, reason: 'unknown', namespace: 'urn:a', name: 'X', xml: '<v:X/>' },
      { path: PLAN, reason: 'unknown', namespace: 'urn:b', name: 'Y', xml: '<v:Y/>' },
    );
    const xml = buildGop(message);
    expect(xml).toContain('<RehabilitationPlan xmlns:v="urn:a">');
    expect(xml).toContain('<v:Y xmlns:v="urn:b"/>');
    const again = reread(xml);
    expect(again.extraElements?.map((e) => [e.namespace, e.name])).toEqual([
      ['urn:a', 'X'],
      ['urn:b', 'Y'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('what the reader keeps, the builder writes back', () => {
  it('text inside Deselected', () => {
    const message = reread(edited(['<Deselected/>', '<Deselected>nej, send kopi</Deselected>']));
    expect(buildGop(message)).toContain('<Deselected>nej, send kopi</Deselected>');
    expectRoundTrip(message);
  });

  it('text and elements inside a Break, attributes on Break and Bold (read with a GOP-STRUCT-003 warning)', () => {
    const xml = withRoot(' xmlns:v="urn:vendor"', [
      'Går med rollator',
      'Går<mm100:Break v:k="2">brud<v:y/></mm100:Break><mm100:Bold xml:lang="da" v:b="x">fed</mm100:Bold> med rollator',
    ]);
    const result = parseGop(xml);
    expect(result.findings.map((f) => f.ruleId)).toEqual([
      'GOP-STRUCT-003',
      'GOP-STRUCT-003',
      'GOP-STRUCT-003',
      'GOP-STRUCT-003',
      'GOP-STRUCT-003',
    ]);
    const message = reread(xml);
    expect(message.extraElements?.map((e) => [e.reason, e.name, e.inline])).toEqual([
      ['attribute', 'v:k', { at: [1] }],
      ['text', '#text', { at: [1] }],
      ['unknown', 'y', { at: [1] }],
      ['attribute', 'xml:lang', { at: [2] }],
      ['attribute', 'v:b', { at: [2] }],
    ]);
    expect(message.extraElements?.find((e) => e.name === 'xml:lang')?.namespace).toBe(NS.xml);
    expect(buildGop(message)).toContain(
      '<AbilityAtDischargeSummary xmlns:v="urn:vendor">Går<m100:Break v:k="2">brud<v:y/></m100:Break><m100:Bold xml:lang="da" v:b="x">fed</m100:Bold> med rollator',
    );
    expectRoundTrip(message);
  });

  it('unknown markup inside formatted text, written around the words it wrapped (its words stay in the text)', () => {
    const message = reread(
      withRoot(' xmlns:v="urn:vendor"', [
        'Går med rollator',
        'Går <v:Link href="x">med <mm100:Italic>rask</mm100:Italic> <v:em>gang</v:em></v:Link><v:empty/> rollator',
      ]),
    );
    expect(message.rehabilitationPlan.abilityAtDischargeSummary?.text.startsWith('Går med rask gang rollator')).toBe(true);
    // v:em stands inside v:Link: kept with it, as part of its xml, and not again on its own (issue 22)
    expect(message.extraElements?.map((e) => [e.name, e.inline])).toEqual([
      ['Link', { at: [1], span: 4 }],
      ['empty', { at: [5], span: 0 }],
    ]);
    // the fragment keeps its own spelling (mm100:Italic): the prefixes it uses are declared on the element that holds it
    expect(buildGop(message)).toContain(
      `<AbilityAtDischargeSummary xmlns:v="urn:vendor" xmlns:mm100="${NS.m100}">Går <v:Link href="x">med <mm100:Italic>rask</mm100:Italic> <v:em>gang</v:em></v:Link><v:empty/> rollator`,
    );
    expectRoundTrip(message);
  });

  it('unknown markup inside unknown markup in formatted text: the outermost kept once, with all it holds, and written back', () => {
    const inner =
      '<v:a v:k="1">ord <v:b>mere <mm100:Bold v:s="2">fed <v:c/></mm100:Bold><mm100:Break v:t="3">brud<v:d/></mm100:Break></v:b></v:a>';
    const xml = withRoot(' xmlns:v="urn:vendor"', ['Går med rollator', `Går ${inner}<v:e/> med rollator`]);
    const result = parseGop(xml);
    // one warning for each element kept aside, none for what it holds
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-003', 'GOP-STRUCT-003']);
    const message = reread(xml);
    expect(message.extraElements?.map((e) => [e.reason, e.name, e.xml, e.inline])).toEqual([
      ['unknown', 'a', inner, { at: [1], span: 4 }],
      ['unknown', 'e', '<v:e/>', { at: [5], span: 0 }],
    ]);
    // its words stay in the text: ord, mere, a Bold, the Break
    expect(message.rehabilitationPlan.abilityAtDischargeSummary?.content.slice(1, 5)).toEqual([
      { type: 'text', value: 'ord ' },
      { type: 'text', value: 'mere ' },
      { type: 'bold', content: [{ type: 'text', value: 'fed ' }] },
      { type: 'break' },
    ]);
    expect(buildGop(message)).toContain(`<AbilityAtDischargeSummary xmlns:v="urn:vendor" xmlns:mm100="${NS.m100}">Går ${inner}<v:e/> med`);
    expectRoundTrip(message);
  });

  it('a list that names what an unknown inline element holds again (as read before issue 22) is refused, not written twice', () => {
    const xml = withRoot(' xmlns:v="urn:vendor"', ['Går med rollator', 'Går <v:a>med <v:b>rask</v:b></v:a> gang']);
    const message = reread(xml);
    expect(message.extraElements?.map((e) => e.name)).toEqual(['a']);
    const old = structuredClone(message);
    old.extraElements!.push({
      path: SUMMARY,
      reason: 'unknown',
      namespace: 'urn:vendor',
      name: 'b',
      xml: '<v:b>rask</v:b>',
      inline: { at: [2], span: 1 },
    });
    expect(issuesOf(() => buildGop(old))?.join()).toMatch(/stands inside the element "a" kept aside \(unknown\), which holds it already/);
  });

  it('an element inside a text element, and attributes on it', () => {
    const message = reread(
      withRoot(' xmlns:v="urn:vendor"', [
        '<ConsentInformed>ja</ConsentInformed>',
        '<ConsentInformed v:hvem="patient" note="mundtligt">ja<v:Hvornår>i går</v:Hvornår></ConsentInformed>',
      ]),
    );
    expect(message.extraElements?.map((e) => [e.reason, e.name, e.namespace])).toEqual([
      ['attribute', 'v:hvem', 'urn:vendor'],
      ['attribute', 'note', ''],
      ['unknown', 'Hvornår', 'urn:vendor'],
    ]);
    expectRoundTrip(message);
  });

  it('xml: and xsi: attributes are kept (with a warning); schema-location hints are the one thing dropped', () => {
    const xml = withRoot(
      ` xmlns:xsi="${NS.xsi}" xsi:schemaLocation="urn:oio:medcom:municipality:1.0.4 EMessage.xsd"`,
      ['<Patient>', '<Patient xml:space="preserve">'],
      ['<ConsentInformed>', `<ConsentInformed xsi:nil="false">`],
    );
    const result = parseGop(xml);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GOP-STRUCT-003', 'GOP-STRUCT-003']);
    const message = reread(xml);
    expect(message.extraElements?.map((e) => [e.path, e.name, e.namespace])).toEqual([
      [`${PLAN}/Patient`, 'xml:space', NS.xml],
      [`${PLAN}/ConsentInformed`, 'xsi:nil', NS.xsi],
    ]);
    expect(buildGop(message)).toContain(`<ConsentInformed xmlns:xsi="${NS.xsi}" xsi:nil="false">`);
    expectRoundTrip(message);
  });

  it('unknown, repeated and stray text together, in pretty print too: the array keeps its order', () => {
    const message = reread(
      edited(
        [
          '<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName>',
          '<Kaffe/>løs tekst<mm100:PersonGivenName>Kirsten</mm100:PersonGivenName><mm100:PersonGivenName>Anden</mm100:PersonGivenName>mere tekst<![CDATA[og CDATA]]>',
        ],
        ['<Patient>', '<Patient note="1">'],
        [
          '<TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>',
          '<Te>før</Te><TypeOfRehabilitationPlan>almen</TypeOfRehabilitationPlan>',
        ],
      ),
    );
    expect(message.extraElements?.map((e) => `${e.reason}:${e.name}:${e.xml}`)).toEqual([
      'attribute:note:1',
      'unknown:Kaffe:<Kaffe/>',
      'text:#text:løs tekst',
      'repeated:PersonGivenName:<mm100:PersonGivenName>Anden</mm100:PersonGivenName>',
      'text:#text:mere tekst',
      'text:#text:og CDATA',
      'unknown:Te:<Te>før</Te>',
    ]);
    expectRoundTrip(message);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('injection: kept-aside content cannot close or open a tag it does not own', () => {
  const cpr = () => minimal().rehabilitationPlan.patient.civilRegistrationNumber;

  it('an attribute "name" that closes the start tag and opens a CPR number is refused, strict or not', () => {
    const attack = withExtras({
      path: `${PLAN}/Patient`,
      reason: 'attribute',
      namespace: '',
      name: 'a="1"><m100:CivilRegistrationNumber>1111111118</m100:CivilRegistrationNumber><x',
      xml: '1',
    });
    expect(issuesOf(() => buildGop(attack))?.join()).toMatch(/is no XML attribute name/);
    expect(issuesOf(() => buildGop(attack, { strict: true }))).toBeDefined();
    expect(issuesOf(() => buildGopBytes(attack, { encoding: 'ISO-8859-1' }))).toBeDefined();
  });

  it.each([
    [
      'closes its parent and opens another element',
      '<x/></Patient><Patient><m100:CivilRegistrationNumber>1111111118</m100:CivilRegistrationNumber>',
    ],
    ['is two elements', '<x/><y/>'],
    ['is text', 'kaffe'],
    ['has text after it', '<x/>kaffe'],
    ['has a comment before it', '<!--c--><x/>'],
    ['is not closed', '<x>'],
    ['has a DOCTYPE', '<!DOCTYPE x><x/>'],
    ['closes a comment it did not open', '<x>--></x><!--'],
    ['closes a CDATA section it did not open', '<x>]]></x>'],
    ['names another element than it is', '<y/>'],
    ['uses an undeclared prefix', '<p:x/>'],
    ['holds a __proto__ element', '<x><__proto__/></x>'],
  ])('an element whose xml %s is refused', (_what, xml) => {
    const issues = issuesOf(() =>
      buildGop(withExtras({ path: `${PLAN}/Patient`, reason: 'unknown', namespace: xml === '<p:x/>' ? '' : NS.m104, name: 'x', xml })),
    );
    expect(issues).toBeDefined();
    expect(issues!.join()).toContain(`${PLAN}/Patient`);
  });

  it('values that try to close markup are escaped, and read back exactly', () => {
    const message = withExtras(
      {
        path: `${PLAN}/Patient`,
        reason: 'attribute',
        namespace: '',
        name: 'note',
        xml: '1"><m100:CivilRegistrationNumber>1111111118</m100:CivilRegistrationNumber>',
      },
      { path: `${PLAN}/Patient`, reason: 'text', namespace: '', name: '#text', xml: '--><x>]]><![CDATA[</Patient>&amp;' },
      { path: PLAN, reason: 'unknown', namespace: 'urn:"quoted" & <odd>', name: 'X', xml: '<v:X a="&quot;>"/>' },
    );
    const again = reread(buildGop(message));
    expect(again.rehabilitationPlan.patient.civilRegistrationNumber).toBe(cpr());
    expect(again).toEqual(message);
    expectRoundTrip(message);
  });

  it('a kept element that is an element of the plan where the plan lacks it is refused (it would be read into the plan)', () => {
    const occupation = withExtras({
      path: `${PLAN}/Patient`,
      reason: 'unknown',
      namespace: NS.m100,
      name: 'Occupation',
      xml: `<m100:Occupation>Pilot</m100:Occupation>`,
    });
    expect(issuesOf(() => buildGop(occupation))?.join()).toMatch(/would be read as occupation/);
    // a second CPR number stays a repeat: the plan's own comes first
    const repeated = withExtras({
      path: `${PLAN}/Patient`,
      reason: 'repeated',
      namespace: NS.m100,
      name: 'CivilRegistrationNumber',
      xml: '<m100:CivilRegistrationNumber>1111111118</m100:CivilRegistrationNumber>',
    });
    const again = reread(buildGop(repeated));
    expect(again.rehabilitationPlan.patient.civilRegistrationNumber).toBe(cpr());
    expect(again).toEqual(repeated);
    // and inside formatted text, Bold is formatting, not an element kept aside
    const message = minimal();
    const bold = {
      ...message,
      extraElements: [
        {
          path: SUMMARY,
          reason: 'unknown' as const,
          namespace: NS.m100,
          name: 'Bold',
          xml: '<m100:Bold>x</m100:Bold>',
          inline: { at: [0], span: 0 },
        },
      ],
    };
    expect(issuesOf(() => buildGop(bold))?.join()).toMatch(/reads Bold as formatting/);
  });

  it.each([
    ['xmlns as an attribute', { name: 'xmlns:m100', xml: 'urn:evil' }],
    ['xmlns', { name: 'xmlns', xml: 'urn:evil' }],
    ['a prototype name', { name: 'constructor', xml: '1' }],
    ['an unbound prefix', { name: 'p:x', xml: '1' }],
    ["the builder's prefix bound elsewhere", { name: 'm100:x', namespace: 'urn:evil', xml: '1' }],
    ['a namespace on an unprefixed attribute', { name: 'x', namespace: 'urn:a', xml: '1' }],
    ['a character XML cannot carry', { name: 'x', xml: 'a\u0001' }],
  ])('an attribute with %s is refused', (_what, attribute) => {
    expect(
      issuesOf(() => buildGop(withExtras({ path: `${PLAN}/Patient`, reason: 'attribute', namespace: '', ...attribute }))),
    ).toBeDefined();
  });

  it('an attribute given twice on one element is refused', () => {
    const twice = { path: `${PLAN}/Patient`, reason: 'attribute' as const, namespace: '', name: 'x', xml: '1' };
    expect(issuesOf(() => buildGop(withExtras(twice, { ...twice, xml: '2' })))?.join()).toMatch(/twice/);
  });

  it.each([
    ['xmlns', 'urn:x'],
    ['xml', 'urn:x'],
    ['p', ''],
    ['p', NS.xmlns],
    ['__proto__', 'urn:x'],
    ['a:b', 'urn:x'],
    ['1p', 'urn:x'],
  ])('a binding %s → %s in namespaces is refused', (prefix, uri) => {
    const namespaces = Object.defineProperty({}, prefix, { value: uri, enumerable: true }) as Record<string, string>;
    expect(
      issuesOf(() =>
        buildGop(
          withExtras({
            path: PLAN,
            reason: 'unknown',
            namespace: 'urn:v',
            name: 'X',
            xml: `<v:X xmlns:v="urn:v"><${prefix}:y/></v:X>`,
            namespaces,
          }),
        ),
      ),
    ).toBeDefined();
  });

  it('kept content with nowhere to go is refused, not dropped', () => {
    expect(
      issuesOf(() =>
        buildGop(withExtras({ path: `${PLAN}/Relatives`, reason: 'unknown', namespace: NS.m104, name: 'X', xml: '<X/>' })),
      )?.join(),
    ).toMatch(/has no element/);
    expect(
      issuesOf(() => buildGop(withExtras({ path: '/Emessage/Nowhere', reason: 'text', namespace: '', name: '#text', xml: 'x' }))),
    ).toBeDefined();
    // inside formatted text without its place
    expect(
      issuesOf(() => buildGop(withExtras({ path: SUMMARY, reason: 'unknown', namespace: NS.m104, name: 'X', xml: '<X/>' })))?.join(),
    ).toMatch(/inline\.at/);
    // a place beyond the content
    expect(
      issuesOf(() =>
        buildGop(
          withExtras({ path: SUMMARY, reason: 'unknown', namespace: NS.m104, name: 'X', xml: '<X/>', inline: { at: [7], span: 0 } }),
        ),
      )?.join(),
    ).toMatch(/does not fit/);
    // text that would join the value of a text element, or white space a reader drops
    expect(
      issuesOf(() => buildGop(withExtras({ path: `${PLAN}/ConsentInformed`, reason: 'text', namespace: '', name: '#text', xml: 'x' }))),
    ).toBeDefined();
    expect(
      issuesOf(() => buildGop(withExtras({ path: `${PLAN}/Patient`, reason: 'text', namespace: '', name: '#text', xml: ' \n ' }))),
    ).toBeDefined();
  });

  it('any kept-aside content made of hostile pieces is refused or written so that the plan reads back unchanged', () => {
    const piece = fc.constantFrom(
      '<x/>',
      '<v:X/>',
      '<x>',
      '</x>',
      '</Patient>',
      '<Patient>',
      '<m100:CivilRegistrationNumber>1111111118</m100:CivilRegistrationNumber>',
      '"',
      "'",
      '>',
      '<',
      '<!--',
      '-->',
      ']]>',
      '<![CDATA[',
      ' xmlns:v="urn:v"',
      ' xmlns=""',
      '&',
      '&amp;',
      ' a="1"',
      ' ',
      '€',
      '<?pi x?>',
      'tekst',
      '/>',
    );
    const pieces = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    const place = fc.constantFrom(PLAN, `${PLAN}/Patient`, '/Emessage', `${PLAN}/GPCCReceiver/Deselected`);
    // consistent ones (so that many are written), and any mix of fields
    const coherent = fc.oneof(
      fc.record({ path: place, reason: fc.constant('text' as const), namespace: fc.constant(''), name: fc.constant('#text'), xml: pieces }),
      fc.record({
        path: place,
        reason: fc.constant('attribute' as const),
        namespace: fc.constant(''),
        name: fc.constantFrom('note', 'a'),
        xml: pieces,
      }),
      fc.record({
        path: place,
        reason: fc.constant('attribute' as const),
        namespace: fc.constant('urn:"q"&<'),
        name: fc.constantFrom('v:note', 'q:a'),
        xml: pieces,
      }),
      fc.record({
        path: place,
        reason: fc.constant('unknown' as const),
        namespace: fc.constant('urn:v'),
        name: fc.constant('X'),
        xml: fc.array(piece, { maxLength: 4 }).map((p) => `<v:X xmlns:v="urn:v">${p.join('')}</v:X>`),
      }),
    ) as fc.Arbitrary<ExtraElement>;
    const mixed = fc
      .record({
        path: fc.constantFrom(PLAN, `${PLAN}/Patient`, '/Emessage', SUMMARY, `${PLAN}/GPCCReceiver/Deselected`, `${PLAN}/ConsentInformed`),
        reason: fc.constantFrom('unknown', 'repeated', 'text', 'attribute'),
        namespace: fc.constantFrom('', NS.m104, NS.m100, 'urn:v', 'urn:"q"&<'),
        name: fc.constantFrom(
          'x',
          'X',
          'Kaffe',
          'CivilRegistrationNumber',
          'a="1"><m100:CivilRegistrationNumber>',
          'v:x',
          'm100:x',
          'xmlns:v',
          '',
          '__proto__',
          '#text',
        ),
        xml: fc.oneof(
          fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
          fc.array(piece, { maxLength: 5 }).map((p) => `<x${p.join('')}</x>`),
          fc.array(piece, { maxLength: 5 }).map((p) => `<v:X xmlns:v="urn:v">${p.join('')}</v:X>`),
        ),
        namespaces: fc.option(fc.constantFrom({ v: 'urn:v' }, { '': '' }, { m100: 'urn:evil' }, { v: 'urn:"q"' }), { nil: undefined }),
        inline: fc.option(
          fc.record({
            at: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 2 }),
            span: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
          }),
          { nil: undefined },
        ),
      })
      .map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as unknown as ExtraElement);
    const extra = fc.oneof(coherent, mixed);
    const base = minimal();
    let written = 0;
    fc.assert(
      fc.property(fc.array(extra, { minLength: 1, maxLength: 3 }), fc.constantFrom(...ENCODINGS), (extras, encoding) => {
        const message = { ...base, extraElements: extras };
        let bytes: Uint8Array;
        try {
          bytes = buildGopBytes(message, { encoding });
        } catch (error) {
          expect(error).toBeInstanceOf(GopBuildError);
          return;
        }
        written++;
        const again = reread(bytes);
        expect({ ...again, extraElements: undefined }).toEqual({ ...base, extraElements: undefined });
        // (in the order the reader lists them: attributes of an element first; a reader's own list is in that order already)
        // (a prefixed attribute given without its namespace, as read before namespaces were kept, gets the one in scope)
        const legacy = (e: ExtraElement) =>
          e.reason === 'attribute' && e.namespace === '' && e.name.startsWith('m100:') ? { ...e, namespace: NS.m100 } : e;
        const sorted = (list: ExtraElement[] | undefined) => (list ?? []).map((e) => JSON.stringify(legacy(e))).sort();
        expect(sorted(meaningful(again).extraElements)).toEqual(
          sorted(meaningful(message).extraElements?.map(({ namespaces: _, ...e }) => e)),
        );
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) || 400, seed: Number(process.env.FUZZ_SEED ?? 20190305) || 20190305 },
    );
    expect(written).toBeGreaterThan(40);
  });

  it('unknown markup whose words were changed in the content after reading is refused', () => {
    const message = reread(withRoot(' xmlns:v="urn:vendor"', ['Går med rollator', 'Går <v:Link>med</v:Link> rollator']));
    const changed = structuredClone(message);
    const summary = changed.rehabilitationPlan.abilityAtDischargeSummary!;
    summary.content[1] = { type: 'text', value: 'uden' };
    summary.text = summary.text.replace('med', 'uden');
    expect(issuesOf(() => buildGop(changed))?.join()).toMatch(/no longer there/);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('encodings: well-formed XML in the declared encoding, or a GopBuildError', () => {
  it('ISO-8859-1: references in text and attribute values only; CDATA with € becomes text; names and comments cannot', () => {
    const message = reread(
      withRoot(' xmlns:v="urn:vendor"', ['</RehabilitationPlan>', '<v:Ext a="€">x€<![CDATA[<b>€</b>]]></v:Ext></RehabilitationPlan>']),
    );
    const latin1 = buildGop(message, { encoding: 'ISO-8859-1' });
    expect(latin1).toContain('<v:Ext a="&#8364;">x&#8364;<?gop-text?>&lt;b&gt;&#8364;&lt;/b&gt;<?gop-text?></v:Ext>');
    expect(meaningful(reread(Buffer.from(latin1, 'latin1')))).toEqual(meaningful(message));
    expect(reread(buildGop(message))).toEqual(message); // UTF-8 keeps it as it was

    const inName = reread(inPlan('<名字>x</名字>'));
    expect(issuesOf(() => buildGop(inName, { encoding: 'ISO-8859-1' }))?.join()).toMatch(/a name holds a character/);
    expect(reread(buildGop(inName))).toEqual(inName);
    const inComment = reread(inPlan('<Kaffe><!-- 5 € --></Kaffe>'));
    expect(issuesOf(() => buildGopBytes(inComment, { encoding: 'ISO-8859-1' }))?.join()).toMatch(/a comment holds a character/);
    const inPi = reread(inPlan('<Kaffe><?pris 5 €?></Kaffe>'));
    expect(issuesOf(() => buildGopBytes(inPi, { encoding: 'ISO-8859-1' }))?.join()).toMatch(/a processing instruction/);
    const inNamespace = withExtras({ path: PLAN, reason: 'unknown', namespace: 'urn:€', name: 'X', xml: '<v:X/>' });
    expect(reread(buildGopBytes(inNamespace, { encoding: 'ISO-8859-1' }))).toEqual(inNamespace);
    const prefix = reread(withRoot(' xmlns:ä名="urn:v"', ['</RehabilitationPlan>', '<ä名:X/></RehabilitationPlan>']));
    expect(issuesOf(() => buildGop(prefix, { encoding: 'ISO-8859-1' }))).toBeDefined();
  });

  it("buildGop with ISO-8859-1 returns a string of ISO-8859-1 characters: its latin1 bytes are buildGopBytes'", () => {
    const message = minimal();
    message.rehabilitationPlan.patient.personSurnameName = 'Łukasiewicz € 😀';
    const text = buildGop(message, { encoding: 'ISO-8859-1' });
    expect(text).toContain('&#321;ukasiewicz &#8364; &#128512;');
    expect(/[^\u0000-\u00FF]/u.test(text)).toBe(false);
    expect(Buffer.from(text, 'latin1').equals(Buffer.from(buildGopBytes(message, { encoding: 'ISO-8859-1' })))).toBe(true);
    expect(reread(Buffer.from(text, 'latin1'))).toEqual(message);
  });

  it('a prefix ISO-8859-1 cannot write is refused in ISO-8859-1 only', () => {
    expect(issuesOf(() => buildGop(minimal(), { encoding: 'ISO-8859-1', prefixes: { m100: '名' } }))).toBeDefined();
    expect(reread(buildGop(minimal(), { prefixes: { m100: '名' } }))).toEqual(minimal());
  });

  it.each(['US-ASCII', 'utf-16', 'UTF-16', 'latin1', ''])(
    'the encoding %j from JavaScript is refused, not written with a declaration its bytes do not match',
    (encoding) => {
      const options = { encoding } as unknown as BuildOptions;
      for (const build of [() => buildGop(minimal(), options), () => buildGopBytes(minimal(), options)]) {
        expect(build).toThrow();
        try {
          build();
        } catch (error) {
          expect(error instanceof GopBuildError || error instanceof GopOptionsError).toBe(true);
        }
      }
    },
  );
});

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGop, parseGop, renderGopHtml } from '../src/index';
import { VIEW_ATTRIBUTES, VIEW_ELEMENTS } from '../src/view/html';
import { sectionOfPath, VIEW_CSP } from '../src/view/index';
import { STYLES } from '../src/view/styles';
import { parseXml, type XmlElement } from '../src/xml/tree';
import { FIXTURES_DIR, haveSamples, SAMPLE, withDeadline } from './helpers';

const XHTML = 'http://www.w3.org/1999/xhtml';
const manifest: { file: string; valid: boolean }[] = JSON.parse(readFileSync(`${FIXTURES_DIR}manifest.json`, 'utf8'));
const bytesOf = (file: string) => readFileSync(`${FIXTURES_DIR}${file}`);
const textOf = (file: string) => bytesOf(file).toString('utf8');

/** viewer.md's 22 headings, in order. */
const DA_ORDER = [
  'Genoptræningsplan',
  'Patient',
  'Modtagere',
  'Underskrivere og medforfattere',
  'Samtykke',
  'Pårørende',
  'Information til patient og pårørende',
  'Praktiske oplysninger',
  'Patientsikkerhedsmæssige forhold',
  'Tidsfrist for start af genoptræning',
  'Aktuel sygehuskontakt',
  'Aftaler om kontrol og opfølgning',
  'Helbredsforhold, sammenfatning',
  'Funktionsevne ved udskrivelse',
  'Genoptræningsbehov og potentiale',
  'Diagnoser',
  'ICF-klassifikationer',
  'Uddrag fra journal',
  'Kontakt til region og kommune',
  'Behandlende team',
  'Slutstatus sendes til',
  'Henvisninger',
];
const EN_ORDER = [
  'Rehabilitation plan',
  'Patient',
  'Receivers',
  'Signed by and co-writers',
  'Consent',
  'Relatives',
  'Information for the patient and relatives',
  'Practical information',
  'Patient safety',
  'Deadline for the start of rehabilitation',
  'Current hospital contact',
  'Follow-up at the hospital',
  'Health and course of treatment, summary',
  'Functional ability at discharge',
  'Rehabilitation need and potential',
  'Diagnoses',
  'ICF classifications',
  'Journal excerpts',
  'Contacting the region and the municipality',
  'Care team',
  'Final status goes to',
  'References',
];

/** The page read back by our own XML reader: it must be well-formed. */
function parsePage(html: string): XmlElement {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const result = parseXml(html.slice('<!DOCTYPE html>\n'.length), { maxDepth: 200, maxAttributes: 20, maxElements: 1_000_000 });
  if (!result.ok) throw new Error(`not well-formed: ${result.finding.message}`);
  return result.doc.root;
}

function* elements(root: XmlElement): Generator<XmlElement> {
  yield root;
  for (const child of root.children) if (typeof child !== 'string') yield* elements(child);
}
const textIn = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : textIn(c))).join('');
const byId = (root: XmlElement, id: string) => [...elements(root)].find((e) => e.attrs?.['id'] === id);
/** h2 headings of the plan's sections, in order. */
const sectionHeadings = (root: XmlElement) =>
  [...elements(root)]
    .filter((e) => e.local === 'section' && e.attrs?.['id']?.startsWith('sec-'))
    .map((s) => textIn(s.children.find((c): c is XmlElement => typeof c !== 'string' && c.local === 'h2')!));

/** Only the allow-listed elements and attributes; links only in-page or http(s); the one style sheet is ours. */
function expectSafe(root: XmlElement): void {
  for (const e of elements(root)) {
    expect(e.ns).toBe(XHTML);
    expect(VIEW_ELEMENTS as readonly string[]).toContain(e.local);
    for (const [name, value] of Object.entries(e.attrs ?? {})) {
      expect(VIEW_ATTRIBUTES as readonly string[], `attribute ${name}`).toContain(name);
      expect(name.toLowerCase().startsWith('on')).toBe(false);
      if (name === 'href') expect(value).toMatch(/^(#[a-z-]+|https?:\/\/)/);
    }
    if (e.local === 'a' && !e.attrs?.['href']?.startsWith('#')) {
      expect(e.attrs?.['rel']).toBe('noopener noreferrer');
      expect(e.attrs?.['target']).toBe('_blank');
    }
    if (e.local === 'style') expect(textIn(e)).toBe(STYLES);
  }
}

const expectInOrder = (headings: string[], order: string[]) => {
  const positions = headings.map((heading) => order.indexOf(heading));
  expect(
    positions.every((p) => p >= 0),
    headings.join(' | '),
  ).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
};

describe('renderGopHtml: every fixture', () => {
  it.each(manifest)('$file renders to well-formed, safe markup with its sections in order', ({ file }) => {
    for (const lang of ['da', 'en'] as const) {
      const html = renderGopHtml(bytesOf(file), { lang, referenceDate: '2019-03-10' });
      const root = parsePage(html);
      expectSafe(root);
      expect(root.attrs?.['lang']).toBe(lang);
      expectInOrder(sectionHeadings(root), lang === 'da' ? DA_ORDER : EN_ORDER);
    }
  });

  it.each(readdirSync(`${FIXTURES_DIR}hostile`).filter((f) => f.endsWith('.xml')))('hostile/%s renders safely too', (file) => {
    const root = parsePage(renderGopHtml(bytesOf(`hostile/${file}`)));
    expectSafe(root);
    expectInOrder(sectionHeadings(root), DA_ORDER);
  });

  it('renders the public sample, and it is quick enough to log', () => {
    if (!haveSamples) {
      console.warn(`public sample render skipped: ${SAMPLE} is absent`);
      return;
    }
    const bytes = readFileSync(SAMPLE);
    const root = parsePage(renderGopHtml(bytes));
    expectSafe(root);
    expectInOrder(sectionHeadings(root), DA_ORDER);
    expect(sectionHeadings(root).length).toBeGreaterThanOrEqual(18);
    // Timing, not asserted (speed is npm run bench): the page against checkGop alone, after a warm-up.
    for (let i = 0; i < 5; i++) renderGopHtml(bytes);
    const time = (run: () => unknown, n = 50) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) run();
      return (performance.now() - start) / n;
    };
    const check = time(() => checkGop(bytes));
    const render = time(() => renderGopHtml(bytes));
    console.log(`view timing (public sample, mean of 50): checkGop ${check.toFixed(2)} ms, renderGopHtml ${render.toFixed(2)} ms`);
  });
});

describe('renderGopHtml: the document', () => {
  const html = renderGopHtml(bytesOf('valid/almen-hoftefraktur.xml'), { referenceDate: '2019-03-10' });
  const root = parsePage(html);

  it('is one self-contained document: CSP meta, inline style, no script, no external resource', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${VIEW_CSP}"/>`);
    expect(VIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");
    expect(html).toContain('<meta charset="utf-8"/>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    expect(STYLES).not.toMatch(/url\(|@import|expression\(/i);
  });

  it('shows the sections of the plan in the order of viewer.md, and leaves empty ones out', () => {
    const headings = sectionHeadings(root);
    expectInOrder(headings, DA_ORDER);
    for (const heading of ['Genoptræningsplan', 'Patient', 'Modtagere', 'Pårørende', 'Diagnoser', 'Kontakt til region og kommune'])
      expect(headings).toContain(heading);
    // this plan has no ICF classifications, journal excerpts or references
    for (const absent of ['ICF-klassifikationer', 'Uddrag fra journal', 'Henvisninger']) expect(headings).not.toContain(absent);
    expect(byId(root, 'sec-icf')).toBeUndefined();
    // minimal.xml: no relatives, no information texts
    const minimal = sectionHeadings(parsePage(renderGopHtml(bytesOf('valid/minimal.xml'))));
    expect(minimal).not.toContain('Pårørende');
    expect(minimal).not.toContain('Praktiske oplysninger');
    expect(minimal).not.toContain('Underskrivere og medforfattere');
  });

  it('keeps the line breaks and the Bold and Italic of formatted text', () => {
    const safety = byId(root, 'sec-safety')!;
    const tags = [...elements(safety)].map((e) => e.local);
    expect(tags).toContain('br');
    expect(tags).toContain('strong');
    expect([...elements(safety)].filter((e) => e.local === 'strong').map(textIn)).toEqual(['Faldrisiko:', 'Blodfortyndende:']);
    expect([...elements(byId(root, 'sec-ability')!)].some((e) => e.local === 'em')).toBe(true);
  });

  it('writes dates as Danes do, codes with their labels', () => {
    expect(textIn(byId(root, 'sec-hospital-contact')!)).toContain('7. marts 2019 kl. 11:00');
    expect(textIn(byId(root, 'sec-plan')!)).toContain('almen genoptræning (almen)');
    expect(textIn(byId(root, 'sec-consent')!)).toContain('ja');
    expect(textIn(byId(root, 'sec-relatives')!)).toContain('pårørende (uspec_paaroerende)');
    expect(textIn(byId(root, 'sec-patient')!)).toContain('070338-4062');
    expect(textIn(byId(root, 'sec-patient')!)).toContain('86 14 22 31, fastnet');
    const en = parsePage(renderGopHtml(bytesOf('valid/almen-hoftefraktur.xml'), { lang: 'en' }));
    expect(textIn(byId(en, 'sec-hospital-contact')!)).toContain('7 March 2019, 11:00');
    expect(textIn(byId(en, 'sec-patient')!)).toContain('+4520304050, mobile (mobil)');
  });

  it('has a facts panel: status, level and provider, discharge, deadline as written and read, dates and days left', () => {
    const facts = textIn(byId(root, 'facts')!);
    expect(facts).toContain('gyldig');
    expect(facts).toContain('almen genoptræning');
    expect(facts).toContain('kommunen');
    expect(facts).toContain('7. marts 2019'); // discharge
    expect(facts).toContain('senest 14.03.2019'); // as written
    expect(facts).toContain('er læst som opstart senest'); // as read
    expect(facts).toContain('14. marts 2019');
    expect(facts).toContain('4 dage til planens frist');
    expect(facts).toContain('4 dage til garantidatoen');
    expect(facts).toContain('sundhedsloven § 140, stk. 4');
    // no reference date: no days left
    const noDate = textIn(byId(parsePage(renderGopHtml(bytesOf('valid/almen-hoftefraktur.xml'))), 'facts')!);
    expect(noDate).not.toMatch(/dage til|dag til/);
  });

  it('prints the patient on every page and the page number, readable without colour', () => {
    const header = [...elements(root)].find((e) => e.attrs?.['class'] === 'print-header')!;
    expect(textIn(header)).toContain('Inger Margrethe Kjærgaard');
    expect(textIn(header)).toContain('070338-4062');
    expect(STYLES).toMatch(/@media print[\s\S]*\.print-header \{ display: block; position: fixed;/);
    expect(STYLES).toMatch(/@page \{[\s\S]*@bottom-right \{ content: counter\(page\)/);
    expect(STYLES).toMatch(/break-after: avoid/);
    expect(STYLES).toMatch(/break-inside: avoid/);
  });

  it('English headings with lang en', () => {
    const en = parsePage(renderGopHtml(bytesOf('valid/almen-hoftefraktur.xml'), { lang: 'en' }));
    expect(en.attrs?.['lang']).toBe('en');
    expect(sectionHeadings(en).slice(0, 3)).toEqual(['Rehabilitation plan', 'Patient', 'Receivers']);
    expect(textIn(byId(en, 'facts')!)).toContain('general rehabilitation');
  });
});

describe('renderGopHtml: the deadline as read, "could not be read" never "no deadline" (issue 21)', () => {
  // almen-hoftefraktur.xml with other deadlines: discharged 2019-03-07, the guarantee from discharge 2019-03-14
  const page = (deadline: string | null, options: { lang?: 'da' | 'en'; authorised?: string } = {}) =>
    parsePage(
      renderGopHtml(withDeadline(deadline, { authorised: options.authorised }), { lang: options.lang, referenceDate: '2019-03-10' }),
    );
  /** The value of each field of a definition list, by its label. */
  const fieldsOf = (section: XmlElement | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    let label: string | undefined;
    for (const e of section ? elements(section) : []) {
      if (e.local === 'dt') label = textIn(e);
      else if (e.local === 'dd' && label !== undefined) out[label] = textIn(e);
    }
    return out;
  };
  const NO_DEADLINE = /ingen frist|no deadline/;

  it('an unreadable deadline: "could not be read: read the text" and the reading, in the facts and the deadline section', () => {
    for (const deadline of ['efter kontrol i ambulatoriet', 'ca. 14 dage']) {
      const root = page(deadline);
      const facts = fieldsOf(byId(root, 'facts'));
      expect(facts['Opstart senest (planens frist)'], deadline).toBe('fristen kan ikke læses: læs teksten');
      expect(facts['Frist som læst'], deadline).toContain('kan ikke læses sikkert');
      expect(facts['Tilbud om opstart senest (sundhedsloven § 140, stk. 4)'], deadline).toBe(
        'ikke sikker (14. marts 2019 kun hvis planen ikke beder om en senere opstart)',
      );
      expect(facts['Genoptræningsgarantien'], deadline).toContain('Tidsfristen kan ikke læses sikkert');
      const section = fieldsOf(byId(root, 'sec-deadline'));
      expect(section['Opstart senest (planens frist)'], deadline).toBe('fristen kan ikke læses: læs teksten');
      expect(section['Frist som læst'], deadline).toContain('kan ikke læses sikkert');
      for (const where of ['facts', 'sec-deadline']) expect(textIn(byId(root, where)!), deadline).not.toMatch(NO_DEADLINE);
      expect(textIn(byId(root, 'facts')!)).not.toMatch(/dage? til garantidatoen/); // no countdown to a date that is not certain
    }
    const en = fieldsOf(byId(page('efter kontrol i ambulatoriet', { lang: 'en' }), 'facts'));
    expect(en["Start by (the plan's deadline)"]).toBe('the deadline could not be read: read the text');
    expect(en['Start to be offered by (Health Act s. 140(4))']).toBe(
      'not certain (14 March 2019 only if the plan asks for no later start)',
    );
    expect(Object.values(en).join(' ')).not.toMatch(NO_DEADLINE);
  });

  it('"no deadline" only where the plan has none; as soon as possible and an earliest start only are said so', () => {
    for (const deadline of [null, 'ingen']) {
      const root = page(deadline);
      const facts = fieldsOf(byId(root, 'facts'));
      expect(facts['Opstart senest (planens frist)'], String(deadline)).toBe('ingen frist i planen');
      expect(facts['Tilbud om opstart senest (sundhedsloven § 140, stk. 4)']).toBe('14. marts 2019 — 4 dage til garantidatoen');
      expect(textIn(byId(root, 'facts')!)).not.toContain('kan ikke læses');
      expect(fieldsOf(byId(page(deadline, { lang: 'en' }), 'facts'))["Start by (the plan's deadline)"]).toBe('no deadline in the plan');
    }
    expect(byId(page(null), 'sec-deadline')).toBeUndefined(); // no deadline written: no section
    expect(fieldsOf(byId(page('ingen'), 'sec-deadline'))['Opstart senest (planens frist)']).toBe('ingen frist i planen');
    expect(fieldsOf(byId(page('hurtigst muligt'), 'facts'))['Opstart senest (planens frist)']).toBe('hurtigst muligt');
    const earliest = fieldsOf(byId(page('tidligst 19.03.2019'), 'facts'));
    expect(earliest['Opstart senest (planens frist)']).toBe('ingen seneste frist (kun en tidligste opstart)');
    expect(earliest['Opstart tidligst']).toBe('19. marts 2019');
  });

  it('a later start without a date: no latest start, read the text; the guarantee date not certain', () => {
    const facts = fieldsOf(byId(page('tidligst i næste uge', { authorised: '2019-02-30' }), 'facts'));
    expect(facts['Opstart senest (planens frist)']).toBe(
      'ingen seneste frist; planen beder om en senere opstart, men datoen kan ikke læses: læs teksten',
    );
    expect(facts['Tilbud om opstart senest (sundhedsloven § 140, stk. 4)']).toBe(
      'ikke sikker (14. marts 2019 kun hvis planen ikke beder om en senere opstart)',
    );
    expect(Object.values(facts).join(' ')).not.toMatch(NO_DEADLINE);
  });

  it('a Report alone says the same', () => {
    const report = checkGop(withDeadline('ca. 14 dage'));
    const facts = fieldsOf(byId(parsePage(renderGopHtml(report, { lang: 'en' })), 'facts'));
    expect(facts["Start by (the plan's deadline)"]).toBe('the deadline could not be read: read the text');
    expect(facts['Start to be offered by (Health Act s. 140(4))']).toBe(
      'not certain (14 March 2019 only if the plan asks for no later start)',
    );
  });
});

describe('renderGopHtml: findings', () => {
  it('lists each finding with its rule, severity word and text, linked to its section', () => {
    const root = parsePage(renderGopHtml(bytesOf('invalid/GOP-CODE-001--telephone-code-mobiltelefon.xml')));
    const items = [...elements(byId(root, 'findings')!)].filter((e) => e.local === 'li');
    expect(items.length).toBeGreaterThan(0);
    const item = items.find((li) => textIn(li).includes('GOP-CODE-001'))!;
    expect(textIn(item)).toMatch(/fejl|advarsel/);
    const link = [...elements(item)].find((e) => e.local === 'a')!;
    expect(link.attrs?.['href']).toBe('#sec-patient');
    expect(byId(root, 'sec-patient')).toBeDefined();
  });

  it('maps paths to sections; unknown ones to the top', () => {
    expect(sectionOfPath('/Emessage/RehabilitationPlan/Patient/TelephoneSubscriber[1]/TelephoneSubscriberCode')).toBe('patient');
    expect(sectionOfPath('/Emessage/RehabilitationPlan/Sender/SignedBy')).toBe('signers');
    expect(sectionOfPath('/Emessage/Envelope/Sent/Time')).toBe('plan');
    expect(sectionOfPath('/Emessage/RehabilitationPlan/CurrentHospitalContact/ExpectedEnd/Date')).toBe('hospital-contact');
    expect(sectionOfPath('/Emessage/RehabilitationPlan/Kaffe')).toBeUndefined();
    expect(sectionOfPath('/')).toBeUndefined();
    expect(sectionOfPath('/Emessage/RehabilitationPlan/constructor')).toBeUndefined();
  });

  it('with findings: false, none', () => {
    const html = renderGopHtml(bytesOf('invalid/GOP-CODE-001--telephone-code-mobiltelefon.xml'), { findings: false });
    expect(byId(parsePage(html), 'findings')).toBeUndefined();
    expect(html).not.toContain('GOP-CODE-001');
  });

  it('lists unknown elements at the end, escaped, and links their finding there', () => {
    const root = parsePage(renderGopHtml(bytesOf('invalid/GOP-STRUCT-003--unknown-element-kaffe.xml')));
    const unknown = byId(root, 'unknown')!;
    expect(textIn(unknown)).toContain('Ukendte elementer');
    expect(textIn(unknown)).toContain('<Kaffe>Sort, uden sukker</Kaffe>');
    const sections = [...elements(root)].filter((e) => e.local === 'section').map((e) => e.attrs?.['id']);
    expect(sections.at(-1)).toBe('unknown');
    const link = [...elements(byId(root, 'findings')!)].find((e) => e.local === 'a')!;
    expect(link.attrs?.['href']).toBe('#unknown');
  });

  it('a plan that cannot be read shows its findings and what was read', () => {
    const root = parsePage(renderGopHtml(bytesOf('invalid/GOP-INPUT-001--truncated.xml')));
    expect(textIn(byId(root, 'findings')!)).toContain('GOP-INPUT-001');
    expect(textIn(root)).toContain('Planen kunne ikke læses');
    expect(textIn(byId(root, 'facts')!)).toContain('ugyldig');
    const partial = parsePage(renderGopHtml(bytesOf('invalid/GOP-STRUCT-001--patient-without-cpr.xml')));
    expect(textIn(byId(partial, 'findings')!)).toContain('GOP-STRUCT-001');
    expect(byId(partial, 'sec-patient')).toBeDefined(); // the partial model: the patient's name still shows
  });

  it('renders a Report alone: facts and findings, and says that the plan was not given', () => {
    const report = checkGop(bytesOf('invalid/GOP-LAW-006--consent-nej.xml'), { referenceDate: '2019-03-10' });
    const root = parsePage(renderGopHtml(report));
    expectSafe(root);
    expect(sectionHeadings(root)).toEqual([]);
    expect(textIn(root)).toContain('Selve planen er ikke givet');
    expect(textIn(byId(root, 'findings')!)).toContain('GOP-LAW-006');
    expect(textIn(byId(root, 'facts')!)).toContain('ugyldig');
    const link = [...elements(byId(root, 'findings')!)].find((e) => e.local === 'a')!;
    expect(link.attrs?.['href']).toBe('#top');
    const en = parsePage(renderGopHtml(report, { lang: 'en' }));
    expect(textIn(en)).toContain('The plan itself was not given');
  });

  it('renders a parse result: validated, the reader findings kept', () => {
    const parsed = parseGop(bytesOf('invalid/GOP-STRUCT-003--unknown-element-kaffe.xml'));
    const root = parsePage(renderGopHtml(parsed));
    expect(textIn(byId(root, 'findings')!)).toContain('GOP-STRUCT-003');
    expect(byId(root, 'unknown')).toBeDefined();
    const law = parsePage(renderGopHtml(parseGop(bytesOf('invalid/GOP-LAW-006--consent-nej.xml'))));
    expect(textIn(byId(law, 'findings')!)).toContain('GOP-LAW-006');
    expect(textIn(byId(law, 'facts')!)).toContain('ugyldig');
  });
});

const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '" onerror="alert(1)',
  "' onload='alert(1)",
  'javascript:alert(1)',
  '</style><script>alert(2)</script>',
  '<img src=http://x.example/a.png>',
  'x { background: url(http://x.example/b.png) }',
  ']]><!-- &amp; &#0; -->',
];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A real plan with hostile texts: in free text, a name, a kept-aside element, and Reference URLs. */
function hostilePlan(): string {
  const text = textOf('valid/almen-hoftefraktur.xml');
  const all = HOSTILE_VALUES.map(esc).join(' ');
  const references = [
    'javascript:alert(1)',
    'http://x.example/" onclick="alert(1)',
    ' JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://www.sst.dk/da/genoptraening?a=1&b=<2>',
    'https://www.sst.dk/da/genoptraening?a=1&b=2',
  ]
    .map((url) => `<Reference><RefDescription>${all}</RefDescription><URL>${esc(url)}</URL></Reference>`)
    .join('\n');
  return text
    .replace('Udskrives til eget hjem.', `Udskrives ${all}`)
    .replace(
      '<m100:PersonGivenName>Inger Margrethe</m100:PersonGivenName>',
      `<m100:PersonGivenName>Inger ${esc(HOSTILE_VALUES[4]!)}</m100:PersonGivenName>`,
    )
    .replace('<ConsentInformed>ja</ConsentInformed>', `<ConsentInformed>${esc(HOSTILE_VALUES[1]!)}</ConsentInformed>`)
    .replace(
      '</RehabilitationPlan>',
      `<Kaffe onload="alert(1)"><script>alert(3)</script><style>body{background:url(http://x.example/c)}</style></Kaffe>\n${references}\n</RehabilitationPlan>`,
    );
}

describe('renderGopHtml: nothing in a message becomes markup', () => {
  it('the hostile plan reads (so its values reach the page)', () => {
    const parsed = parseGop(hostilePlan());
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.message.rehabilitationPlan.reference).toHaveLength(6);
  });

  it.each(['da', 'en'] as const)('only allow-listed elements and attributes, no script, no request (%s)', (lang) => {
    const html = renderGopHtml(hostilePlan(), { lang });
    const root = parsePage(html);
    expectSafe(root);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<\/style>[\s\S]*<\/style>/); // one style sheet, closed once
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\son[a-z]+="/i); // no event handler attribute in the markup
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    const hrefs = [...elements(root)].map((e) => e.attrs?.['href']).filter((h): h is string => h !== undefined);
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual(['https://www.sst.dk/da/genoptraening?a=1&b=2']);
    // the hostile values are shown, as text
    const text = textIn(root);
    for (const value of HOSTILE_VALUES.slice(0, 7)) expect(text).toContain(value);
    expect(text).toContain('javascript:alert(1)');
    expect(textIn(byId(root, 'unknown')!)).toContain('<script>alert(3)</script>');
    // style only in our own sheet, never in an attribute
    for (const e of elements(root)) expect(e.attrs?.['style']).toBeUndefined();
  });

  it('a parse result built in code with characters XML does not allow still gives a well-formed page', () => {
    const parsed = parseGop(bytesOf('valid/minimal.xml'));
    if (!parsed.ok) throw new Error('not ok');
    parsed.message.rehabilitationPlan.patient.personGivenName = 'Kir\u0000sten\uFFFF\uD800';
    const root = parsePage(renderGopHtml(parsed));
    expect(textIn(byId(root, 'sec-patient')!)).toContain('Kir\uFFFDsten\uFFFD\uFFFD');
  });
});

describe('renderGopHtml: redaction', () => {
  const PERSONAL = [
    '0703384062',
    '070338-4062',
    '4062',
    'Inger',
    'Margrethe',
    'Kjærgaard',
    'Grøndalsvej',
    '86 14 22 31',
    '20304050',
    '+4520304050',
    'Skovvangsvej',
    '28716455',
    'Lene',
  ];

  it.each(['bytes', 'parse result', 'report'] as const)('with redact, no CPR, name, address or phone of the plan (%s)', (kind) => {
    const bytes = bytesOf('valid/almen-hoftefraktur.xml');
    const input = kind === 'bytes' ? bytes : kind === 'parse result' ? parseGop(bytes) : checkGop(bytes);
    const html = renderGopHtml(input, { redact: true, referenceDate: '2019-03-10' });
    for (const value of PERSONAL) expect(html, value).not.toContain(value);
    const root = parsePage(html);
    const header = [...elements(root)].find((e) => e.attrs?.['class'] === 'print-header')!;
    expect(textIn(header)).toContain('070338-XXXX');
    expect(textIn(header)).toMatch(/\*\*\*|\[masked, \d+ characters\]/); // the model's value masking, or the facts' placeholder
    expect(textIn(root)).toContain('Personoplysninger er maskeret');
  });

  it('the redacted kept-aside XML and free text too', () => {
    const xml = textOf('valid/almen-hoftefraktur.xml').replace(
      '</RehabilitationPlan>',
      '<Note>Ring til Inger Kjærgaard på 20 30 40 50 eller inger@example.dk</Note></RehabilitationPlan>',
    );
    const html = renderGopHtml(xml, { redact: true });
    expect(html).toContain('Ukendte elementer');
    for (const value of ['Inger', 'Kjærgaard', '20 30 40 50', 'inger@example.dk']) expect(html, value).not.toContain(value);
  });

  it('without redact, the values are there', () => {
    const html = renderGopHtml(bytesOf('valid/almen-hoftefraktur.xml'));
    for (const value of ['070338-4062', 'Inger Margrethe', 'Kjærgaard', 'Grøndalsvej']) expect(html).toContain(value);
  });
});

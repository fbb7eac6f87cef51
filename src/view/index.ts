import { z } from 'zod';
import type { Facts } from '../facts/facts';
import { FindingSchema, makeFinding, type Finding, type Severity } from '../findings/finding';
import { acceptInput } from '../input/accept';
import { describeError, readableCopy } from '../input/readable';
import { checkShape } from '../model/shape';
import type { DeepPartial } from '../model/partial';
import type { ExtraElement, GopMessage } from '../model/schema';
import { GopOptionsError, kindOf, ParseOptionsSchema, type OptionsIssue } from '../options/index';
import { ValidateOptionsSchema, type CheckOptions } from '../report/options';
import { isOptionsError, parseGop, type ParseResult } from '../read/parse';
import { VansEnvelopeInfoSchema } from '../read/vans';
import { INPUT_009 } from '../read/diagnostics/input-009-internal-error';
import { createRedactor, redactFacts, redactFindings, redactParseResult } from '../report/redact';
import { ReportSchema, type Report } from '../report/report';
import { checkGop } from '../report/validate';
import { SEVERITY_WORDS, countOf } from '../findings/severity-words';
import type { Language } from '../texts/languages';
import { deadlineState, UI } from '../format/ui-texts';
import type { SectionKey } from './texts';
import { daysBetween, longDate } from '../values/date';
import { didYouMean } from '../values/edit-distance';
import { documentOf, fragment, h, styleElement, type Child, type Markup } from './html';
import {
  contextFor,
  cprText,
  dateText,
  fields,
  levelText,
  personName,
  renderSections,
  sectionId,
  sectionOfPath,
  type ViewContext,
} from './sections';
import { STYLES } from './styles';

export { sectionOfPath };

export interface RenderOptions {
  /** the language of the page: headings, labels, finding texts (default 'da') */
  lang?: Language;
  /** mask personal data as reports do (redact: true): CPR numbers to DDMMYY-XXXX, names, addresses, phones, e-mail to *** */
  redact?: boolean;
  /** "today", for the days left until the deadlines; without it none are shown (the library never reads the clock) */
  referenceDate?: string | Date;
  /** the time zone an instant referenceDate is read in (default Europe/Copenhagen) */
  timeZone?: string;
  /** list the findings (default true) */
  findings?: boolean;
  /** the options checkGop is called with; referenceDate, timeZone and redact above win */
  check?: CheckOptions;
}

/** The Content-Security-Policy of every page: no script, no request; inline styles and data: images only. */
export const VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * A self-contained page as the library writes them (the plan's view, the follow-up report): polyglot XHTML, the
 * view's CSP (no script, no request), no referrer, its styles inline.
 */
export function selfContainedPage(lang: Language, title: string, styles: string, ...body: Child[]): string {
  const head = h(
    'head',
    null,
    h('meta', { charset: 'utf-8' }),
    h('meta', { 'http-equiv': 'Content-Security-Policy', content: VIEW_CSP }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', null, title),
    styleElement(styles),
  );
  return documentOf(h('html', { xmlns: 'http://www.w3.org/1999/xhtml', lang, 'xml:lang': lang }, head, h('body', null, ...body)));
}

type Message = DeepPartial<GopMessage>;
interface Prepared {
  report: Report;
  model?: Message;
  /** false for a report alone: the plan itself was not given */
  given: boolean;
  /** the plan was read (no fatal finding) */
  read: boolean;
}

const pick = (options: object | undefined, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(options ?? {}).filter(([key]) => keys.includes(key)));
const PARSE_KEYS = Object.keys(ParseOptionsSchema.shape);

function checkOptionsOf(options: RenderOptions): CheckOptions {
  const check: CheckOptions = { ...options.check };
  if (options.referenceDate !== undefined) check.referenceDate = options.referenceDate;
  if (options.timeZone !== undefined) check.timeZone = options.timeZone;
  if (options.redact !== undefined) check.redact = options.redact;
  return check;
}

const isParseResult = (value: object): value is ParseResult =>
  typeof (value as { ok?: unknown }).ok === 'boolean' && Array.isArray((value as { findings?: unknown }).findings);

const modelOf = (result: object): Message | undefined =>
  (result as { message?: Message }).message ?? (result as { partial?: Message }).partial;

const hasFatal = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'fatal');

function prepare(input: string | Uint8Array | ParseResult | Report, options: RenderOptions): Prepared {
  const check = checkOptionsOf(options);
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const report = checkGop(input, check);
    const parsed = parseGop(input, pick(check, PARSE_KEYS));
    const shown = check.redact ? redactParseResult(parsed) : parsed;
    return { report, model: modelOf(shown), given: true, read: parsed.ok && !hasFatal(report.findings) };
  }
  if (isParseResult(input)) return prepareParsed(input, check);
  return prepareReport(input, check.redact === true);
}

/** A parse result: the report checkGop gives for it, without reading the bytes again. */
function prepareParsed(parsed: ParseResult, check: CheckOptions): Prepared {
  const already = (parsed as { redacted?: boolean }).redacted === true;
  const redact = check.redact === true && !already;
  const shown = redact ? redactParseResult(parsed) : parsed;
  const report = checkGop(parsed, { ...check, redact: redact || already });
  return { report, model: modelOf(shown), given: true, read: parsed.ok && !hasFatal(report.findings) };
}

/** A report alone: no plan to show; redacted here if it was not already and redaction is asked for. */
function prepareReport(report: Report, redact: boolean): Prepared {
  if (!redact || report.redacted) return { report, given: false, read: !hasFatal(report.findings) };
  const p = report.facts?.patient;
  const redactor = createRedactor(
    p && {
      rehabilitationPlan: { patient: { civilRegistrationNumber: p.cpr, personGivenName: p.givenName, personSurnameName: p.surname } },
    },
  );
  const redacted: Report = { ...report, findings: redactFindings(report.findings, redactor), redacted: true };
  if (report.facts) redacted.facts = redactFacts(report.facts, redactor);
  return { report: redacted, given: false, read: !hasFatal(report.findings) };
}

// ---------------------------------------------------------------------------------------------------------------
// the page

const TOP = 'top';
const FACTS = 'facts';
const FINDINGS = 'findings';
const UNKNOWN = 'unknown';

function dateWithDays(date: string | undefined, reference: string | undefined, what: 'deadline' | 'guarantee', ctx: ViewContext): Child {
  if (!date) return undefined;
  const days = reference ? daysBetween(reference, date) : undefined;
  return [
    dateText(date, ctx.lang),
    days === undefined || Number.isNaN(days) ? undefined : h('span', { class: 'days' }, ` — ${UI[ctx.lang].days(days, what)}`),
  ];
}

/** Where the plan gives no latest start date, why: unreadable, none, as soon as possible, … ("no deadline" only for none). */
function noDeadlineDate(facts: Facts, ctx: ViewContext): Child {
  const state = deadlineState(facts);
  if (state === 'date') return undefined;
  const readTheText = state === 'unreadable' || state === 'noDate' || state === 'laterStartNoDate';
  return readTheText ? h('span', { class: 'read-the-text' }, ctx.t.deadlineState[state]) : ctx.t.deadlineState[state];
}

/** The § 140 stk. 4 date; where it is not certain, the date that holds only if the plan asks for no later start, said so. */
function guaranteeDate(facts: Facts, reference: string | undefined, ctx: ViewContext): Child {
  if (facts.guaranteedStartBy) return dateWithDays(facts.guaranteedStartBy, reference, 'guarantee', ctx);
  const ifNone = facts.guarantee.ifNoLaterStart;
  return ifNone ? h('span', { class: 'read-the-text' }, ctx.t.guaranteeNotCertain(dateText(ifNone, ctx.lang) ?? ifNone)) : undefined;
}

function statusLine(report: Report, ctx: ViewContext): Markup {
  const counts = (['fatal', 'error', 'warning', 'info'] as const)
    .filter((s) => report.counts[s] > 0)
    .map((s) => countOf(ctx.lang, s, report.counts[s]));
  return fragment(
    h('span', { class: `status ${report.valid ? 'valid' : 'invalid'}` }, UI[ctx.lang][report.valid ? 'valid' : 'invalid']),
    counts.length ? ` (${counts.join(', ')})` : undefined,
  );
}

function factsPanel(report: Report, ctx: ViewContext): Markup {
  const f = ctx.t.field;
  const facts: Facts | undefined = report.facts;
  const reference = report.referenceDate;
  const provider = facts?.provider ? ctx.t.provider[facts.provider] : undefined;
  return h(
    'section',
    { id: FACTS, class: 'facts', 'aria-label': ctx.t.facts },
    h('h2', null, ctx.t.facts),
    fields([
      [f.status, statusLine(report, ctx)],
      [f.level, levelText(facts?.level, ctx)],
      [f.provider, provider],
      [f.discharge, dateText(facts?.dischargeDate, ctx.lang)],
      [f.deadlineWritten, facts?.deadlineText],
      [f.deadlineRead, facts?.deadline.explanation[ctx.lang]],
      [f.earliestStart, dateText(facts?.earliestStart, ctx.lang)],
      [f.mustStartBy, facts && (dateWithDays(facts.mustStartBy, reference, 'deadline', ctx) ?? noDeadlineDate(facts, ctx))],
      [f.guaranteedStartBy, facts && guaranteeDate(facts, reference, ctx)],
      [f.guarantee, facts?.guarantee.explanation[ctx.lang]],
      // The date that binds, or (no date) why not: not certain, said with the text to read, or nothing binds.
      [
        f.startBy,
        facts &&
          (facts.startBy.date
            ? h('strong', { class: 'start-by' }, dateText(facts.startBy.date, ctx.lang))
            : h('span', { class: 'read-the-text' }, facts.startBy.explanation[ctx.lang])),
      ],
      [f.startByWhy, facts?.startBy.date ? facts.startBy.explanation[ctx.lang] : undefined],
      [f.standard, facts?.standard?.explanation[ctx.lang]],
      [f.referenceDate, reference ? longDate(reference)[ctx.lang] : undefined],
    ]),
  );
}

/** Section 10: the deadline as written, and as read (the facts). */
function deadlineBody(model: Message | undefined, report: Report, ctx: ViewContext): Markup[] | undefined {
  const written = model?.rehabilitationPlan?.rehabilitationDeadline;
  if (typeof written !== 'string' || written.trim() === '') return undefined;
  const f = ctx.t.field;
  const facts = report.facts;
  const list = fields([
    [f.deadlineWritten, written],
    [f.deadlineRead, facts?.deadline.explanation[ctx.lang]],
    [f.earliestStart, dateText(facts?.earliestStart, ctx.lang)],
    [f.mustStartBy, facts && (dateText(facts.mustStartBy, ctx.lang) ?? noDeadlineDate(facts, ctx))],
  ]);
  return list ? [list] : undefined;
}

function findingsPanel(report: Report, ctx: ViewContext, target: (f: Finding) => { id: string; label: string }): Markup {
  const f = ctx.t.field;
  const items = report.findings.map((finding) => {
    const severity: Severity = finding.severity;
    const where = target(finding);
    return h(
      'li',
      { class: severity },
      h('span', { class: 'severity' }, SEVERITY_WORDS[ctx.lang][severity][0]),
      h('span', { class: 'rule' }, finding.ruleId),
      h('span', { class: 'finding-text' }, ctx.lang === 'da' ? finding.messageDa : finding.message),
      h(
        'div',
        { class: 'finding-where' },
        f.section,
        ': ',
        h('a', { href: `#${where.id}` }, where.label),
        finding.line !== undefined ? [' · ', f.line, ' ', String(finding.line)] : undefined,
        ' · ',
        h('code', null, finding.path),
      ),
    );
  });
  return h(
    'section',
    { id: FINDINGS, class: 'findings-panel' },
    h('h2', null, ctx.t.findings),
    items.length ? h('ol', { class: 'findings' }, items) : h('p', null, ctx.t.noFindings),
  );
}

function unknownPanel(extras: readonly DeepPartial<ExtraElement>[], ctx: ViewContext): Markup {
  const f = ctx.t.field;
  return h(
    'section',
    { id: UNKNOWN, class: 'unknown-panel' },
    h('h2', null, ctx.t.unknown),
    h('p', null, ctx.t.unknownIntro),
    extras.map((extra) =>
      h(
        'div',
        { class: 'block' },
        fields([
          [f.element, extra.namespace ? [extra.name, ' ', h('span', { class: 'code' }, `{${extra.namespace}}`)] : extra.name],
          [f.where, extra.path ? h('code', null, extra.path) : undefined],
          [f.reason, extra.reason && Object.hasOwn(ctx.t.reason, extra.reason) ? ctx.t.reason[extra.reason] : extra.reason],
        ]),
        typeof extra.xml === 'string' && extra.xml !== '' ? h('pre', { class: 'kept' }, extra.xml) : undefined,
      ),
    ),
  );
}

/** The page, and whether the plan was read: what `gop view` decides its exit status by. */
export function renderView(
  input: string | Uint8Array | ParseResult | Report,
  options: RenderOptions = {},
): { html: string; read: boolean } {
  const lang: Language = options.lang === 'en' ? 'en' : 'da';
  const ctx = contextFor(lang);
  const prepared = prepare(input, options);
  const { report, model } = prepared;
  const patient = model?.rehabilitationPlan?.patient;
  const name =
    personName(patient) ??
    personName({ personGivenName: report.facts?.patient.givenName, personSurnameName: report.facts?.patient.surname });
  const cpr = cprText(patient?.civilRegistrationNumber ?? report.facts?.patient.cpr);

  const sections = model ? renderSections(model, ctx, deadlineBody(model, report, ctx)) : { markup: [], shown: new Set<SectionKey>() };
  const extras = Array.isArray(model?.extraElements) ? model.extraElements.filter((e) => e && typeof e === 'object') : [];
  const target = (finding: Finding) => {
    const key = sectionOfPath(finding.path);
    if (key && sections.shown.has(key)) return { id: sectionId(key), label: ctx.t.sections[key] };
    if (extras.length && !key && extras.some((e) => typeof e.path === 'string' && finding.path.startsWith(e.path)))
      return { id: UNKNOWN, label: ctx.t.unknown };
    return { id: TOP, label: ctx.t.top };
  };

  const notes: Child[] = [
    !prepared.given ? h('p', { class: 'note' }, ctx.t.notGiven) : undefined,
    prepared.given && !prepared.read ? h('p', { class: 'note unreadable' }, ctx.t.unreadable) : undefined,
    report.redacted ? h('p', { class: 'note' }, ctx.t.redacted) : undefined,
  ];
  const title = [ctx.t.documentTitle, name, cpr].filter(Boolean).join(' – ');
  const printHeader = h(
    'div',
    { class: 'print-header', 'aria-hidden': 'true' },
    h('strong', null, name ?? ctx.t.documentTitle),
    cpr ? h('span', { class: 'cpr' }, `${ctx.t.field.cpr} ${cpr}`) : undefined,
  );
  const main = h(
    'main',
    { id: TOP },
    h(
      'header',
      { class: 'doc-header' },
      h('p', { class: 'kicker' }, ctx.t.documentTitle, ' (G-GOP)'),
      h('h1', null, name ?? ctx.t.documentTitle, cpr ? [' ', h('span', { class: 'cpr' }, cpr)] : undefined),
    ),
    notes,
    factsPanel(report, ctx),
    options.findings === false ? undefined : findingsPanel(report, ctx, target),
    sections.markup,
    extras.length ? unknownPanel(extras, ctx) : undefined,
  );
  const html = selfContainedPage(
    lang,
    title,
    STYLES,
    printHeader,
    // The frame's header row repeats on every printed page and keeps the room the fixed print header takes.
    h(
      'table',
      { class: 'frame' },
      h('thead', null, h('tr', null, h('td', null, h('div', { class: 'print-space' })))),
      h('tbody', null, h('tr', null, h('td', null, main))),
    ),
  );
  return { html, read: prepared.read };
}

/**
 * A plan as one self-contained HTML5 document (polyglot XHTML: also well-formed XML) for people to read and print: a
 * facts panel, the findings, the plan's sections in the standard's order and what was kept aside as unknown. No script,
 * no request (a Content-Security-Policy meta says so); every value from the message is escaped. Text or bytes (a
 * Uint8Array, any ArrayBufferView, an ArrayBuffer) are read and checked (checkGop); a parseGop result is checked
 * without reading again (checkGop); a Report alone shows its facts and findings. Never throws on its input: anything else (null, a number,
 * a detached buffer, an object that is neither a parse result nor a report) gives the page that says the plan could
 * not be read, with the finding that says why. Options it cannot read, and `check` options checkGop cannot use, throw
 * GopOptionsError.
 */
export function renderGopHtml(
  input: string | Uint8Array | ArrayBuffer | ArrayBufferView | ParseResult | Report,
  options?: RenderOptions,
): string {
  const settings = renderOptionsOf(options);
  try {
    return renderView(renderable(input), settings).html;
  } catch (error) {
    if (isOptionsError(error)) throw error;
    // A parse result or report built in code that still breaks the page (a getter that throws on a second read), or a
    // bug of ours: the page says the plan could not be read, and why.
    const finding = makeFinding(INPUT_009, 'reader', { detail: describeError(error) }, { path: '/', line: 1, column: 1 });
    return renderView({ ok: false, findings: [finding] }, settings).html;
  }
}

const CHECK_ERROR = (value: unknown) => `must be the options of checkGop (an object), not ${kindOf(value)}`;

/**
 * renderGopHtml's options, checked as checkGop's are (src/options): the same schemas for the options they share, so a
 * bad referenceDate is named as renderGopHtml's. `check` is checkGop's to check (its own function name in the error).
 */
const RenderOptionsSchema = z.strictObject({
  lang: ValidateOptionsSchema.shape.language,
  redact: ValidateOptionsSchema.shape.redact,
  referenceDate: ValidateOptionsSchema.shape.referenceDate,
  timeZone: ValidateOptionsSchema.shape.timeZone,
  findings: ValidateOptionsSchema.shape.redact,
  check: z
    .custom<CheckOptions>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
      error: (issue) => CHECK_ERROR(issue.input),
    })
    .nullish()
    .transform((value) => value ?? undefined),
});
const RENDER_KEYS = Object.keys(RenderOptionsSchema.shape);

/** zod's issues as GopOptionsError lists them: one per unknown key, with a near miss named. */
function renderIssues(error: z.ZodError): OptionsIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: key,
          message: `unknown option${didYouMean(key, RENDER_KEYS)}; known are ${RENDER_KEYS.join(', ')}`,
        }))
      : [{ path: issue.path.map(String).join('.'), message: issue.message }],
  );
}

/** The options as plain data, read once (`check` too: it is copied into checkGop's options) and checked. */
function renderOptionsOf(options: unknown): RenderOptions {
  if (options === undefined || options === null) return {};
  const notObject = () =>
    new GopOptionsError('renderGopHtml', [{ path: '', message: `options must be an object (or undefined), not ${kindOf(options)}` }]);
  if (typeof options !== 'object') throw notObject();
  let own: Record<string, unknown>;
  try {
    // Inside the try: Array.isArray throws on a revoked Proxy.
    if (Array.isArray(options)) throw notObject();
    own = Object.fromEntries(Object.entries(options));
    const check = own['check'];
    if (check !== null && typeof check === 'object' && !Array.isArray(check)) own['check'] = Object.fromEntries(Object.entries(check));
  } catch (error) {
    if (isOptionsError(error)) throw error;
    throw new GopOptionsError('renderGopHtml', [{ path: '', message: `the options cannot be read (${describeError(error)})` }]);
  }
  const parsed = RenderOptionsSchema.safeParse(own);
  if (!parsed.success) throw new GopOptionsError('renderGopHtml', renderIssues(parsed.error));
  // Defaults stay absent (undefined), as the page expects them.
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as RenderOptions;
}

/**
 * What the page is made from: text or bytes as the reader takes them; a parse result read once as plain data, its
 * findings as the schema has them, its model without values of the wrong type (checkShape); a report that meets
 * ReportSchema. Anything else is the reader's own answer to it (GOP-INPUT-003, naming its kind), a failed read.
 */
function renderable(input: unknown): string | Uint8Array | ParseResult | Report {
  const accepted = acceptInput(input);
  if (accepted.ok) return accepted.input;
  if (typeof input === 'object' && input !== null) {
    const parsed = parseResultOf(readableCopy(input));
    if (parsed) return parsed;
    try {
      // The report itself, not a copy: its facts carry the explanations as written, for redaction (src/report/mask.ts).
      if (ReportSchema.safeParse(input).success) return input as Report;
    } catch {
      // a getter or Proxy trap that throws: not a report the page can use
    }
  }
  return parseGop(input as string);
}

const FINDING_LIST = z.array(FindingSchema);

function parseResultOf(copy: unknown): ParseResult | undefined {
  if (copy === null || typeof copy !== 'object') return undefined;
  const { ok, findings, message, partial, envelope, source, redacted } = copy as Record<string, unknown>;
  if (typeof ok !== 'boolean' || !FINDING_LIST.safeParse(findings).success) return undefined;
  const model = ok ? message : partial;
  const out: Record<string, unknown> = { ok, findings };
  if (model !== undefined || ok) out[ok ? 'message' : 'partial'] = checkShape(model).message;
  if (VansEnvelopeInfoSchema.safeParse(envelope).success) out['envelope'] = envelope;
  if (source !== null && typeof source === 'object' && typeof (source as { locate?: unknown }).locate === 'function')
    out['source'] = source;
  if (redacted === true) out['redacted'] = true;
  return out as ParseResult;
}

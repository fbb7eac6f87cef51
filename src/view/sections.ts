import type { FormattedText, RichText } from '../model/formatted';
import type { DeepPartial } from '../model/partial';
import { MESSAGE_FACTS, type CodedValue, type GopMessage, type Party, type Person } from '../model/schema';
import { CODE_LISTS, LEVEL_LABELS, type Level } from '../standard/codelists';
import type { Language } from '../texts/languages';
import { SECTION_KEYS, VIEW_TEXTS, type SectionKey, type ViewTexts } from './texts';
import { isIsoDate, isTime, longDate } from '../values/date';
import { externalLink, fragment, h, type Child, type Markup } from './html';

/*
 * The 22 sections of ../../../shared/spec/viewer.md, in order, each `<section id="sec-<key>">` with an h2; a section
 * with nothing to show is left out. Every value is a string child of h(): escaped, never markup.
 */

type Plan = DeepPartial<GopMessage['rehabilitationPlan']>;
type Message = DeepPartial<GopMessage>;
type CodeListWithLabels = keyof ViewTexts['codes'];

export interface ViewContext {
  lang: Language;
  t: ViewTexts;
}

export const contextFor = (lang: Language): ViewContext => ({ lang, t: VIEW_TEXTS[lang] });

const present = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * The one form of a date shown to a person, in the view and on the browser page: a YYYY-MM-DD date or a
 * YYYY-MM-DDThh:mm stamp (as the facts hold them) written out — "12. marts 2019 kl. 10:43", "12 March 2019, 10:43".
 * Anything else (a date that does not exist, a date as the plan wrote it) as written.
 */
export function dateText(value: string | undefined, lang: Language): string | undefined {
  if (!present(value)) return undefined;
  if (isIsoDate(value)) return longDate(value)[lang];
  const stamp = STAMP.exec(value);
  return stamp && isIsoDate(stamp[1]!) && isTime(stamp[2]!) ? VIEW_TEXTS[lang].at(longDate(stamp[1]!)[lang], stamp[2]!) : value;
}

// a quoted value ("…", as the plan wrote it) or a date or stamp standing on its own (not part of a longer number or stamp)
const DATES_IN_TEXT = /"[^"]*"|(?<![\d-])(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?)(?![\d:T-])/g;

/** A sentence of ours (a finding, an explanation) with its dates as dateText writes them; quoted values stay as written. */
export const datesInText = (text: string, lang: Language): string =>
  text.replace(DATES_IN_TEXT, (all: string, date: string | undefined) => (date ? (dateText(date, lang) ?? date) : all));

function dateTimeText(value: { date?: string; time?: string } | undefined, ctx: ViewContext): string | undefined {
  const date = dateText(value?.date, ctx.lang);
  const time = present(value?.time) ? value.time : undefined;
  if (date && time) return isIsoDate(value?.date ?? '') && isTime(time) ? ctx.t.at(date, time) : `${date} ${time}`;
  return date ?? time;
}

/** A code with its label: "label (code)"; an unknown code as it is. */
function codeText(list: CodeListWithLabels, code: string | undefined, ctx: ViewContext): Child {
  if (!present(code)) return undefined;
  const labels = ctx.t.codes[list] as Record<string, string>;
  const label = Object.hasOwn(labels, code) ? labels[code] : undefined;
  if (label === undefined || label === code) return code;
  return fragment(label, ' ', h('span', { class: 'code' }, `(${code})`));
}

export function levelText(code: string | undefined, ctx: ViewContext): Child {
  if (!present(code)) return undefined;
  if (!(CODE_LISTS.TypeOfRehabilitationPlan as readonly string[]).includes(code)) return code;
  return fragment(LEVEL_LABELS[code as Level][ctx.lang], ' ', h('span', { class: 'code' }, `(${code})`));
}

/** CPR as DDMMYY-XXXX when it is ten digits (a masked one already is), else as written. */
export const cprText = (cpr: string | undefined): string | undefined =>
  present(cpr) ? (/^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr) : undefined;

// ---------------------------------------------------------------------------------------------------------------
// building blocks

type Field = [label: string, value: Child];
const hasValue = (value: Child): boolean =>
  value !== undefined && value !== null && value !== false && value !== '' && !(Array.isArray(value) && value.every((v) => !hasValue(v)));

/** A definition list of the fields that have a value; nothing when none has. */
function fields(list: Field[]): Markup | undefined {
  const shown = list.filter(([, value]) => hasValue(value));
  if (!shown.length) return undefined;
  return h(
    'dl',
    { class: 'fields' },
    shown.map(([label, value]) => [h('dt', null, label), h('dd', null, value)]),
  );
}

/** Rich text: Break a line break, Bold/Italic/Underline as strong/em/u, Center and FixedFont as classes. */
function richNodes(nodes: readonly DeepPartial<RichText>[] | undefined): Child[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.map((node): Child => {
    if (!node || typeof node !== 'object') return undefined;
    switch (node.type) {
      case 'text':
        return typeof node.value === 'string' ? node.value : undefined;
      case 'break':
        return h('br', null);
      case 'bold':
        return h('strong', null, richNodes(node.content));
      case 'italic':
        return h('em', null, richNodes(node.content));
      case 'underline':
        return h('u', null, richNodes(node.content));
      case 'center':
        return h('span', { class: 'center' }, richNodes(node.content));
      case 'fixedFont':
        return h('span', { class: 'fixed' }, richNodes(node.content));
      default:
        return undefined;
    }
  });
}

const hasText = (value: DeepPartial<FormattedText> | undefined): boolean =>
  !!value && (present(value.text) || (Array.isArray(value.content) && value.content.length > 0 && present(plainOf(value.content))));
const plainOf = (nodes: readonly DeepPartial<RichText>[]): string =>
  nodes
    .map((n) => (n?.type === 'text' ? (n.value ?? '') : n && 'content' in n ? plainOf((n.content ?? []) as DeepPartial<RichText>[]) : ''))
    .join('');

/** Formatted text as a block; its plain text (a line per Break) when there is no content. */
function rich(value: DeepPartial<FormattedText> | undefined): Markup | undefined {
  if (!value || !hasText(value)) return undefined;
  if (Array.isArray(value.content) && value.content.length)
    return h('div', { class: 'rich' }, richNodes(value.content as DeepPartial<RichText>[]));
  const lines = (value.text ?? '').split('\n');
  return h(
    'div',
    { class: 'rich' },
    lines.map((line, i) => [i > 0 ? h('br', null) : undefined, line]),
  );
}

const joined = (parts: (string | undefined)[], separator = ' ') => {
  const list = parts.filter(present);
  return list.length ? list.join(separator) : undefined;
};

function addressOf(p: { streetName?: string; suburbName?: string; postCodeIdentifier?: string; districtName?: string } | undefined) {
  if (!p) return undefined;
  const lines = [p.streetName, p.suburbName, joined([p.postCodeIdentifier, p.districtName])].filter(present);
  return lines.length ? lines.map((line, i) => [i > 0 ? h('br', null) : undefined, line]) : undefined;
}

function identifierOf(p: { identifier?: string; identifierCode?: string } | undefined, ctx: ViewContext): Child {
  if (!p || !present(p.identifier)) return present(p?.identifierCode) ? codeText('IdentifierCode', p.identifierCode, ctx) : undefined;
  return present(p.identifierCode) ? fragment(p.identifier, ' — ', codeText('IdentifierCode', p.identifierCode, ctx)) : p.identifier;
}

function partyFields(p: DeepPartial<Party> | undefined, ctx: ViewContext): Field[] {
  const f = ctx.t.field;
  if (!p) return [];
  return [
    [f.department, p.departmentName],
    [f.unit, p.unitName],
    [f.address, addressOf(p)],
    [f.phone, p.telephoneSubscriberIdentifier],
    [f.ean, p.eanIdentifier],
    [f.identifier, identifierOf(p, ctx)],
    [f.speciality, p.medicalSpecialityCode],
  ];
}

/** A party as a block: its name as the heading (the organisation, else the department), then its fields. */
function partyBlock(label: string, p: DeepPartial<Party> | undefined, ctx: ViewContext, extra: Field[] = []): Markup | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const name = p.organisationName;
  const list = fields([...partyFields(p, ctx), ...extra]);
  if (!present(name) && !list) return undefined;
  return h('div', { class: 'block' }, h('h3', null, label, present(name) ? [': ', name] : undefined), list);
}

const personName = (p: DeepPartial<Person> | { personGivenName?: string; personSurnameName?: string } | undefined) =>
  p ? joined([p.personGivenName, p.personSurnameName]) : undefined;

function personBlock(label: string, p: DeepPartial<Person> | undefined, ctx: ViewContext, extra: Field[] = []): Markup | undefined {
  if (!p || typeof p !== 'object') return undefined;
  const f = ctx.t.field;
  const list = fields([
    [f.title, p.personTitle],
    [f.department, p.departmentName],
    [f.phone, p.telephoneSubscriberIdentifier],
    [f.identifier, identifierOf(p, ctx)],
    ...extra,
  ]);
  const name = personName(p);
  if (!name && !list) return undefined;
  return h('div', { class: 'block' }, h('h3', null, label, name ? [': ', name] : undefined), list);
}

function phones(
  list: readonly { telephoneSubscriberIdentifier?: string; telephoneSubscriberCode?: string }[] | undefined,
  ctx: ViewContext,
) {
  if (!Array.isArray(list)) return undefined;
  const shown = list.filter((p) => p && (present(p.telephoneSubscriberIdentifier) || present(p.telephoneSubscriberCode)));
  return shown.length
    ? shown.map((p, i) => [
        i > 0 ? h('br', null) : undefined,
        p.telephoneSubscriberIdentifier,
        present(p.telephoneSubscriberCode) ? [', ', codeText('TelephoneSubscriberCode', p.telephoneSubscriberCode, ctx)] : undefined,
      ])
    : undefined;
}

const array = <T>(value: readonly T[] | undefined): T[] => (Array.isArray(value) ? value.filter((v) => v && typeof v === 'object') : []);

const nonEmpty = (...parts: (Markup | undefined)[]): Markup[] | undefined => {
  const list = parts.filter((p): p is Markup => p !== undefined);
  return list.length ? list : undefined;
};

// ---------------------------------------------------------------------------------------------------------------
// the sections

type SectionBody = (plan: Plan, message: Message, ctx: ViewContext) => Markup[] | undefined;

const BODIES: Record<SectionKey, SectionBody> = {
  plan(plan, message, ctx) {
    const f = ctx.t.field;
    const letter = plan.letter;
    const sender = plan.sender;
    const signer = personName(sender?.signedBy);
    return nonEmpty(
      fields([
        [f.level, levelText(plan.typeOfRehabilitationPlan, ctx)],
        [f.authorised, dateTimeText(letter?.authorisation, ctx)],
        [f.authorisedBy, signer],
        [f.letterId, letter?.identifier],
        [f.versionCode, letter?.versionCode],
        [f.statisticalCode, letter?.statisticalCode],
        [f.letterType, letter?.typeCode],
        [f.episode, letter?.episodeOfCareIdentifier],
        [f.messageId, message.envelope?.identifier],
        [f.sent, dateTimeText(message.envelope?.sent, ctx)],
        [f.acknowledgement, codeText('AcknowledgementCode', message.envelope?.acknowledgementCode, ctx)],
      ]),
      partyBlock(f.sender, sender, ctx),
    );
  },
  patient(plan, _message, ctx) {
    const f = ctx.t.field;
    const p = plan.patient;
    if (!p) return undefined;
    const co = p.coAddress;
    const coText = co ? [personName(co), addressOf(co)] : undefined;
    return nonEmpty(
      fields([
        [f.name, personName(p)],
        [f.cpr, present(p.civilRegistrationNumber) ? h('span', { class: 'cpr' }, cprText(p.civilRegistrationNumber)) : undefined],
        [f.address, addressOf(p)],
        [
          f.coAddress,
          coText && hasValue(coText)
            ? [personName(co), personName(co) && addressOf(co) ? h('br', null) : undefined, addressOf(co)]
            : undefined,
        ],
        [f.phone, phones(p.telephoneSubscriber, ctx)],
        [f.noPhone, p.noTelephoneReason],
        [f.email, p.emailAddressIdentifier],
        [f.occupation, p.occupation],
      ]),
    );
  },
  receivers(plan, _message, ctx) {
    const f = ctx.t.field;
    const gp = plan.gpccReceiver;
    const gpBlock = gp?.ccReceiver
      ? partyBlock(f.gp, gp.ccReceiver, ctx, gp.deselected ? [[f.gp, ctx.t.field.gpDeselected]] : [])
      : gp?.deselected
        ? h('div', { class: 'block' }, h('h3', null, f.gp, ': ', f.gpDeselected))
        : undefined;
    return nonEmpty(partyBlock(f.receiver, plan.receiver, ctx), gpBlock, ...array(plan.ccReceiver).map((c) => partyBlock(f.copy, c, ctx)));
  },
  signers(plan, _message, ctx) {
    const f = ctx.t.field;
    return nonEmpty(
      personBlock(f.signedBy, plan.sender?.signedBy, ctx),
      ...array(plan.sender?.coWriter).map((c) => personBlock(f.coWriter, c, ctx)),
    );
  },
  consent: (plan, _m, ctx) => nonEmpty(fields([[ctx.t.field.consent, codeText('ConsentInformed', plan.consentInformed, ctx)]])),
  relatives(plan, _message, ctx) {
    const f = ctx.t.field;
    return nonEmpty(
      ...array(plan.relatives?.relative).map((r) => {
        const list = fields([
          [f.relation, codeText('RelationCode', r.relationCode, ctx)],
          [f.address, addressOf(r)],
          [f.phone, phones(r.telephoneSubscriber, ctx)],
          [f.email, r.emailAddressIdentifier],
        ]);
        const name = personName(r);
        return name || list ? h('div', { class: 'block' }, name ? h('h3', null, name) : undefined, list) : undefined;
      }),
    );
  },
  information: (plan) => nonEmpty(rich(plan.informationForPatientAndRelatives)),
  practical: (plan) => nonEmpty(rich(plan.practicalInformation)),
  safety: (plan) => nonEmpty(rich(plan.patientSafetyAspects)),
  deadline: () => undefined, // written with the facts (renderSections)
  'hospital-contact'(plan, _message, ctx) {
    const f = ctx.t.field;
    const c = plan.currentHospitalContact;
    return nonEmpty(
      fields([
        [f.admitted, dateTimeText(c?.start, ctx)],
        [f.expectedEnd, dateTimeText(c?.expectedEnd, ctx)],
        [f.expectedEnd, c?.expectedEndText],
      ]),
    );
  },
  'follow-up'(plan, _message, ctx) {
    const f = ctx.t.field;
    const c = plan.hospitalAmbulatoryControl;
    return nonEmpty(
      fields([
        [f.expectedStart, dateTimeText(c?.expectedStart, ctx)],
        [f.expectedStart, c?.expectedStartText],
      ]),
      partyBlock(f.location, c?.location, ctx),
    );
  },
  health: (plan) => nonEmpty(rich(plan.patientHealthSummary)),
  ability(plan, _message, ctx) {
    const f = ctx.t.field;
    const summary = rich(plan.abilityAtDischargeSummary);
    const extended = rich(plan.abilityAtDischargeExtended);
    return nonEmpty(
      summary && h('div', { class: 'part' }, h('h3', null, f.summary), summary),
      extended && h('div', { class: 'part' }, h('h3', null, f.extended), extended),
    );
  },
  need: (plan) => nonEmpty(rich(plan.rehabilitationNeedAndPotential)),
  diagnoses(plan, _message, ctx) {
    const f = ctx.t.field;
    const d = plan.icd10Diagnoses;
    const items = array(d?.icd10Diagnose).flatMap((group) => [
      ...(group.primaryDiagnosis ? [[f.primary, coded(group.primaryDiagnosis)] as Field] : []),
      ...array(group.secondaryDiagnosis).map((s) => [f.secondary, coded(s)] as Field),
    ]);
    return nonEmpty(fields(items), present(d?.text) ? fields([[f.diagnosisText, d.text]]) : undefined);
  },
  icf(plan, _message, ctx) {
    const f = ctx.t.field;
    return nonEmpty(
      ...array(plan.icfClassifications?.icfClassification).map((c) =>
        fields([
          [f.icfCode, coded(c.icfCode)],
          [f.gradient, coded(c.icfGradient)],
        ]),
      ),
    );
  },
  journal(plan, _message, ctx) {
    const f = ctx.t.field;
    return nonEmpty(
      ...array(plan.journalExcerpt).map((j) => {
        const list = fields([
          [f.signer, personName(j.signer?.signedBy)],
          [f.title, j.signer?.signedBy?.personTitle],
          [f.date, dateText(j.signer?.date, ctx.lang)],
        ]);
        const comment = rich(j.comment);
        if (!present(j.typeOfExcerpt) && !list && !comment) return undefined;
        return h('div', { class: 'block' }, present(j.typeOfExcerpt) ? h('h3', null, j.typeOfExcerpt) : undefined, list, comment);
      }),
    );
  },
  contacts: (plan, _m, ctx) =>
    nonEmpty(partyBlock(ctx.t.field.region, plan.contactCounty, ctx), partyBlock(ctx.t.field.municipality, plan.contactMunicipality, ctx)),
  team: (plan, _m, ctx) => nonEmpty(...array(plan.healthCareTeam?.member).map((m) => personBlock(ctx.t.field.member, m, ctx))),
  'final-result': (plan, _m, ctx) =>
    nonEmpty(...array(plan.finalResult?.resultReceiver).map((r) => partyBlock(ctx.t.field.resultReceiver, r, ctx))),
  references(plan, _message, ctx) {
    const f = ctx.t.field;
    return nonEmpty(
      ...array(plan.reference).map((r) =>
        fields([
          [f.description, r.refDescription],
          [f.url, present(r.url) ? externalLink(r.url) : undefined],
        ]),
      ),
    );
  },
};

function coded(value: DeepPartial<CodedValue> | undefined): Child {
  if (!value) return undefined;
  const code = present(value.code) ? h('span', { class: 'rule' }, value.code) : undefined;
  const parts: Child[] = [code, code && present(value.text) ? ' ' : undefined, value.text];
  if (present(value.typeCode)) parts.push(' ', h('span', { class: 'code' }, `(${value.typeCode})`));
  return hasValue(parts.slice(0, 3)) ? parts : undefined;
}

export const sectionId = (key: SectionKey) => `sec-${key}`;

/**
 * The section a finding's path concerns (/Emessage/RehabilitationPlan/Patient/… → patient): the section the schema
 * names for the deepest element of the path that names one, as far as the standard knows the path.
 */
export function sectionOfPath(path: string): SectionKey | undefined {
  const steps = path.split('/').map((step) => step.replace(/\[\d+\]$/, '').replace(/^[^:]*:/, ''));
  const root = steps.indexOf('Emessage');
  if (root === -1) return undefined;
  let section: SectionKey | undefined; // the schema's sections are the view's (test/element-facts.test.ts)
  for (const facts of MESSAGE_FACTS.along(steps.slice(root + 1))) if (facts.section) section = facts.section;
  return section;
}

/** The sections that have something to show, in order; `deadline` is given its body by the caller (the facts). */
export function renderSections(
  message: Message,
  ctx: ViewContext,
  deadline: Markup[] | undefined,
): { markup: Markup[]; shown: Set<SectionKey> } {
  const plan = (message.rehabilitationPlan ?? {}) as Plan;
  const shown = new Set<SectionKey>();
  const markup: Markup[] = [];
  for (const key of SECTION_KEYS) {
    const body = key === 'deadline' ? deadline : BODIES[key](plan, message, ctx);
    if (!body?.length) continue;
    shown.add(key);
    markup.push(h('section', { id: sectionId(key), class: 'plan-section' }, h('h2', null, ctx.t.sections[key]), body));
  }
  return { markup, shown };
}

export { fields, personName };

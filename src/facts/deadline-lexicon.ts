/**
 * The one lexicon of the start-deadline reader: every word it understands, by what it does in a sentence.
 * A word that is not here is a comment and moves no date; what can move a date is here: markers, conditions
 * (`condition`), events that can anchor a later start (`event`, also found inside compounds by their stems) and the
 * `vague` class, which makes the text unreadable.
 */
import type { DeadlinePeriod } from './deadline';
import { editDistance } from '../values/edit-distance';

export type Word =
  | { kind: 'deadline'; before?: boolean } // senest, inden (before: "inden 20/3" is the day before)
  | { kind: 'earliest' } // tidligst, først
  | { kind: 'after' } // efter: "10 dage efter udskrivelsen", "opstart efter 14 dage", "efter 18/3" (the day after)
  | { kind: 'from' } // fra: "fra udskrivelsen", "fra 1. april"
  | { kind: 'in' } // om: "om 2 uger" (a named start)
  | { kind: 'at' } // ved: "ved udskrivelsen"
  | { kind: 'during' } // i løbet af: "i løbet af uge 11" (a named start)
  | { kind: 'not' } // ikke: "ikke før", "ikke senere end"
  | { kind: 'no' } // ingen: "ingen frist", "ingen opstart før"
  | { kind: 'between' } // mellem … og …
  | { kind: 'to' } // til: "fra 12/3 til 19/3"
  | { kind: 'number'; value: number }
  | { kind: 'unit'; unit: DeadlinePeriod['unit'] }
  | { kind: 'deadlineNoun' } // frist, tidsfrist: "ingen frist" is no deadline
  | { kind: 'anchor' } // the discharge
  | { kind: 'discharged' } // udskrives, udskrevet: "udskrives 5/3" states the discharge date
  | { kind: 'event'; event: string } // operation, kontrol, gips …: an event that can anchor a later start
  | { kind: 'condition'; later: boolean } // når, hvis, afventer …: a condition on the start (later: on a later start)
  | { kind: 'month'; month: number }
  | { kind: 'weekday'; day: number } // ISO: 1 Monday … 7 Sunday
  | { kind: 'week' } // uge N
  | { kind: 'next' } // næste uge
  | { kind: 'today' } // i dag
  | { kind: 'tomorrow' } // i morgen
  | { kind: 'endOf'; direct?: boolean } // udgangen af <måned>, ultimo <måned> (direct: no "af")
  | { kind: 'start' } // opstart, påbegyndes: a time after it with no marker is the start itself
  | { kind: 'guarantee' } // genoptræningsgarantien: 7 days from discharge, after a deadline marker
  | { kind: 'preference' } // helst: after a deadline, a wish that does not move it
  | { kind: 'asap' }
  | { kind: 'none' } // ikke relevant, nej
  | { kind: 'reason' } // da, pga.: what follows says why (still read: an event in it can move the date)
  | { kind: 'separator' } // altså, dvs., men: a new statement follows
  | { kind: 'filler' }
  | { kind: 'vague' } // ca., cirka, et par: never read
  | { kind: 'soft' } // evt., måske, eller: unreadable in a clause with a time, a comment elsewhere
  | { kind: 'thereafter' }
  | { kind: 'misspelt' }; // not known, but one or two edits from a word that can move a date: never a comment // herefter: "7 dage herefter" counts from the date just stated; alone a later start

const entries: [Word, string[]][] = [
  [
    { kind: 'deadline' },
    ['senest', 'indenfor', 'max', 'max.', 'maks', 'maks.', 'maksimalt', 'maximalt', 'højst', 'within', 'by', 'latest', 'deadline'],
  ],
  [{ kind: 'deadline', before: true }, ['inden', 'før', 'before', 'prior']],
  [{ kind: 'earliest' }, ['tidligst', 'først', 'earliest']],
  [{ kind: 'after' }, ['efter', 'after']],
  [{ kind: 'from' }, ['fra', 'from']],
  [{ kind: 'in' }, ['om', 'in']],
  [{ kind: 'at' }, ['ved', 'upon']],
  [{ kind: 'not' }, ['ikke', 'not']],
  [{ kind: 'no' }, ['ingen', 'intet', 'no']],
  [{ kind: 'between' }, ['mellem', 'between']],
  [{ kind: 'to' }, ['til', 'until']],
  [
    { kind: 'unit', unit: 'day' },
    ['dag', 'dage', 'dagen', 'dags', 'dages', 'døgn', 'døgnet', 'kalenderdag', 'kalenderdage', 'dg', 'dg.', 'day', 'days'],
  ],
  [
    { kind: 'unit', unit: 'workingDay' },
    ['hverdag', 'hverdage', 'hvd', 'hvd.', 'arbejdsdag', 'arbejdsdage', 'hverdages', 'arbejdsdages', 'weekdays'],
  ],
  [{ kind: 'unit', unit: 'week' }, ['uger', 'ugers', 'uges', 'weeks']],
  [{ kind: 'unit', unit: 'month' }, ['måned', 'måneder', 'måneds', 'mdr', 'mdr.', 'mnd', 'mnd.', 'md', 'md.', 'month', 'months']],
  [{ kind: 'unit', unit: 'hour' }, ['time', 'timer', 't.', 'hours']],
  [{ kind: 'deadlineNoun' }, ['frist', 'fristen', 'tidsfrist', 'tidsfristen', 'tidsfrister', 'tidskrav', 'hast']],
  [{ kind: 'week' }, ['uge', 'ugen', 'week']],
  [
    { kind: 'anchor' },
    [
      'udskrivelse',
      'udskrivelsen',
      'udskrivning',
      'udskrivningen',
      'udskrivelsesdag',
      'udskrivelsesdagen',
      'udskrivelsesdato',
      'udskrivelsesdatoen',
      'udskrivningsdag',
      'udskrivningsdagen',
      'udskrivningsdato',
      'udskrivningsdatoen',
      'udskr',
      'udskr.',
      'udsk.',
      'hjemkomst',
      'hjemkomsten',
      'hjemsendelse',
      'hjemsendelsen',
      'entlassung',
      'discharge',
    ],
  ],
  [{ kind: 'event', event: 'operation' }, ['opr.', 'op.']],
  [{ kind: 'discharged' }, ['udskrives', 'udskrevet', 'udskrevne', 'hjemsendes', 'hjemsendt', 'discharged']],
  [{ kind: 'next' }, ['næste', 'kommende', 'next']],
  [{ kind: 'endOf' }, ['udgangen', 'slutningen', 'end']],
  [{ kind: 'endOf', direct: true }, ['ultimo', 'ult.']],
  [
    { kind: 'start' },
    [
      'påbegyndes',
      'påbegynde',
      'påbegyndt',
      'påbegyndelse',
      'opstartes',
      'opstarte',
      'opstartet',
      'igangsættes',
      'igangsætte',
      'igangsat',
      'startes',
      'starte',
      'startet',
      'start',
      'starter',
      'opstart',
      'opstarten',
      'starten',
      'begynde',
      'begynder',
      'begyndes',
      'begyndt',
      'starts',
      'started',
      'begin',
      'begins',
      'commence',
    ],
  ],
  [
    { kind: 'guarantee' },
    [
      'genoptræningsgarantien',
      'genoptræningsgaranti',
      'garantien',
      'garanti',
      'garantifristen',
      'garantifrist',
      'dagesfristen',
      'dagesfrist',
      'dagesreglen',
      'genoptræningsgarantiens',
    ],
  ],
  [{ kind: 'preference' }, ['helst', 'gerne', 'ønskeligt', 'ideelt', 'optimalt', 'preferably', 'ideally']],
  [
    { kind: 'asap' },
    [
      'hurtigst',
      'snarest',
      'snarligt',
      'straks',
      'asap',
      'umiddelbart',
      'omgående',
      'omg.',
      'muligt',
      'mul.',
      'mulig',
      'hurtigt',
      'snart',
      'akut',
      'akutte',
      'haster',
      'hastende',
      'immediately',
      'urgent',
      'urgently',
    ],
  ],
  [{ kind: 'none' }, ['nej', 'irrelevant', 'na', 'none']],
  [
    { kind: 'reason' },
    ['da', 'pga', 'pga.', 'grundet', 'jf', 'jf.', 'jvf', 'jvf.', 'idet', 'fordi', 'grundet.', 'mhp', 'mhp.', 'iht', 'iht.', 'ifm', 'ifm.'],
  ],
  [{ kind: 'separator' }, ['altså', 'dvs', 'dvs.', 'men', 'samt', 'dog', 'og', 'and', 'but', 'ie', 'i.e.']],
  [
    { kind: 'filler' },
    [
      'genoptræning',
      'genoptræningen',
      'genoptræningsforløb',
      'genoptræningsforløbet',
      'træning',
      'træningen',
      'forløbet',
      'rehabilitering',
      'rehabiliteringen',
      'borgeren',
      'borger',
      'patienten',
      'patient',
      'pt',
      'pt.',
      'kommunen',
      'kommunalt',
      'regi',
      'bedes',
      'anbefales',
      'anbefaler',
      'anbefalet',
      'ønskes',
      'ønsker',
      'skal',
      'bør',
      'må',
      'kan',
      'være',
      'er',
      'i',
      'gang',
      'dato',
      'datoen',
      'den',
      'd.',
      'd',
      'at',
      'det',
      'der',
      'for',
      'af',
      'tilbud',
      'tilbydes',
      'end',
      'hos',
      'sig',
      'have',
      'haves',
      'seneste',
      'venligst',
      'hende',
      'ham',
      'han',
      'hun',
      'vi',
      'man',
      'op',
      'tilbuddet',
      'ske',
      'finde',
      'sted',
      'pr',
      'pr.',
      'samme',
      'på',
      'første',
      'rehabilitation',
      'training',
      'should',
      'must',
      'be',
      'the',
      'of',
      'is',
      'on',
      'patient',
      'citizen',
      'please',
    ],
  ],
  [
    { kind: 'vague' },
    [
      'ca',
      'ca.',
      'cirka',
      'circa',
      'omkring',
      'omtrent',
      'ungefær',
      'approx',
      'approx.',
      'approximately',
      'about',
      'around',
      'par',
      'behov',
      'alt',
      'løbende',
      'efterfølgende',
      'siden',
      'senere',
      'halv',
      'halvanden',
      'nogle',
      'få',
      'flere',
      'lidt',
      'snarere',
      'hhv',
      'hhv.',
      'kl',
      'kl.',
      'klokken',
      'primo',
      'medio',
      'mindst',
      'minimum',
      'min.',
      'minimalt',
      'least',
      'midt',
      'midten',
      'begyndelsen',
      'aldrig',
      'undtagen',
      'bortset',
      'later',
      'earlier',
    ],
  ],
  [
    { kind: 'soft' },
    [
      'eller',
      'el.',
      'or',
      'evt',
      'evt.',
      'eventuelt',
      'muligvis',
      'måske',
      'formentlig',
      'formodentlig',
      'forventeligt',
      'forventelig',
      'forventes',
      'forventet',
      'forhåbentlig',
      'maybe',
      'possibly',
      'expected',
      'tidligere',
      'ej',
      'over',
      'under',
      'mere',
      'mindre',
      'længere',
      'kortere',
      'more',
      'less',
    ],
  ],
  [{ kind: 'thereafter' }, ['herefter', 'derefter', 'thereafter']],
  [{ kind: 'condition', later: false }, ['hvis', 'såfremt', 'medmindre', 'if', 'unless']],
  [
    { kind: 'condition', later: true },
    [
      'når',
      'afhænger',
      'afhængig',
      'afhængigt',
      'depending',
      'depends',
      'venter',
      'ventes',
      'forudsat',
      'forudsætning',
      'betinget',
      'indtil',
      'tillader',
      'tilladt',
      'once',
      'when',
      'pending',
    ],
  ],
];

/**
 * Events that can anchor a later start, by stem: a word that starts with (or, for long stems, contains) one of these
 * is that event — "ambulatoriekontrol", "operationsdagen", "røntgenkontrol". Such a word never goes unread as a comment.
 */
const EVENT_STEMS: readonly (readonly [stem: string, event: string])[] = [
  ['operation', 'operation'],
  ['operated', 'operation'],
  ['opereret', 'operation'],
  ['opereres', 'operation'],
  ['operere', 'operation'],
  ['postop', 'operation'],
  ['post', 'operation'],
  ['indgreb', 'operation'],
  ['surgery', 'operation'],
  ['kontrol', 'kontrol'],
  ['control', 'kontrol'],
  ['check-up', 'kontrol'],
  ['ambulat', 'kontrol'],
  ['ambulant', 'kontrol'],
  ['gips', 'gips'],
  ['sting', 'sting'],
  ['sutur', 'sting'],
  ['clips', 'sting'],
  ['agraf', 'sting'],
  ['sår', 'sår'],
  ['heling', 'sår'],
  ['heler', 'sår'],
  ['helet', 'sår'],
  ['scanning', 'scanning'],
  ['scannet', 'scanning'],
  ['skanning', 'scanning'],
  ['røntgen', 'røntgen'],
  ['rtg', 'røntgen'],
  ['mr-', 'scanning'],
  ['ct-', 'scanning'],
  ['kemo', 'kemo'],
  ['stråle', 'stråle'],
  ['indlæggelse', 'indlæggelse'],
  ['indlagt', 'indlæggelse'],
  ['genindlæg', 'indlæggelse'],
  ['fjernelse', 'fjernelse'],
  ['fjernet', 'fjernelse'],
  ['fjernes', 'fjernelse'],
];

/** Whole phrases read before the words: what the words alone would misread. */
export const PHRASES: [string, Word][] = [
  ['ikke senere end', { kind: 'deadline' }],
  ['no later than', { kind: 'deadline' }],
  ['not later than', { kind: 'deadline' }],
  ['at the latest', { kind: 'deadline' }],
  ['inden for', { kind: 'deadline' }],
  ['inden-for', { kind: 'deadline' }],
  ['ikke før', { kind: 'earliest' }],
  ['ikke inden', { kind: 'earliest' }],
  ['ikke tidligere end', { kind: 'earliest' }],
  ['ingen opstart før', { kind: 'earliest' }],
  ['ingen start før', { kind: 'earliest' }],
  ['not before', { kind: 'earliest' }],
  ['not earlier than', { kind: 'earliest' }],
  ['no earlier than', { kind: 'earliest' }],
  ['at the earliest', { kind: 'earliest' }],
  ['på grund af', { kind: 'reason' }],
  ['af hensyn til', { kind: 'reason' }],
  ['for at', { kind: 'reason' }],
  ['ud over', { kind: 'reason' }],
  ['udover', { kind: 'reason' }],
  ['i henhold til', { kind: 'reason' }],
  ['i forhold til', { kind: 'reason' }],
  ['i dag', { kind: 'today' }],
  ['idag', { kind: 'today' }],
  ['today', { kind: 'today' }],
  ['i morgen', { kind: 'tomorrow' }],
  ['imorgen', { kind: 'tomorrow' }],
  ['tomorrow', { kind: 'tomorrow' }],
  ['i løbet af', { kind: 'during' }],
  ['in the course of', { kind: 'during' }],
  ['during', { kind: 'during' }],
  ['så hurtigt som muligt', { kind: 'asap' }],
  ['så snart som muligt', { kind: 'asap' }],
  ['så hurtigt som', { kind: 'asap' }],
  ['as soon as possible', { kind: 'asap' }],
  ['så vidt muligt', { kind: 'vague' }],
  ['if possible', { kind: 'vague' }],
  ['ikke relevant', { kind: 'none' }],
  ['ikke aktuelt', { kind: 'none' }],
  ['ikke aktuel', { kind: 'none' }],
  ['ikke angivet', { kind: 'none' }],
  ['ikke oplyst', { kind: 'none' }],
  ['ikke nødvendigt', { kind: 'none' }],
  ['ikke akut', { kind: 'none' }],
  ['ikke hastende', { kind: 'none' }],
  ['haster ikke', { kind: 'none' }],
  ['ingen hast', { kind: 'none' }],
  ['uden hast', { kind: 'none' }],
  ['not applicable', { kind: 'none' }],
  ['not urgent', { kind: 'none' }],
  ['no deadline', { kind: 'none' }],
  ['no rush', { kind: 'none' }],
  ['no hurry', { kind: 'none' }],
  ['fra og med', { kind: 'from' }],
  ['til og med', { kind: 'to' }],
  ['så snart', { kind: 'condition', later: true }],
  ['not specified', { kind: 'none' }],
  ['not stated', { kind: 'none' }],
  ['at discharge', { kind: 'asap' }],
  ['working days', { kind: 'unit', unit: 'workingDay' }],
  ['business days', { kind: 'unit', unit: 'workingDay' }],
  ['calendar days', { kind: 'unit', unit: 'day' }],
  ['i forlængelse af', { kind: 'at' }],
  ['i umiddelbar forlængelse af', { kind: 'asap' }],
  ['i direkte forlængelse af', { kind: 'asap' }],
  ['in continuation of', { kind: 'at' }],
];

const NUMBERS: Record<string, number> = {
  én: 1,
  ét: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  tretten: 13,
  fjorten: 14,
  femten: 15,
  seksten: 16,
  sytten: 17,
  atten: 18,
  nitten: 19,
  tyve: 20,
  tredive: 30,
  fyrre: 40,
  halvtreds: 50,
  tres: 60,
  halvfjerds: 70,
  firs: 80,
  halvfems: 90,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fourteen: 14,
};
const ONES = ['en', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni'];
for (const [tens, base] of [
  ['tyve', 20],
  ['tredive', 30],
  ['fyrre', 40],
  ['halvtreds', 50],
  ['tres', 60],
] as const) {
  ONES.forEach((one, i) => {
    NUMBERS[`${one}og${tens}`] = base + i + 1;
  });
}
/** "en"/"et" are articles as well as one: read as one only before a unit (the reader checks). */
export const ARTICLE_ONE = new Set(['en', 'et']);

const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  may: 5,
  june: 6,
  july: 7,
  october: 10,
  oct: 10,
};
const WEEKDAYS: Record<string, number> = {
  mandag: 1,
  tirsdag: 2,
  tirs: 2,
  onsdag: 3,
  torsdag: 4,
  tors: 4,
  fredag: 5,
  lørdag: 6,
  lør: 6,
  søndag: 7,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
};
/** Short forms that are also words ("man", "tor", "søn"): read as weekdays only with their dot. */
const DOTTED_WEEKDAYS: Record<string, number> = { man: 1, tir: 2, ons: 3, tor: 4, fre: 5, søn: 7 };

export const LEXICON = new Map<string, Word>();
for (const [word, forms] of entries) for (const form of forms) if (!LEXICON.has(form)) LEXICON.set(form, word);
for (const [form, value] of Object.entries(NUMBERS)) LEXICON.set(form, { kind: 'number', value });
for (const [form, month] of Object.entries(MONTHS)) {
  LEXICON.set(form, { kind: 'month', month });
  if (form.length <= 4) LEXICON.set(`${form}.`, { kind: 'month', month });
}
for (const [form, day] of Object.entries(WEEKDAYS)) {
  LEXICON.set(form, { kind: 'weekday', day });
  if (form.length <= 4) LEXICON.set(`${form}.`, { kind: 'weekday', day });
}
for (const [form, day] of Object.entries(DOTTED_WEEKDAYS)) LEXICON.set(`${form}.`, { kind: 'weekday', day });

/**
 * Danish words one edit away from a word of the lexicon that are words of their own, not typos of it.
 */
const NOT_TYPOS = new Set(['første', 'senere', 'seneste', 'tidlige', 'efterår', 'inder', 'ingenting', 'dagene', 'ugens', 'starts']);

/**
 * Typo targets by every form with one letter left out (and the word itself): a word's candidates are found by its own
 * such forms, so a look-up costs a few map reads, not a scan of the lexicon (symmetric deletion).
 */
let typoIndex: Map<string, string[]> | undefined;
/** Built when first used: most texts have no typo. */
function typoIndexOf(): Map<string, string[]> {
  if (typoIndex) return typoIndex;
  typoIndex = new Map();
  for (const [target, word] of LEXICON) {
    if (target.length < 4 || !/^[a-zæøå]+$/.test(target) || !MOVES_A_DATE.has(word.kind)) continue;
    for (const key of deletions(target, 2)) {
      const list = typoIndex.get(key);
      if (list === undefined) typoIndex.set(key, [target]);
      else if (!list.includes(target)) list.push(target);
    }
  }
  return typoIndex;
}
/** The word with up to `depth` letters left out, itself included. */
function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let layer = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of layer)
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(shorter)) {
          out.add(shorter);
          next.push(shorter);
        }
      }
    layer = next;
  }
  return out;
}

/** Markers that decide which side of a date is meant: two edits from one of these is still suspect. */
const ROLE_MARKERS = new Set<Word['kind']>(['deadline', 'earliest', 'after', 'from', 'not', 'no', 'between']);

/** Kinds whose misspelling changes what a date means ("sneets" for senest): such a near miss is never a comment. */
const CHANGES_A_DATE = new Set<Word['kind']>([
  ...ROLE_MARKERS,
  'anchor',
  'discharged',
  'condition',
  'vague',
  'soft',
  'thereafter',
  'asap',
  'none',
  'endOf',
  'next',
]);

/** The kinds of word a typo is corrected to: those, and the words a time is made of. */
const MOVES_A_DATE = new Set<Word['kind']>([
  ...CHANGES_A_DATE,
  'unit',
  'month',
  'weekday',
  'week',
  'number',
  'start',
  'guarantee',
  'deadlineNoun',
]);

/** The lexicon word a misspelt word of five letters or more stands for, when exactly one reading is one edit away. */
export function correctTypo(word: string): string | undefined {
  if (word.length < 5 || word.length > 30 || NOT_TYPOS.has(word)) return undefined;
  const index = typoIndexOf();
  let found: string | undefined;
  for (const key of deletions(word, 1)) {
    for (const target of index.get(key) ?? []) {
      if (target === found || editDistance(word, target, 1) !== 1) continue;
      if (found !== undefined && LEXICON.get(found) !== LEXICON.get(target)) return AMBIGUOUS; // two readings: none
      found ??= target;
    }
  }
  return found;
}
/** What correctTypo returns for a word that is one edit from two words that read differently. */
export const AMBIGUOUS = '\u0000ambiguous';

/**
 * Whether an unknown word is two edits or less from a word that can move a date ("sneets", "indnefro"): such a word is
 * not read as a comment, since it may be the marker that gives the date its meaning.
 */
export function nearDateWord(word: string): boolean {
  if (word.length < 5 || word.length > 30 || NOT_TYPOS.has(word)) return false;
  // two edits only between long words: among short ones two edits reach too many ordinary words ("alene", "flere")
  const index = typoIndexOf();
  const depth = word.length >= 6 ? 2 : 1;
  for (const key of deletions(word, depth)) {
    for (const target of index.get(key) ?? []) {
      const kind = LEXICON.get(target)!.kind;
      if (!CHANGES_A_DATE.has(kind)) continue;
      const allowed = target.length >= 6 && word.length >= 6 && ROLE_MARKERS.has(kind) ? 2 : 1;
      if (editDistance(word, target, allowed) <= allowed) return true;
    }
  }
  return false;
}

/**
 * Markers that a compound may carry inside it ("allertidligst", "tidligste", "fristdato"): an unknown word holding
 * one is not a comment. Start words and deadline nouns at the start of a compound keep their meaning ("startdato").
 */
const INNER_MARKERS = ['senest', 'tidligst', 'indenfor', 'hurtigst', 'snarest', 'cirka', 'omkring', 'måske'];
/** Shorter markers only at the head of a compound ("førstkommende"): inside words they are mere letters ("usikker"). */
const HEAD_MARKERS = ['først', 'efter', 'inden', 'mellem'];
const COMPOUND_HEADS: readonly (readonly [string, Word])[] = [
  ['opstart', { kind: 'start' }],
  ['start', { kind: 'start' }],
  ['påbegynd', { kind: 'start' }],
  ['igangsæt', { kind: 'start' }],
  ['frist', { kind: 'deadlineNoun' }],
  ['tidsfrist', { kind: 'deadlineNoun' }],
];

/** What an unknown compound means by its parts: a start word or deadline noun at its head, a marker inside it. */
export function compoundOf(word: string): Word | undefined {
  for (const marker of INNER_MARKERS) if (word.includes(marker)) return { kind: 'misspelt' };
  for (const marker of HEAD_MARKERS) if (word.startsWith(marker)) return { kind: 'misspelt' };
  for (const [head, meaning] of COMPOUND_HEADS) if (word.startsWith(head)) return meaning;
  return undefined;
}

/** Words that hold the start back, by stem ("afventer", "udsat", "udskydes"): a condition wherever they stand. */
const WAITING_STEMS = ['afvent', 'undgå', 'udsæt', 'udsat', 'udskyd', 'udskud', 'rykke', 'postpone', 'pause', 'vente'];

/** A word that holds the start back. */
export function waitingWord(word: string): boolean {
  return WAITING_STEMS.some((stem) => word.startsWith(stem));
}

/** The event a word names, by its stem: short stems at the start of the word, long ones anywhere in a compound. */
export function eventOf(word: string): string | undefined {
  for (const [stem, event] of EVENT_STEMS) {
    if (stem.length >= 6 ? word.includes(stem) : word.startsWith(stem)) return event;
  }
  return undefined;
}

/**
 * The one lexicon of the start-deadline reader: every word it understands, by what it does in a sentence.
 * A word that is not here makes the text unreadable; so does every word of the `vague` class.
 */
import type { DeadlinePeriod } from './deadline';
import { editDistance } from '../values/edit-distance';

export type Word =
  | { kind: 'deadline'; before?: boolean } // senest, inden (before: "inden 20/3" is the day before)
  | { kind: 'earliest' } // tidligst, først
  | { kind: 'after' } // efter: "10 dage efter udskrivelsen", "opstart efter 14 dage"
  | { kind: 'from' } // fra: "fra udskrivelsen", "fra 1. april"
  | { kind: 'in' } // om: "om 2 uger"
  | { kind: 'at' } // ved: "ved udskrivelsen"
  | { kind: 'not' } // ikke: "ikke før", "ikke senere end"
  | { kind: 'no' } // ingen: "ingen frist", "ingen opstart før"
  | { kind: 'between' } // mellem … og …
  | { kind: 'number'; value: number }
  | { kind: 'unit'; unit: DeadlinePeriod['unit'] }
  | { kind: 'anchor' } // the discharge
  | { kind: 'month'; month: number }
  | { kind: 'weekday'; day: number } // ISO: 1 Monday … 7 Sunday
  | { kind: 'week' } // uge N
  | { kind: 'next' } // næste uge
  | { kind: 'today' } // i dag
  | { kind: 'endOf' } // udgangen af <måned>
  | { kind: 'asap' }
  | { kind: 'none' } // ikke relevant, nej
  | { kind: 'reason' } // da, pga.: the rest of the clause says why, not when
  | { kind: 'separator' } // altså, dvs., men: a new statement follows
  | { kind: 'filler' }
  | { kind: 'vague' }; // ca., eller, når, operationen: never read

const entries: [Word, string[]][] = [
  [{ kind: 'deadline' }, ['senest', 'indenfor', 'max', 'max.', 'maks', 'maks.', 'maksimalt', 'maximalt', 'højst']],
  [{ kind: 'deadline', before: true }, ['inden', 'før']],
  [{ kind: 'earliest' }, ['tidligst', 'først']],
  [{ kind: 'after' }, ['efter']],
  [{ kind: 'from' }, ['fra']],
  [{ kind: 'in' }, ['om']],
  [{ kind: 'at' }, ['ved']],
  [{ kind: 'not' }, ['ikke']],
  [{ kind: 'no' }, ['ingen']],
  [{ kind: 'between' }, ['mellem']],
  [{ kind: 'unit', unit: 'day' }, ['dag', 'dage', 'dagen', 'dags', 'døgn', 'døgnet', 'kalenderdag', 'kalenderdage']],
  [{ kind: 'unit', unit: 'workingDay' }, ['hverdag', 'hverdage', 'hvd', 'hvd.', 'arbejdsdag', 'arbejdsdage']],
  [{ kind: 'unit', unit: 'week' }, ['uger', 'ugers']],
  [{ kind: 'unit', unit: 'month' }, ['måned', 'måneder', 'måneds', 'mdr', 'mdr.', 'mnd', 'mnd.', 'md', 'md.']],
  [{ kind: 'unit', unit: 'hour' }, ['time', 'timer', 't.']],
  [{ kind: 'week' }, ['uge', 'ugen']],
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
      'hjemkomst',
      'hjemkomsten',
      'entlassung',
    ],
  ],
  [{ kind: 'next' }, ['næste', 'kommende']],
  [{ kind: 'endOf' }, ['udgangen', 'slutningen']],
  [{ kind: 'asap' }, ['hurtigst', 'snarest', 'snarligt', 'straks', 'asap', 'umiddelbart', 'omgående', 'muligt', 'hurtigt', 'snart']],
  [{ kind: 'none' }, ['nej', 'irrelevant']],
  [{ kind: 'reason' }, ['da', 'pga', 'pga.', 'grundet', 'jf', 'jf.', 'jvf', 'jvf.', 'idet', 'fordi', 'grundet.', 'mhp', 'mhp.']],
  [{ kind: 'separator' }, ['altså', 'dvs', 'dvs.', 'dvs', 'men', 'samt', 'dog']],
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
      'pt',
      'kommunen',
      'kommunalt',
      'regi',
      'bedes',
      'anbefales',
      'anbefaler',
      'anbefalet',
      'ønskes',
      'skal',
      'bør',
      'må',
      'kan',
      'være',
      'er',
      'i',
      'gang',
      'påbegyndes',
      'påbegynde',
      'påbegyndt',
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
      'opstart',
      'opstarten',
      'starten',
      'begynde',
      'begynder',
      'begyndes',
      'begyndt',
      'frist',
      'fristen',
      'tidsfrist',
      'tidsfristen',
      'dato',
      'datoen',
      'den',
      'd.',
      'd',
      'at',
      'og',
      'det',
      'der',
      'for',
      'af',
      'til',
      'tilbud',
      'tilbydes',
      'senere',
      'end',
      'inden',
      'hos',
      'sig',
      'have',
      'haves',
      'opstartet',
      'påbegyndelse',
      'seneste',
      'gerne',
      'venligst',
      'hende',
      'ham',
      'han',
      'hun',
      'vi',
      'man',
      'opstarte',
      'op',
      'tilbuddet',
      'tilbud',
      'ske',
      'finde',
      'sted',
      'skal',
      'pr',
      'pr.',
      'samme',
      'på',
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
      'par',
      'eller',
      'når',
      'afhænger',
      'afhængig',
      'afhængigt',
      'evt',
      'evt.',
      'eventuelt',
      'muligvis',
      'måske',
      'formentlig',
      'formodentlig',
      'forventeligt',
      'forventes',
      'forventet',
      'behov',
      'operation',
      'operationen',
      'kontrol',
      'kontrollen',
      'ambulant',
      'ambulante',
      'gips',
      'gipsen',
      'gipsfjernelse',
      'fjernelse',
      'suturfjernelse',
      'hvis',
      'såfremt',
      'alt',
      'godt',
      'løbende',
      'vurdering',
      'vurderes',
      'aftale',
      'aftales',
      'efterfølgende',
      'herefter',
      'derefter',
      'tidligere',
      'halv',
      'halvanden',
      'nogle',
      'få',
      'flere',
      'lidt',
      'snarere',
      'eller',
      'hhv',
      'hhv.',
      'sygehuset',
      'hospitalet',
      'indlæggelse',
      'indlæggelsen',
      'kl',
      'kl.',
      'klokken',
    ],
  ],
];

/** Whole phrases read before the words: what the words alone would misread. */
export const PHRASES: [string, Word][] = [
  ['ikke senere end', { kind: 'deadline' }],
  ['inden for', { kind: 'deadline' }],
  ['ikke før', { kind: 'earliest' }],
  ['ikke inden', { kind: 'earliest' }],
  ['ikke tidligere end', { kind: 'earliest' }],
  ['ingen opstart før', { kind: 'earliest' }],
  ['ingen start før', { kind: 'earliest' }],
  ['på grund af', { kind: 'reason' }],
  ['i dag', { kind: 'today' }],
  ['så hurtigt som muligt', { kind: 'asap' }],
  ['så snart som muligt', { kind: 'asap' }],
  ['så vidt muligt', { kind: 'vague' }],
  ['ikke relevant', { kind: 'none' }],
  ['ikke aktuelt', { kind: 'none' }],
  ['ikke aktuel', { kind: 'none' }],
  ['ingen frist', { kind: 'none' }],
  ['ingen tidsfrist', { kind: 'none' }],
  ['ingen særlig frist', { kind: 'none' }],
  ['ingen faglig begrundelse for en frist', { kind: 'none' }],
  ['ingen faglig begrundelse for frist', { kind: 'none' }],
  ['ingen fagligt begrundet frist', { kind: 'none' }],
  ['ingen sundhedsfaglig begrundelse for en frist', { kind: 'none' }],
  ['ikke nødvendigt', { kind: 'none' }],
  ['i forlængelse af', { kind: 'at' }],
  ['i umiddelbar forlængelse af', { kind: 'asap' }],
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
};
const WEEKDAYS: Record<string, number> = {
  mandag: 1,
  man: 1,
  tirsdag: 2,
  tirs: 2,
  tir: 2,
  onsdag: 3,
  ons: 3,
  torsdag: 4,
  tors: 4,
  tor: 4,
  fredag: 5,
  fre: 5,
  lørdag: 6,
  lør: 6,
  søndag: 7,
  søn: 7,
};

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

/** Words of five letters or more that a typo may be read as: one edit away from exactly one of them. */
const TYPO_TARGETS = [...LEXICON.keys()].filter((w) => w.length >= 4 && /^[a-zæøå]+$/.test(w));

/** The lexicon word a misspelt word of five letters or more stands for, when exactly one is one edit away. */
export function correctTypo(word: string): string | undefined {
  if (word.length < 5 || word.length > 30) return undefined;
  let found: string | undefined;
  for (const target of TYPO_TARGETS) {
    if (editDistance(word, target, 1) === 1) {
      if (found !== undefined && LEXICON.get(found) !== LEXICON.get(target)) return undefined; // two readings: none
      found ??= target;
    }
  }
  return found;
}

/**
 * The start-deadline reader's first step: the text normalised and cut into tokens. One pass over the text; dates are
 * recognised where a number starts, by sticky patterns with bounded quantifiers, so nothing backtracks over the text.
 */
import {
  AMBIGUOUS,
  ARTICLE_ONE,
  compoundOf,
  correctTypo,
  eventOf,
  LEXICON,
  nearDateWord,
  PHRASES,
  type Word,
  waitingWord,
} from './deadline-lexicon';

export type Token =
  | { t: 'word'; text: string; word: Word | undefined }
  | { t: 'number'; value: number; text: string }
  | { t: 'date'; day: number; month: number; year?: number; text: string }
  | { t: 'range'; text: string }
  | { t: 'plus' }
  | { t: 'stop'; c: string } // a clause ends: . , ; ( ) ! - / and the like
  | { t: 'vague'; text: string }; // ? ~ < >: an open question or an approximation

/** Past this many tokens the text is no deadline statement. */
const MAX_TOKENS = 400;

const ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/y;
// a two-digit year after a dash must not be the day of a second date ("12.03-19.03.2019")
const NUMERIC_DATE = /(\d{1,2}) ?([./]) ?(\d{1,2})(?:(?: ?[./-] ?(\d{4}|\d{2})(?!\d|[./]\d))| (\d{4})(?!\d))?(?!\d)/y;
const DASHED_DATE = /(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})(?!\d)/y;
const NAMED_DATE = /(\d{1,2})\.? ?([a-zæøå]{3,9})\.?(?: ?(\d{4}|\d{2})(?!\d))?/y;
const RANGE = /\d{1,3} ?(?:-|til) ?\d{1,3}(?![\d/]|\.\d)/y;
const DAY_RANGE = /\d{1,2}\. ?(?:-|til) ?\d{1,2}\./y;
/** "§ 140, stk. 4" in a reason: a reference to the law, no time. */
const SECTION = /§+ ?\d+(?: ?[a-z])?(?:,? ?stk\. ?\d+)?/y;

const LETTER = /\p{L}/u;
/** A letter: ASCII decided by its code (every character of a word passes here), the rest by the pattern. */
const isLetter = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(c);
};
const isDigit = (c: string) => c >= '0' && c <= '9';

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

// What normalise removes or folds, each class written once; „ “ ” ‘ ’ … as escapes: a character above U+00FF anywhere
// in a bundle makes V8 keep all of its source as two-byte text (the CLI reads and scans it at every start;
// test/cli-cache.test.ts).
const INVISIBLE = '\\u00ad\\u200b-\\u200d\\u2060\\ufeff';
const DASHES = '\\u2010-\\u2015\\u2212';
const QUOTES_AND_STARS = `"'«»\\u201e\\u201c\\u201d\\u2018\\u2019*\\u2026_`;
const INVISIBLE_CHARS = new RegExp(`[${INVISIBLE}]`, 'g');
const DASH_CHARS = new RegExp(`[${DASHES}]`, 'g');
const QUOTE_CHARS = new RegExp(`[${QUOTES_AND_STARS}]`, 'g');
/** Any of the three: most deadlines hold none, so one test stands for three replaces. */
const DECORATION = new RegExp(`[${INVISIBLE}${DASHES}${QUOTES_AND_STARS}]`);

/**
 * The text as the reader compares it: compatibility forms folded (fullwidth digits and letters), invisible characters
 * dropped, every dash one hyphen, quotation marks and decoration gone, lower case, white space collapsed.
 */
export function normalise(text: string): string {
  let s = text.normalize('NFKC');
  // each replace works only within its class, by characters outside all three: without any of them, all are no-ops
  if (DECORATION.test(s)) s = s.replace(INVISIBLE_CHARS, '').replace(DASH_CHARS, '-').replace(QUOTE_CHARS, ' ');
  s = s.toLowerCase();
  if (s.includes('n/a')) s = s.replace(/\bn\/a\b/g, 'na');
  if (s.includes('arb')) s = s.replace(/\barb\.? ?(?:dage|dg\.?)/g, 'arbejdsdage');
  return s.replace(/[\s\u00a0\u2028\u2029]+/g, ' ').trim();
}

/** The tokens of normalised text, or undefined when there are too many to be a deadline statement. */
export function tokenise(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text);
  };
  const push = (token: Token, width: number) => {
    tokens.push(token);
    i += width;
  };
  while (i < length) {
    if (tokens.length > MAX_TOKENS) return undefined;
    const c = text[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    if (isDigit(c)) {
      const width = number(text, i, sticky, tokens);
      i += width;
      continue;
    }
    if (isLetter(c)) {
      let end = i;
      while (end < length && isLetter(text[end]!)) end++;
      let word = text.slice(i, end);
      // an abbreviation keeps its dot ("pt.", "hvd."); otherwise the dot ends the sentence
      if (text[end] === '.' && LEXICON.has(`${word}.`)) {
        word += '.';
        end++;
      }
      push({ t: 'word', text: word, word: lookUp(word) }, end - i);
      continue;
    }
    if (c === '§') {
      const m = sticky(SECTION);
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (c === '+') push({ t: 'plus' }, 1);
    else if ('?~<>≈±'.includes(c)) push({ t: 'vague', text: c }, 1);
    else if ('.,;()[]!:-/=\n|'.includes(c)) {
      // ":" after a label ("Frist: 5 dage") ends a reason, not a clause; the others end a clause
      tokens.push({ t: 'stop', c });
      i++;
    } else if (c === '&') push({ t: 'word', text: 'og', word: LEXICON.get('og') }, 1);
    else i++; // any other sign is decoration
  }
  return tokens;
}

/** A date, a range or a number where a digit starts; returns the characters read. */
function number(text: string, i: number, sticky: (re: RegExp) => RegExpExecArray | null, tokens: Token[]): number {
  let m = sticky(ISO_DATE);
  if (m) {
    tokens.push({ t: 'date', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), text: m[0] });
    return m[0].length;
  }
  m = sticky(DASHED_DATE);
  if (m) {
    tokens.push({ t: 'date', day: Number(m[1]), month: Number(m[2]), year: year(m[3]), text: m[0] });
    return m[0].length;
  }
  m = sticky(NUMERIC_DATE);
  if (m) {
    tokens.push({ t: 'date', day: Number(m[1]), month: Number(m[3]), year: year(m[4] ?? m[5]), text: m[0].trimEnd() });
    // "4.7.-8.7.2022": the dot after the first date of a window ends nothing
    const after = text.slice(i + m[0].length, i + m[0].length + 3);
    return m[0].length + (/^\. ?-/.test(after) ? 1 : 0);
  }
  m = sticky(NAMED_DATE);
  const month = m ? (LEXICON.get(m[2]!) ?? LEXICON.get(`${m[2]}.`)) : undefined;
  if (m && month?.kind === 'month') {
    tokens.push({ t: 'date', day: Number(m[1]), month: month.month, year: year(m[3]), text: m[0] });
    return m[0].length;
  }
  m = sticky(RANGE) ?? sticky(DAY_RANGE);
  if (m) {
    tokens.push({ t: 'range', text: m[0] });
    return m[0].length;
  }
  let end = i;
  while (end < text.length && isDigit(text[end]!)) end++;
  const digits = text.slice(i, end);
  // "1.5" or "1,5": a fraction is no number we read
  if ((text[end] === '.' || text[end] === ',') && isDigit(text[end + 1] ?? '')) {
    tokens.push({ t: 'vague', text: text.slice(i, end + 2) });
    return end + 2 - i;
  }
  tokens.push(digits.length <= 4 ? { t: 'number', value: Number(digits), text: digits } : { t: 'vague', text: digits });
  // "7-dages", "3-ugers": the hyphen joins the number to its unit
  if (text[end] === '-' && isLetter(text[end + 1] ?? '')) end++;
  return end - i;
}

function lookUp(word: string): Word | undefined {
  // Words under 13 characters are copies, never views into a whole document's text: safe to keep between messages.
  if (word.length >= 13) return lookUpWord(word);
  const seen = LOOKED_UP.get(word);
  if (seen !== undefined || LOOKED_UP.has(word)) return seen;
  const found = lookUpWord(word);
  if (LOOKED_UP.size >= 4096) LOOKED_UP.clear();
  LOOKED_UP.set(word, found);
  return found;
}

/**
 * Words already looked up, typo correction included (a few hundred map reads for an unknown word): deadlines are
 * written in a few hundred words, over and over. Words are read-only, so sharing one is safe.
 */
const LOOKED_UP = new Map<string, Word | undefined>();

function lookUpWord(word: string): Word | undefined {
  const known = LEXICON.get(word) ?? (word.endsWith('.') ? LEXICON.get(word.slice(0, -1)) : undefined);
  if (known) return known;
  if (ARTICLE_ONE.has(word)) return { kind: 'number', value: 1 };
  if (waitingWord(word)) return { kind: 'condition', later: true };
  const event = eventOf(word);
  if (event !== undefined) return { kind: 'event', event };
  const corrected = correctTypo(word);
  if (corrected === AMBIGUOUS) return { kind: 'misspelt' };
  if (corrected !== undefined) return LEXICON.get(corrected);
  return compoundOf(word) ?? (nearDateWord(word) ? { kind: 'misspelt' } : undefined);
}

/** Multi-word phrases ("ikke senere end", "inden for", "i dag") become one word before parsing. */
export function joinPhrases(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrase = phraseAt(tokens, i);
    if (phrase) {
      out.push({ t: 'word', text: phrase.words.join(' '), word: phrase.word });
      i += phrase.words.length - 1;
    } else out.push(tokens[i]!);
  }
  return dropSpelledOut(out);
}

interface Phrase {
  words: string[];
  word: Word;
  /** its place in PHRASES_SPLIT: the longest phrase that matches wins, and among equals the first */
  rank: number;
}
const PHRASES_SPLIT: Phrase[] = PHRASES.map(([phrase, word]) => ({ words: phrase.replace(/-/g, ' - ').split(/ +/), word }))
  .sort((a, b) => b.words.length - a.words.length)
  .map((phrase, rank) => ({ ...phrase, rank }));
/** The phrases by their first word, in rank order: a token is compared with the few that start with it, not with all. */
const PHRASES_BY_FIRST = new Map<string, Phrase[]>();
for (const phrase of PHRASES_SPLIT) {
  const first = phrase.words[0]!;
  const list = PHRASES_BY_FIRST.get(first);
  if (list) list.push(phrase);
  else PHRASES_BY_FIRST.set(first, [phrase]);
}

/** A word of a phrase matches a token: the word, or the word with a full stop; '-' matches a dash. */
function matchesWord(token: Token | undefined, w: string): boolean {
  if (w === '-') return token?.t === 'stop' && token.c === '-';
  return token?.t === 'word' && (token.text === w || token.text === `${w}.`);
}

/** The first phrase in rank order that the tokens from `i` spell, if any. */
function phraseAt(tokens: Token[], i: number): Phrase | undefined {
  const token = tokens[i]!;
  const key = token.t === 'word' ? token.text : token.t === 'stop' && token.c === '-' ? '-' : undefined;
  if (key === undefined) return undefined;
  let best: Phrase | undefined;
  const candidates = [PHRASES_BY_FIRST.get(key), key.endsWith('.') ? PHRASES_BY_FIRST.get(key.slice(0, -1)) : undefined];
  for (const list of candidates) {
    if (!list) continue;
    for (const phrase of list) {
      if (best && best.rank < phrase.rank) break;
      if (phrase.words.every((w, k) => matchesWord(tokens[i + k], w))) {
        best = phrase;
        break;
      }
    }
  }
  return best;
}

/** "7 (syv) dage": the number spelt out again in brackets is dropped, so that the unit follows the number. */
function dropSpelledOut(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    out.push(token);
    const open = tokens[i + 1];
    const spelt = tokens[i + 2];
    const close = tokens[i + 3];
    if (
      token.t === 'number' &&
      open?.t === 'stop' &&
      open.c === '(' &&
      spelt?.t === 'word' &&
      spelt.word?.kind === 'number' &&
      spelt.word.value === token.value &&
      close?.t === 'stop' &&
      close.c === ')'
    )
      i += 3;
  }
  return out;
}

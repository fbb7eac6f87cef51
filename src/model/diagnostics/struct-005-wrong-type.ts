import { defineMeta } from '../../findings/finding';
import type { Language } from '../../texts/languages';

/** Metadata only: checkGop's shape check of an object (src/model/shape.ts) detects it; expected and found are kinds, named here. */
const FOUND: Record<string, Record<Language, string>> = {
  null: { en: 'null', da: 'null' },
  undefined: { en: 'undefined (a hole in the list)', da: 'undefined (et hul i listen)' },
  string: { en: 'a string', da: 'en streng' },
  number: { en: 'a number', da: 'et tal' },
  bigint: { en: 'a bigint', da: 'et bigint' },
  boolean: { en: 'a boolean', da: 'en boolesk værdi' },
  symbol: { en: 'a symbol', da: 'et symbol' },
  function: { en: 'a function', da: 'en funktion' },
  array: { en: 'an array', da: 'et array' },
  object: { en: 'an object', da: 'et objekt' },
  date: { en: 'a Date', da: 'en Date' },
  other: {
    en: 'an object of another kind (a Map, a Set, a boxed value …)',
    da: 'et objekt af en anden slags (en Map, et Set, en indpakket værdi …)',
  },
};

const EXPECTED: Record<string, Record<Language, string>> = {
  text: { en: 'must be text (a string)', da: 'skal være tekst (en streng)' },
  list: { en: 'must be a list, an array (the element may repeat)', da: 'skal være en liste, et array (elementet kan gentages)' },
  object: { en: 'must be an object (the element has children)', da: 'skal være et objekt (elementet har underelementer)' },
  formatted: {
    en: 'must be formatted text, { text, content } (formattedText() makes one)',
    da: 'skal være formateret tekst, { text, content } (formattedText() laver en)',
  },
  formattedText: { en: 'has a text that must be a string', da: 'har en text, der skal være en streng' },
  formattedContent: {
    en: "has a content that must be a list of formatted-text nodes ({ type: 'text', value }, { type: 'break' }, { type: 'bold' | 'italic' | 'underline' | 'center' | 'fixedFont', content })",
    da: "har en content, der skal være en liste af formateret-tekst-noder ({ type: 'text', value }, { type: 'break' }, { type: 'bold' | 'italic' | 'underline' | 'center' | 'fixedFont', content })",
  },
  flag: { en: 'must be true (a flag is true or absent)', da: 'skal være true (et flag er true eller fraværende)' },
  extraElements: { en: 'must be a list (an array) of kept-aside elements', da: 'skal være en liste (et array) af gemte elementer' },
  extraElement: {
    en: 'must be a kept-aside element { path, reason, namespace, name, xml }',
    da: 'skal være et gemt element { path, reason, namespace, name, xml }',
  },
};

/** A shape problem in words (GOP-STRUCT-005), both languages: what the value must be and what it is. */

const left = { en: 'it is left out of every other check.', da: 'værdien indgår ikke i de øvrige kontroller.' };
// "must be a list … not an array" would say nothing: an array whose nodes are wrong is named as such.
const wrongType = (d: { expected: string; found: string }, language: Language) =>
  d.found === 'array' && (d.expected === 'formattedContent' || d.expected === 'extraElement')
    ? EXPECTED[d.expected]![language]
    : `${EXPECTED[d.expected]?.[language] ?? d.expected}, ${language === 'da' ? 'ikke' : 'not'} ${FOUND[d.found]?.[language] ?? d.found}`;

/** A value of a message object built in code whose type its element cannot have (the reader never makes one). */
export const STRUCT_005 = defineMeta<{
  wrongType: { element: string; expected: string; found: string };
  cycle: { element: string };
  tooDeep: { element: string; depth: number };
}>({
  id: 'GOP-STRUCT-005',
  layer: 'structure',
  severity: 'error',
  referenceKey: 'ggop',
  libraryData: ['element', 'expected', 'found'],
  title: { da: 'Værdi af forkert type', en: 'Value of the wrong type' },
  docs: {
    en: 'Every value of a message object has the type of its element: text a string, a repeating element an array, an element with children an object, formatted text { text, content }, a flag true; not null, a number or a cycle. Such a value is left out of every other check. Added by this project: only an object built in code (given to checkGop) can break it.',
    da: 'Hver værdi i et meddelelsesobjekt har sit elements type: tekst en streng, et gentaget element en liste, et element med underelementer et objekt, formateret tekst { text, content }, et flag true; ikke null, et tal eller en cyklus. En sådan værdi indgår ikke i de øvrige kontroller. Tilføjet af projektet: kun et objekt bygget i kode (givet til checkGop) kan bryde den.',
  },
  messages: {
    wrongType: { en: (d) => `${d.element} ${wrongType(d, 'en')}; ${left.en}`, da: (d) => `${d.element} ${wrongType(d, 'da')}; ${left.da}` },
    cycle: {
      en: (d) => `${d.element} refers back to an object that contains it (a cycle); ${left.en}`,
      da: (d) => `${d.element} henviser tilbage til et objekt, der indeholder det (en cyklus); ${left.da}`,
    },
    tooDeep: {
      en: (d) => `${d.element} has formatted text nested deeper than ${d.depth} levels; ${left.en}`,
      da: (d) => `${d.element} har formateret tekst, der er indlejret dybere end ${d.depth} niveauer; ${left.da}`,
    },
  },
});

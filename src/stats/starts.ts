import { CP1252_UNDEFINED, decodeCp1252 } from '../standard/encodings';
import { isIsoDate } from '../values/date';
import type { StartRecord } from './schema';

/*
 * The municipality's starts file, as spreadsheets export it: CSV (RFC 4180 quoting) with `,` or `;`, UTF-8 with or
 * without BOM, or Windows-1252. A bad row is reported by its line and left out, never guessed. Pure: text or bytes in.
 */

type Words = { da: string; en: string };

export interface StartsProblem {
  /** the line (1-based) where the row starts, or where the file's problem is */
  line: number;
  /** the field's position in the row (1 = first), as a spreadsheet column, when one field is at fault */
  column?: number;
  message: Words;
}

export interface ParsedStarts {
  rows: StartRecord[];
  problems: StartsProblem[];
}

/** The most the starts file may be: past it, no rows and one problem (the work stays bounded). */
export const STARTS_LIMITS = { bytes: 64 * 1024 * 1024, rows: 1_000_000 } as const;

const COLUMNS = ['letterIdentifier', 'senderEan', 'decidedLevel', 'offeredStart', 'started'] as const;
type Column = (typeof COLUMNS)[number];
const HEADER = COLUMNS.join(',');

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** BOM → UTF-8; valid UTF-8 → UTF-8; else Windows-1252 (a byte it leaves undefined: neither, a problem). */
function decode(bytes: Uint8Array): string | StartsProblem {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return UTF8.decode(bytes.subarray(3));
    } catch {
      return {
        line: 1,
        message: {
          da: 'Filen begynder som UTF-8 (BOM), men er ikke gyldig UTF-8.',
          en: 'The file starts as UTF-8 (a BOM) but is not valid UTF-8.',
        },
      };
    }
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const bad = bytes.findIndex((b) => CP1252_UNDEFINED.has(b));
    if (bad < 0) return decodeCp1252(bytes);
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    const hex = `0x${bytes[bad]!.toString(16).toUpperCase()}`;
    return {
      line,
      message: {
        da: `Filen er hverken UTF-8 eller Windows-1252 (byte ${hex} findes ikke i Windows-1252). Gem den som CSV UTF-8.`,
        en: `The file is neither UTF-8 nor Windows-1252 (byte ${hex} is not a Windows-1252 character). Save it as CSV UTF-8.`,
      },
    };
  }
}

interface CsvRecord {
  line: number;
  fields: string[];
  /** why the record cannot be read as fields */
  broken?: Words;
}

/**
 * RFC 4180 records: a quoted field may hold the delimiter, doubled quotes and line breaks; CRLF, LF or CR end a
 * record. One pass; `onRecord` returns false to stop (the row cap).
 */
function readRecords(text: string, delimiter: string, onRecord: (record: CsvRecord) => boolean): void {
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: CsvRecord = { line, fields: [] };
    let field = '';
    let ended = false;
    while (!ended) {
      if (text[i] === '"') {
        // A quoted field: to the closing quote ("" is one quote).
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' && text[i + 1] === '\n') {
            field += '\r\n';
            i += 2;
            line++;
            continue;
          }
          if (c === '\r' || c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed && !record.broken) {
          record.broken = {
            da: 'Et felt i anførselstegn slutter aldrig (mangler det afsluttende ").',
            en: 'A quoted field never ends (its closing " is missing).',
          };
        }
        // After the closing quote: the delimiter, the end of the line or of the file.
        if (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n' && !record.broken) {
          record.broken = {
            da: 'Der står tekst efter et felts afsluttende anførselstegn.',
            en: 'There is text after the closing quote of a field.',
          };
        }
      }
      // Unquoted text (or what follows a broken quoted field) up to the delimiter or the end of the line.
      while (i < n && text[i] !== delimiter && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"' && !record.broken) {
          record.broken = {
            da: 'Et anførselstegn midt i et felt uden anførselstegn om (skriv feltet i anførselstegn og " som "").',
            en: 'A quote inside a field that is not quoted (quote the field, and write " as "").',
          };
        }
        field += text[i];
        i++;
      }
      record.fields.push(field);
      field = '';
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      // End of line or file.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      ended = true;
    }
    if (!onRecord(record)) return;
  }
}

/** The delimiter, decided from the header line: the one of `,` and `;` that names more of the columns. */
function delimiterOf(headerLine: string): string {
  const known = (d: string) => headerLine.split(d).filter((name) => isColumn(name)).length;
  return known(';') > known(',') ? ';' : ',';
}
const isColumn = (name: string) => COLUMNS.some((c) => c.toLowerCase() === name.trim().replace(/^"|"$/g, '').toLowerCase());

/** YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY (day and month of one or two digits), a real date, as YYYY-MM-DD. */
function dateOf(value: string): string | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  const danish = /^(\d{1,2})([-.])(\d{1,2})\2(\d{4})$/.exec(value);
  const date = iso ?? (danish ? `${danish[4]}-${danish[3]!.padStart(2, '0')}-${danish[1]!.padStart(2, '0')}` : undefined);
  return date !== undefined && isIsoDate(date) ? date : undefined;
}

const shown = (value: string) => (value.length > 40 ? `"${value.slice(0, 40)}…"` : `"${value}"`);

/** One data record as a start, or the problems that leave it out. */
function rowOf(record: CsvRecord, order: readonly Column[]): StartRecord | StartsProblem[] {
  const { line } = record;
  if (record.broken) return [{ line, message: record.broken }];
  if (record.fields.length !== order.length) {
    return [
      {
        line,
        message: {
          da: `Rækken har ${record.fields.length} felter, overskriften ${order.length}.`,
          en: `The row has ${record.fields.length} fields, the header ${order.length}.`,
        },
      },
    ];
  }
  const problems: StartsProblem[] = [];
  const row: { -readonly [K in keyof StartRecord]: StartRecord[K] } = { letterIdentifier: '' };
  order.forEach((column, index) => {
    const value = record.fields[index]!.trim();
    const bad = (da: string, en: string) => problems.push({ line, column: index + 1, message: { da, en } });
    switch (column) {
      case 'letterIdentifier':
        if (value === '')
          bad('letterIdentifier mangler (planens Letter/Identifier).', "letterIdentifier is missing (the plan's Letter/Identifier).");
        row.letterIdentifier = value; // as written: leading zeros are part of the id
        break;
      case 'senderEan':
        if (value === '') break;
        if (/^\d{13}$/.test(value)) row.senderEan = value;
        else
          bad(
            `senderEan ${shown(value)} er ikke et EAN-lokationsnummer på 13 cifre (et regneark kan have skrevet det som tal, fx 5,79E+12: formatér kolonnen som tekst).`,
            `senderEan ${shown(value)} is not an EAN location number of 13 digits (a spreadsheet may have written it as a number, e.g. 5.79E+12: format the column as text).`,
          );
        break;
      case 'decidedLevel': {
        const level = value.toLowerCase();
        if (level === '') break;
        if (level === 'basal' || level === 'avanceret') row.decidedLevel = level;
        else
          bad(
            `decidedLevel ${shown(value)} er hverken basal eller avanceret.`,
            `decidedLevel ${shown(value)} is neither basal nor avanceret.`,
          );
        break;
      }
      default: {
        if (value === '') break;
        const date = dateOf(value);
        if (date !== undefined) row[column] = date;
        else
          bad(
            `${column} ${shown(value)} er ikke en gyldig dato (ÅÅÅÅ-MM-DD, DD-MM-ÅÅÅÅ eller DD.MM.ÅÅÅÅ).`,
            `${column} ${shown(value)} is not a valid date (YYYY-MM-DD, DD-MM-YYYY or DD.MM.YYYY).`,
          );
      }
    }
  });
  return problems.length > 0 ? problems : row;
}

/**
 * Reads the municipality's starts file: a header `letterIdentifier,senderEan,decidedLevel,offeredStart,started`
 * (any order, names in any case, every one present and no other), then one start per row. `,` or `;` as the header
 * line uses; RFC 4180 quotes; CRLF or LF; UTF-8 with or without BOM, else Windows-1252. Dates YYYY-MM-DD, DD-MM-YYYY
 * or DD.MM.YYYY; decidedLevel basal or avanceret; senderEan 13 digits or empty. A bad row is a problem at the line it
 * starts on and is left out; empty rows are skipped. A file that is too big, has too many rows or a wrong header
 * gives one problem and no rows. Never throws.
 */
export function parseStarts(input: Uint8Array | string): ParsedStarts {
  const none = (problem: StartsProblem): ParsedStarts => ({ rows: [], problems: [problem] });
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    return none({ line: 1, message: { da: 'Startfilen skal være tekst eller bytes.', en: 'The starts file must be text or bytes.' } });
  }
  if (input.length > STARTS_LIMITS.bytes) {
    const mb = STARTS_LIMITS.bytes / 1024 / 1024;
    return none({
      line: 1,
      message: { da: `Startfilen er større end ${mb} MB; del den op.`, en: `The starts file is larger than ${mb} MB; split it.` },
    });
  }
  const decoded = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decode(input);
  if (typeof decoded !== 'string') return none(decoded);
  const text = decoded;

  const head = text.replace(/^[\r\n]+/, '');
  const firstBreak = head.search(/[\r\n]/);
  const delimiter = delimiterOf(firstBreak < 0 ? head : head.slice(0, firstBreak));
  const rows: StartRecord[] = [];
  const problems: StartsProblem[] = [];
  let order: Column[] | undefined;
  let headerProblem: StartsProblem | undefined;
  let capped: StartsProblem | undefined;
  let count = 0;
  readRecords(text, delimiter, (record) => {
    if (record.fields.every((f) => f.trim() === '') && !record.broken) return true; // an empty line or row
    if (order === undefined) {
      const names = record.fields.map((f) => f.trim());
      const columns = names.map((name) => COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase()));
      const unknown = names.filter((_, i) => columns[i] === undefined);
      const missing = COLUMNS.filter((c) => !columns.includes(c));
      const twice = COLUMNS.filter((c) => columns.filter((x) => x === c).length > 1);
      if (record.broken || unknown.length > 0 || missing.length > 0 || twice.length > 0) {
        const list = (xs: readonly string[]) => xs.map(shown).join(', ');
        const parts: Words[] = [];
        if (unknown.length > 0) parts.push({ da: `ukendte kolonner ${list(unknown)}`, en: `unknown columns ${list(unknown)}` });
        if (missing.length > 0) parts.push({ da: `mangler ${list(missing)}`, en: `missing ${list(missing)}` });
        if (twice.length > 0) parts.push({ da: `to gange: ${list(twice)}`, en: `twice: ${list(twice)}` });
        if (record.broken) parts.push({ da: record.broken.da, en: record.broken.en });
        headerProblem = {
          line: record.line,
          message: {
            da: `Overskriften skal være ${HEADER} (i valgfri rækkefølge, med , eller ;): ${parts.map((p) => p.da).join('; ')}.`,
            en: `The header must be ${HEADER} (in any order, with , or ;): ${parts.map((p) => p.en).join('; ')}.`,
          },
        };
        return false;
      }
      order = columns as Column[];
      return true;
    }
    if (++count > STARTS_LIMITS.rows) {
      capped = {
        line: record.line,
        message: {
          da: `Startfilen har flere end ${STARTS_LIMITS.rows} rækker; del den op. Ingen rækker er læst.`,
          en: `The starts file has more than ${STARTS_LIMITS.rows} rows; split it. No rows were read.`,
        },
      };
      return false;
    }
    const row = rowOf(record, order);
    if (Array.isArray(row)) problems.push(...row);
    else rows.push(row);
    return true;
  });
  if (headerProblem) return none(headerProblem);
  if (capped) return none(capped);
  if (order === undefined) {
    return none({
      line: 1,
      message: {
        da: `Startfilen er tom; den skal have overskriften ${HEADER}.`,
        en: `The starts file is empty; it needs the header ${HEADER}.`,
      },
    });
  }
  return { rows, problems };
}

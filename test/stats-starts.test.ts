import { describe, expect, it } from 'vitest';
import { StartRecordSchema } from '../src/stats/schema';
import { parseStarts, STARTS_LIMITS } from '../src/stats/starts';

/*
 * The municipality's starts file as spreadsheets export it: both delimiters, BOM or none, Windows-1252, CRLF, quoted
 * fields with the delimiter, quotes and line breaks, both date forms; a bad row reported by the line it starts on.
 */

const HEADER = 'letterIdentifier,senderEan,decidedLevel,offeredStart,started';
const EAN = '5790002658419';

/** Windows-1252 bytes of text, by hand: the characters these tests use. */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseStarts: the dialects', () => {
  const expected = [
    { letterIdentifier: '0001234', senderEan: EAN, decidedLevel: 'basal', offeredStart: '2024-03-10', started: '2024-03-12' },
    { letterIdentifier: '0001235', decidedLevel: 'avanceret', started: '2024-02-29' },
  ];

  it('reads comma-separated text with ISO dates, keeping leading zeros', () => {
    const text = `${HEADER}\n0001234,${EAN},basal,2024-03-10,2024-03-12\n0001235,,avanceret,,2024-02-29\n`;
    expect(parseStarts(text)).toEqual({ rows: expected, problems: [] });
  });

  it('reads semicolons, CRLF, a UTF-8 BOM and Danish dates (DD-MM-YYYY and DD.MM.YYYY)', () => {
    const text = `\uFEFFletterIdentifier;senderEan;decidedLevel;offeredStart;started\r\n0001234;${EAN};Basal ;10-03-2024;12.03.2024\r\n0001235;;AVANCERET;;29.02.2024\r\n\r\n`;
    expect(parseStarts(utf8(text))).toEqual({ rows: expected, problems: [] });
    expect(parseStarts(text)).toEqual({ rows: expected, problems: [] });
  });

  it('takes the columns in the order the header gives, names in any case', () => {
    const text = `STARTED;letteridentifier;SenderEAN;offeredstart;decidedlevel\n2024-03-12;0001234;${EAN};2024-03-10;basal\n29.02.2024;0001235;;;avanceret`;
    expect(parseStarts(text)).toEqual({ rows: expected, problems: [] });
  });

  it('decides UTF-8 without BOM when the bytes are valid UTF-8, else Windows-1252 (æøå, €)', () => {
    const text = `${HEADER}\n"Plan æøå €",${EAN},basal,,\n`;
    const row = { letterIdentifier: 'Plan æøå €', senderEan: EAN, decidedLevel: 'basal' };
    expect(parseStarts(utf8(text))).toEqual({ rows: [row], problems: [] });
    expect(parseStarts(cp1252(text))).toEqual({ rows: [row], problems: [] });
    expect(parseStarts(cp1252(text.replace(/,/g, ';')))).toEqual({ rows: [row], problems: [] });
  });

  it('reads RFC 4180 quotes: the delimiter, doubled quotes and line breaks inside a field; the line is where the row starts', () => {
    const text = `${HEADER}\r\n"A,1",${EAN},,,\r\n"B ""2""
on two lines",,,,\r\n"C;3",,basal,,"2024-13-01"\r\n`;
    const result = parseStarts(text);
    expect(result.rows).toEqual([{ letterIdentifier: 'A,1', senderEan: EAN }, { letterIdentifier: 'B "2"\non two lines' }]);
    expect(result.problems).toEqual([
      { line: 5, column: 5, message: expect.objectContaining({ en: expect.stringContaining('"2024-13-01" is not a valid date') }) },
    ]);
  });

  it('ignores empty lines and rows of empty fields, anywhere', () => {
    const text = `\n${HEADER}\n\n0001234,,,,\n,,,,\n;;\n\n\n`;
    const result = parseStarts(text);
    expect(result.rows).toEqual([{ letterIdentifier: '0001234' }]);
    expect(result.problems).toHaveLength(1); // ';;' is one field, not five: a row of the wrong width
    expect(result.problems[0]!.line).toBe(6);
  });

  it('gives rows that StartRecordSchema accepts', () => {
    const text = `${HEADER}\n0001234,${EAN},basal,2024-03-10,2024-03-12\n`;
    for (const row of parseStarts(text).rows) expect(StartRecordSchema.parse(row)).toEqual(row);
  });
});

describe('parseStarts: bad rows by line number, left out, never guessed', () => {
  it('reports each bad field with its line and column, and keeps the good rows', () => {
    const text = [
      HEADER,
      `1,${EAN},basal,,2024-03-12`, // 2: good
      `2,5.79E+12,basal,,2024-03-12`, // 3: EAN as a spreadsheet number
      `3,${EAN},mellem,,2024-03-12`, // 4: no such level
      `4,${EAN},basal,,29.02.2023`, // 5: not a leap year
      `5,${EAN},basal,,31-04-2024`, // 6: no 31 April
      `6,${EAN},basal,,2024/03/12`, // 7: another date form
      `,${EAN},basal,,2024-03-12`, // 8: no letter id
      `7,${EAN},basal,2024-03-12`, // 9: four fields
      `8,${EAN},basal,,2024-03-12,extra`, // 10: six fields
      `9,${EAN},"bas"al,,`, // 11: text after a closing quote
      `10,${EAN},ba"sal,,`, // 12: a quote inside an unquoted field
      `11,,,,`, // 13: good
    ].join('\n');
    const { rows, problems } = parseStarts(text);
    expect(rows.map((r) => r.letterIdentifier)).toEqual(['1', '11']);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 2],
      [4, 3],
      [5, 5],
      [6, 5],
      [7, 5],
      [8, 1],
      [9, undefined],
      [10, undefined],
      [11, undefined],
      [12, undefined],
    ]);
    for (const p of problems) {
      expect(p.message.da.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
    }
    expect(problems[0]!.message.en).toContain('13 digits');
  });

  it('reports a quoted field that never ends at the line its row starts, and leaves the row out', () => {
    const text = `${HEADER}\n1,,,,\n"2,,,,\n3,,,,\n`;
    const { rows, problems } = parseStarts(text);
    expect(rows).toEqual([{ letterIdentifier: '1' }]);
    expect(problems).toEqual([{ line: 3, message: expect.objectContaining({ en: expect.stringContaining('never ends') }) }]);
  });

  it('gives no rows for a wrong header: unknown, missing or doubled columns', () => {
    for (const header of [
      'letterIdentifier,senderEan,decidedLevel,offeredStart',
      `${HEADER},comment`,
      `${HEADER},started`,
      'brevId;ean;niveau;tilbudt;startet',
    ]) {
      const result = parseStarts(`${header}\n1,${EAN},basal,,2024-03-12\n`);
      expect(result.rows, header).toEqual([]);
      expect(result.problems, header).toHaveLength(1);
      expect(result.problems[0]!.line).toBe(1);
      expect(result.problems[0]!.message.en).toContain('The header must be');
    }
  });

  it('says when the file is empty, not readable as text, or too big', () => {
    expect(parseStarts('').problems[0]!.message.en).toContain('empty');
    expect(parseStarts('\n\n').rows).toEqual([]);
    const neither = parseStarts(Uint8Array.from([...utf8(`${HEADER}\n`), 0x81, 0x0a]));
    expect(neither.rows).toEqual([]);
    expect(neither.problems[0]!.message.en).toContain('neither UTF-8 nor Windows-1252');
    expect(neither.problems[0]!.line).toBe(2);
    const big = parseStarts(new Uint8Array(STARTS_LIMITS.bytes + 1));
    expect(big.rows).toEqual([]);
    expect(big.problems[0]!.message.en).toContain('larger than 64 MB');
    expect(parseStarts(42 as never).problems[0]!.message.en).toContain('text or bytes');
  });

  it('stops past the row cap with one problem and no rows', () => {
    const rows = STARTS_LIMITS.rows + 1;
    const text = `${HEADER}\n${'1,,,,\n'.repeat(rows)}`;
    const result = parseStarts(text);
    expect(result.rows).toEqual([]);
    expect(result.problems).toEqual([{ line: rows + 1, message: expect.objectContaining({ en: expect.stringContaining('more than') }) }]);
  });
});

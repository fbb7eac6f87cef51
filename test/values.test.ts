import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIcfCode, isSksDiagnosisCode } from '../src/values/codes';
import { isDanishPostcode, isPlausibleEmail, isPlausiblePhone } from '../src/values/contact';
import { checkCpr, cprBirthDate, maskCpr } from '../src/values/cpr';
import { addDaysIso, compareIsoDates, daysInMonth, isIsoDate, isTime } from '../src/values/date';
import { gs1CheckDigit, isValidGln } from '../src/values/gln';
import { finishText, quoted } from '../src/values/quote';

// Every expected value below was worked out by hand (the working is in the comments where it is not obvious).

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** Runs `fn` with the process time zone set to `tz`, restoring it afterwards. */
function inZone(tz: string, fn: () => void): void {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

const ZONES = ['UTC', 'Europe/Copenhagen', 'America/New_York', 'Pacific/Apia', 'Australia/Lord_Howe', 'Asia/Kolkata'];

describe('isIsoDate', () => {
  it.each([
    '2015-03-05',
    '1000-01-01',
    '9999-12-31',
    '2015-01-31',
    '2015-04-30',
    '2016-02-29', // divisible by 4
    '2000-02-29', // divisible by 400
    '2015-02-28',
    '1900-02-28',
  ])('accepts %j', (s) => expect(isIsoDate(s)).toBe(true));

  it.each([
    '2015-02-29', // 2015 is not a leap year
    '1900-02-29', // divisible by 100 but not by 400
    '2100-02-29',
    '2016-02-30',
    '2015-04-31',
    '2015-13-01',
    '2015-00-10',
    '2015-01-00',
    '2015-01-32',
    '0999-12-31', // before year 1000
    '0000-01-01',
    '10000-01-01',
    '2015-3-5',
    '15-03-05',
    '2015/03/05',
    '05-03-2015',
    '20150305',
    '2015-03-05T00:00',
    ' 2015-03-05',
    '2015-03-05 ',
    '2015-03-05\n',
    '+2015-03-05',
    '２０１５-03-05', // full-width digits
    '',
    'not a date',
  ])('rejects %j', (s) => expect(isIsoDate(s)).toBe(false));

  it('agrees with a UTC round trip through Date for every year/month/day shape', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${y}-${pad(m, 2)}-${pad(d, 2)}`;
        const t = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && d >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
        expect(isIsoDate(s)).toBe(real);
      }),
    );
  });

  it('daysInMonth follows the Gregorian leap rule', () => {
    expect([2015, 2016, 1900, 2000, 2100, 2400].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29, 28, 29]);
    expect([1, 3, 4, 6, 9, 11, 12].map((m) => daysInMonth(2015, m))).toEqual([31, 31, 30, 30, 30, 30, 31]);
  });
});

describe('isTime', () => {
  it.each(['00:00', '23:59', '12:30', '09:05', '19:00', '20:45'])('accepts %j', (s) => expect(isTime(s)).toBe(true));
  it.each([
    '24:00',
    '23:60',
    '25:00',
    '9:05',
    '09:5',
    '09:05:00',
    '0905',
    '09.05',
    '09-05',
    ' 09:05',
    '09:05 ',
    '09:05\n',
    '-1:00',
    '０９:05',
    '',
  ])('rejects %j', (s) => expect(isTime(s)).toBe(false));
});

describe('compareIsoDates', () => {
  it('orders like a comparator', () => {
    expect(compareIsoDates('2015-03-05', '2015-03-12')).toBeLessThan(0);
    expect(compareIsoDates('2015-03-12', '2015-03-05')).toBeGreaterThan(0);
    expect(compareIsoDates('2015-03-05', '2015-03-05')).toBe(0);
    expect(compareIsoDates('2015-12-31', '2016-01-01')).toBeLessThan(0);
    expect(compareIsoDates('1999-12-31', '2000-01-01')).toBeLessThan(0);
    expect(['2016-01-01', '2015-03-12', '2015-12-31', '2015-03-05'].sort(compareIsoDates)).toEqual([
      '2015-03-05',
      '2015-03-12',
      '2015-12-31',
      '2016-01-01',
    ]);
  });
});

describe('addDaysIso', () => {
  it.each<[string, number, string]>([
    ['2015-03-05', 7, '2015-03-12'],
    ['2015-03-05', 0, '2015-03-05'],
    ['2016-02-28', 1, '2016-02-29'],
    ['2015-02-28', 1, '2015-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2015-12-31', 1, '2016-01-01'],
    ['2016-01-01', -1, '2015-12-31'],
    ['2016-03-01', -1, '2016-02-29'],
    ['2016-01-01', 365, '2016-12-31'], // 2016 has 366 days
    ['2015-01-01', 365, '2016-01-01'],
    ['2018-06-24', 7, '2018-07-01'],
    // Copenhagen DST changes: 2024-03-31 (23 h day) and 2024-10-27 (25 h day)
    ['2024-03-30', 1, '2024-03-31'],
    ['2024-03-31', 1, '2024-04-01'],
    ['2024-10-26', 2, '2024-10-28'],
    ['2024-10-28', -2, '2024-10-26'],
    ['9999-12-30', 1, '9999-12-31'],
    ['1000-01-02', -1, '1000-01-01'],
  ])('%s %+d days → %s', (date, n, expected) => expect(addDaysIso(date, n)).toBe(expected));

  it.each<[string, number]>([
    ['2015-02-29', 1], // not a date
    ['2015-3-5', 1],
    ['', 1],
    ['2015-03-05', 1.5],
    ['2015-03-05', Number.NaN],
    ['2015-03-05', Number.POSITIVE_INFINITY],
    ['2015-03-05', Number.MAX_SAFE_INTEGER],
    ['2015-03-05', 1e15],
    ['9999-12-31', 1], // would leave the 4-digit years
    ['1000-01-01', -1],
  ])('returns "" for %j %+d', (date, n) => expect(addDaysIso(date, n)).toBe(''));

  it('does not depend on the process time zone (DST, skipped days)', () => {
    for (const tz of ZONES) {
      inZone(tz, () => {
        expect(addDaysIso('2011-12-29', 1), tz).toBe('2011-12-30'); // Samoa skipped this day locally
        expect(addDaysIso('2024-03-09', 2), tz).toBe('2024-03-11'); // US DST start
        expect(addDaysIso('2024-03-30', 1), tz).toBe('2024-03-31'); // EU DST start
        expect(addDaysIso('2024-10-27', -1), tz).toBe('2024-10-26'); // EU DST end
        expect(addDaysIso('2024-04-07', 1), tz).toBe('2024-04-08'); // Lord Howe 30-minute DST end
      });
    }
  });

  it('round-trips and stays a valid date', () => {
    const date = fc
      .record({ y: fc.integer({ min: 1100, max: 9900 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => `${y}-${pad(m, 2)}-${pad(Math.min(d, daysInMonth(y, m)), 2)}`);
    fc.assert(
      fc.property(date, fc.integer({ min: -20000, max: 20000 }), (d, n) => {
        const later = addDaysIso(d, n);
        expect(isIsoDate(later)).toBe(true);
        expect(addDaysIso(later, -n)).toBe(d);
        expect(Math.sign(compareIsoDates(later, d))).toBe(Math.sign(n));
      }),
    );
  });

  it("agrees with the platform's UTC calendar over the whole range (the arithmetic is its own)", () => {
    const date = fc
      .record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
      .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));
    fc.assert(
      fc.property(date, fc.integer({ min: -3_700_000, max: 3_700_000 }), ({ y, m, d }, n) => {
        const oracle = new Date(Date.UTC(2000, 0, 1));
        oracle.setUTCFullYear(y, m - 1, d + n);
        const year = oracle.getUTCFullYear();
        const expected = year < 1000 || year > 9999 ? '' : oracle.toISOString().slice(0, 10);
        expect(addDaysIso(`${y}-${pad(m, 2)}-${pad(d, 2)}`, n)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('cprBirthDate / checkCpr', () => {
  // The 7th digit fixes the century: 0–3 → 19YY; 4, 9 → 20YY if YY ≤ 36 else 19YY; 5–8 → 20YY if YY ≤ 57 else 18YY.
  it.each<[string, string]>([
    ['0101004000', '2000-01-01'], // 4, 00 ≤ 36
    ['0101364000', '2036-01-01'], // 4, 36 ≤ 36
    ['0101374000', '1937-01-01'], // 4, 37 > 36
    ['0101009000', '2000-01-01'], // 9 behaves like 4
    ['0101369999', '2036-01-01'],
    ['0101379000', '1937-01-01'],
    ['0101000000', '1900-01-01'], // 0 → 1900s
    ['0101003999', '1900-01-01'], // 3 → 1900s
    ['0101991000', '1999-01-01'],
    ['0101575000', '2057-01-01'], // 5, 57 ≤ 57
    ['0101585000', '1858-01-01'], // 5, 58 > 57
    ['0101578000', '2057-01-01'], // 8 behaves like 5
    ['0101588000', '1858-01-01'],
    ['3112997000', '1899-12-31'],
    ['0101006000', '2000-01-01'],
    ['2512484916', '1948-12-25'], // the public example: 4, 48 > 36
    ['0101701234', '1970-01-01'], // fails modulus 11 (weighted sum 72), must still be accepted
    // leap years, each with the century the 7th digit gives
    ['2902004000', '2000-02-29'],
    ['2902005000', '2000-02-29'],
    ['2902044000', '2004-02-29'],
    ['2902964000', '1996-02-29'],
    ['2902965000', '1896-02-29'],
  ])('%s → %s', (cpr, birthDate) => {
    expect(cprBirthDate(cpr)).toBe(birthDate);
    expect(checkCpr(cpr)).toEqual({ ok: true, birthDate });
  });

  it.each([
    '2902000000', // 1900-02-29: 1900 is no leap year
    '2902001000',
    '2902014000', // 2001-02-29
    '2902975000', // 1897-02-29
    '2902375000', // 5, 37 ≤ 57 → 2037-02-29, not a leap year
    '3002004000',
    '3104701234', // 31 April
    '3201701234',
    '0001701234',
    '0100701234',
    '0113701234',
    '0000000000',
    '9999999999',
  ])('%s has no real birth date', (cpr) => {
    expect(cprBirthDate(cpr)).toBeUndefined();
    expect(checkCpr(cpr)).toEqual({ ok: false, reason: 'invalid-birth-date' });
  });

  it.each([
    '010170-1234',
    '010170123',
    '01017012345',
    '',
    '010170123a',
    ' 0101701234',
    '0101701234 ',
    '0101701234\n',
    '０１０１７０１２３４',
    '+101701234',
    '1e10000000',
  ])('%j is not 10 digits', (cpr) => {
    expect(cprBirthDate(cpr)).toBeUndefined();
    expect(checkCpr(cpr)).toEqual({ ok: false, reason: 'not-10-digits' });
  });

  it('does not depend on the process time zone', () => {
    for (const tz of ZONES) inZone(tz, () => expect(cprBirthDate('2902004000'), tz).toBe('2000-02-29'));
  });
});

describe('maskCpr', () => {
  it.each<[string, string]>([
    ['0101701234', '010170-XXXX'],
    ['2512484916', '251248-XXXX'],
    ['010170-1234', 'XXXXXXXXXXX'],
    ['010170123', 'XXXXXXXXX'],
    ['abc', 'XXX'],
    ['', ''],
  ])('%j → %j', (cpr, masked) => expect(maskCpr(cpr)).toBe(masked));

  it('never reveals the serial digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (cpr) => {
        // The serial digits may recur inside the birth date, so the check is on the masked tail, not on absence.
        expect(maskCpr(cpr)).toBe(`${cpr.slice(0, 6)}-XXXX`);
        expect(maskCpr(cpr).slice(6)).toBe('-XXXX');
      }),
    );
  });
});

describe('GS1 check digit / GLN', () => {
  // Weights 1,3,1,3,… on the first 12 digits from the left; check = (10 − sum mod 10) mod 10.
  it.each<[string, number]>([
    ['579000135414', 5], // 5+21+9+0+0+0+1+9+5+12+1+12 = 75
    ['579000012144', 1], // 5+21+9+0+0+0+0+3+2+3+4+12 = 59
    ['579000201227', 3], // 5+21+9+0+0+0+2+0+1+6+2+21 = 67
    ['400638133393', 1], // GS1's textbook example 4006381333931: sum 89
    ['000000000000', 0],
    ['100000000000', 9], // weight 1 on the first digit …
    ['010000000000', 7], // … and 3 on the second
    ['000000000001', 7], // 3 on the digit next to the check digit
  ])('gs1CheckDigit(%s) = %d', (first12, digit) => expect(gs1CheckDigit(first12)).toBe(digit));

  it.each(['', '57900013541', '5790001354145', '57900013541a', ' 79000135414', '５７９０００１３５４１４'])(
    'gs1CheckDigit(%j) is NaN',
    (s) => expect(gs1CheckDigit(s)).toBeNaN(),
  );

  it.each(['5790001354145', '5790000121441', '4006381333931', '0000000000000'])('%s is a valid GLN', (gln) =>
    expect(isValidGln(gln)).toEqual({ ok: true }),
  );

  // From the public example message: 5790002012272/4/6 all have 3 as their correct check digit.
  it.each<[string, number]>([
    ['5790002012274', 3],
    ['5790002012272', 3],
    ['5790002012276', 3],
    ['5790001354146', 5],
    ['4006381333932', 1],
  ])('%s fails the check digit (expected %d)', (gln, expected) =>
    expect(isValidGln(gln)).toEqual({ ok: false, reason: 'check-digit', expected }),
  );

  it.each(['57001231231', '', '579000135414', '57900013541450', '579000135414a', '5790001354145 ', '579000-1354145', 'afsender'])(
    '%j is not 13 digits',
    (s) => expect(isValidGln(s)).toEqual({ ok: false, reason: 'not-13-digits' }),
  );

  it('accepts exactly one final digit for every 12-digit prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), fc.integer({ min: 0, max: 9 }), (first12, last) => {
        const expected = gs1CheckDigit(first12);
        const result = isValidGln(`${first12}${last}`);
        expect(result).toEqual(last === expected ? { ok: true } : { ok: false, reason: 'check-digit', expected });
      }),
    );
  });
});

describe('isDanishPostcode', () => {
  it.each(['5000', '1000', '9990', '5260', '3900', '1234', '0555', '0800', '0877', '0900', '0999'])('accepts %j', (s) =>
    expect(isDanishPostcode(s)).toBe(true),
  );
  it.each(['123', '12345', '0123', '0000', '0554', '0801', '', ' 5000', '5000 ', '5000\n', '50O0', '５０００', 'DK-5000', '-500', '5 000'])(
    'rejects %j',
    (s) => expect(isDanishPostcode(s)).toBe(false),
  );
});

describe('isPlausiblePhone', () => {
  it.each([
    '+4566131372',
    '+4523321234',
    '88 88 88 88',
    '88888888',
    '8888-8888',
    '88-88-88-88',
    '+45 88 88 88 88',
    '+45 8888-8888',
    '004588888888',
    '0045 8888 8888',
    '+46 8 123 456 78', // 11 digits
    '+4681234567',
    '+1 555 123 4567',
    '+299 123456', // Greenland, 9 digits
    '+4412345', // 7 digits, the E.164 minimum used here
    '+123456789012345', // 15 digits, the E.164 maximum
  ])('accepts %j', (s) => expect(isPlausiblePhone(s)).toBe(true));

  it.each([
    '1234',
    'abc',
    '',
    '+',
    '8888888', // 7 digits
    '888888888', // 9 digits
    '+45 1234',
    '+451234567', // +45 then only 7 digits
    '+45888888889', // +45 then 9 digits
    '004512345',
    '88  88 88 88',
    '8888--8888',
    '8888 -8888',
    ' 88888888',
    '88888888 ',
    '88 88 88 8a',
    '+45  88888888',
    '+45-88888888',
    '++4588888888',
    '(+45) 88888888',
    '+123456', // 6 digits
    '+1234567890123456', // 16 digits
    '+0123456789', // no country code starts with 0
    '+46 8 123 456 7a',
    '0046 8 123 456 78',
    '８８８８８８８８',
    '8'.repeat(100_000),
  ])('rejects %j', (s) => expect(isPlausiblePhone(s)).toBe(false));
});

describe('isPlausibleEmail', () => {
  it.each(['irene_p12@gmail.com', 'nancy@berggren.dk', 'a.b+c@sub.example.co.uk', 'x@y.z', 'æøå@eksempel.dk'])('accepts %j', (s) =>
    expect(isPlausibleEmail(s)).toBe(true),
  );
  it.each([
    '',
    'a',
    '@example.dk',
    'a@',
    'a@b',
    'a@@b.dk',
    'a@b@c.dk',
    'a b@c.dk',
    'ab@c .dk',
    'a@.dk',
    'a@b.',
    'a@b..dk',
    ' a@b.dk',
    'a@b.dk ',
    'a@b.dk\n',
    'a\t@b.dk',
    'a@b\u00a0.dk',
  ])('rejects %j', (s) => expect(isPlausibleEmail(s)).toBe(false));

  it('answers hostile input (speed is npm run bench, not a test)', () => {
    expect(isPlausibleEmail(`a@${'.'.repeat(200_000)} `)).toBe(false);
    expect(isPlausibleEmail(`a@${'.'.repeat(200_000)}x`)).toBe(false);
    expect(isPlausibleEmail(`${'a'.repeat(200_000)}@`)).toBe(false);
    expect(isPlausibleEmail(`a@${'b.'.repeat(100_000)}dk`)).toBe(true);
  });
});

describe('isSksDiagnosisCode', () => {
  it.each(['DC189', 'DS720', 'DI639', 'DZ033A', 'DM169', 'DC18', 'DZ033A12'])('accepts %j', (s) =>
    expect(isSksDiagnosisCode(s)).toBe(true),
  );
  it.each([
    'dc189',
    'Dc189',
    'DC 189',
    'C189',
    'D',
    'DC1', // only one character after the letter
    'DZ033A123', // seven
    'D1189',
    'DC189 ',
    ' DC189',
    'DC18.9',
    'DÆ189',
    'FB799',
    '',
  ])('rejects %j', (s) => expect(isSksDiagnosisCode(s)).toBe(false));
});

describe('isIcfCode', () => {
  it.each([
    'FB799',
    'FD450',
    'FE310',
    'FS7300',
    'FA1',
    'FB12345',
    'b280',
    'd4500',
    'b1',
    'b280.2',
    's7300.32',
    'd4500.123',
    'e310.3',
    'e310+3', // environmental facilitator
  ])('accepts %j', (s) => expect(isIcfCode(s)).toBe(true));
  it.each([
    'FB',
    'FB123456',
    'FC799',
    'fb799',
    'Fb799',
    'F799',
    'FB799.2',
    'B280',
    'b',
    'b123456',
    'b280.',
    'b280.1234',
    'b280+2', // '+' only qualifies environmental factors
    'x280',
    'b 280',
    'FB-799',
    'FB799 ',
    'DC189',
    '',
  ])('rejects %j', (s) => expect(isIcfCode(s)).toBe(false));
});

describe('finishText', () => {
  /** The definition: every well-formed quote (mark, length, value without marks, end) cut as quoted; the rest as written. */
  const byPattern = (text: string) =>
    text.replace(/([\uE000\uE001])([\uE100-\uE7FF])([^\uE000-\uE002]*)\uE002/g, (_, kind: string, length: string, value: string) => {
      const max = length.charCodeAt(0) - 0xe100;
      if (value.length <= max || max === 0x6ff) return value;
      return kind === '\uE001' ? `${value.slice(0, Math.max(0, max - 3))}...` : value.slice(0, max);
    });

  it('cuts each quoted value to its length, with "..." where asked, and leaves the rest', () => {
    const text = `a ${quoted('Højgaard Pedersen', 5)} b ${quoted('Højgaard Pedersen', 8, true)} c ${quoted('kort', 30)} d`;
    expect(finishText(text)).toBe('a Højga b Højga... c kort d');
    expect(finishText('no quotes')).toBe('no quotes');
  });

  it('gives what the pattern gives for any text, marks well-formed or broken', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('\uE000', '\uE001', '\uE002', '\uE100', '\uE105', '\uE7FF', '\uE800', '\uE0FF'),
      fc.tuple(fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 20 }), fc.boolean()).map(([v, n, e]) => quoted(v, n, e)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(finishText(text)).toBe(byPattern(text));
      }),
      { numRuns: 3_000 },
    );
  });
});

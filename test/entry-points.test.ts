import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildGop,
  buildGopBytes,
  checkGop,
  GopBuildError,
  GopOptionsError,
  parseGop,
  plainText,
  renderGopHtml,
  ReportSchema,
  type GopMessage,
  type ParseResult,
  type RichText,
} from '../src/index';
import { computeFacts, FactsSchema, interpretDeadline } from '../src/facts/index';
import { parseReceipt, receiptFor } from '../src/receipt/index';
import { FIXTURES_DIR } from './helpers';

/*
 * Issue 22, "entry points throw only their own errors": whatever a JavaScript caller passes, an entry point answers
 * with a finding (ok: false, a report that is not valid, the page that says the plan could not be read) and throws
 * only its own documented error: GopOptionsError for options it cannot use, GopBuildError for a plan buildGop cannot
 * write. First a table, every hostile value × every entry point that takes input; then the cases the issue names.
 */

const BYTES = new Uint8Array(readFileSync(`${FIXTURES_DIR}valid/minimal.xml`));
const TEXT = new TextDecoder().decode(BYTES);
const minimalMessage = (): GopMessage => {
  const parsed = parseGop(BYTES);
  if (!parsed.ok) throw new Error('minimal.xml does not read');
  return parsed.message;
};
const UNREADABLE_PAGE = 'Planen kunne ikke læses';

const revoked = <T extends object>(target: T): T => {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
};
/** A Proxy handler every trap of which throws (the handler is itself a Proxy that answers every trap name). */
const THROWING_TRAPS: ProxyHandler<object> = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error('a trap that throws');
    },
  },
);
/** An object every property of which (the ones entry points read) is a getter that throws `thrown()`. */
function throwingGetters(thrown: () => unknown = () => new Error('a getter that throws')): object {
  const keys: PropertyKey[] = [
    'rehabilitationPlan',
    'envelope',
    'extraElements',
    'ok',
    'findings',
    'message',
    'partial',
    'valid',
    'counts',
    'facts',
    'length',
    'buffer',
    'byteLength',
    'byteOffset',
    'then',
    'toString',
    'valueOf',
    Symbol.toPrimitive,
    Symbol.iterator,
    Symbol.toStringTag,
  ];
  const object = {};
  for (const key of keys)
    Object.defineProperty(object, key, {
      enumerable: true,
      get() {
        throw thrown();
      },
    });
  return object;
}
class BytesWithThrowingLength extends Uint8Array {
  override get length(): number {
    throw new Error('length');
  }
  override get byteLength(): number {
    throw new Error('byteLength');
  }
}
/** The buffer moved away (its bytes transferred), as postMessage or structuredClone with `transfer` leave it. */
const detach = (buffer: ArrayBufferLike) => {
  structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
};

/** Each made afresh for every use: a revoked Proxy is revoked anew, a buffer detached anew. */
const HOSTILE: [string, () => unknown][] = [
  ['undefined', () => undefined],
  ['null', () => null],
  ['a number', () => 42],
  ['NaN', () => Number.NaN],
  ['a boolean', () => true],
  ['a bigint', () => 10n],
  ['a symbol', () => Symbol('gop')],
  ['a function', () => () => TEXT],
  ['an empty object', () => ({})],
  ['an object without a prototype', () => Object.create(null)],
  ['an array of byte values', () => [...BYTES.subarray(0, 64)]],
  ['a String object', () => new String(TEXT)],
  ['a Number object', () => new Number(5)],
  ['a Date', () => new Date(0)],
  ['a Map', () => new Map([['rehabilitationPlan', {}]])],
  ['a revoked Proxy', () => revoked({})],
  ['a revoked Proxy of an array', () => revoked([])],
  ['a revoked Proxy of bytes', () => revoked(new Uint8Array(BYTES))],
  ['a Proxy whose traps throw', () => new Proxy({}, THROWING_TRAPS)],
  ['a Proxy of bytes whose traps throw', () => new Proxy(new Uint8Array(BYTES), THROWING_TRAPS)],
  ['an object with throwing getters', () => throwingGetters()],
  ['an object whose getters throw a revoked Proxy', () => throwingGetters(() => revoked({}))],
  ['an object whose getters throw undefined', () => throwingGetters(() => undefined)],
  [
    'a cycle',
    () => {
      const o: Record<string, unknown> = { ok: false };
      o['rehabilitationPlan'] = o;
      o['findings'] = [o];
      return o;
    },
  ],
  ['a typed-array subclass whose length getter throws', () => new BytesWithThrowingLength(8)],
  [
    'bytes with an own length that throws',
    () =>
      Object.defineProperty(new Uint8Array(8), 'length', {
        get() {
          throw new Error('length');
        },
      }),
  ],
  [
    'a detached Uint8Array',
    () => {
      const bytes = new Uint8Array(BYTES);
      detach(bytes.buffer);
      return bytes;
    },
  ],
  [
    'a detached ArrayBuffer',
    () => {
      const buffer = BYTES.slice().buffer;
      detach(buffer);
      return buffer;
    },
  ],
  [
    'a DataView over a detached buffer',
    () => {
      const view = new DataView(BYTES.slice().buffer);
      detach(view.buffer);
      return view;
    },
  ],
];

type Outcome = { threw: false; value: unknown } | { threw: true; error: unknown };
function outcomeOf(call: () => unknown): Outcome {
  try {
    return { threw: false, value: call() };
  } catch (error) {
    return { threw: true, error };
  }
}
/** What was returned, or a failure that says what was thrown instead. */
function returned(outcome: Outcome): Record<string, unknown> {
  if (outcome.threw)
    expect.fail(`threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : String(outcome.error)}`);
  return outcome.value as Record<string, unknown>;
}
const ruleIdsOf = (findings: unknown) => (findings as { ruleId: string }[]).map((f) => f.ruleId);

const RECEIPT_OPTIONS = { receiptIdentifier: 'KVIT0000000001', sentAt: '2019-03-06T08:15' };

/** Every entry point that takes a message or its bytes, and what it must answer to anything it cannot use. */
const ENTRY_POINTS: [string, (input: unknown) => unknown, (outcome: Outcome) => void][] = [
  [
    'parseGop',
    (input) => parseGop(input as string),
    (outcome) => {
      const result = returned(outcome) as ParseResult;
      expect(result.ok).toBe(false);
      expect(result.findings.length).toBeGreaterThan(0);
      // a plain input finding: never GOP-INPUT-009, the internal error
      for (const id of ruleIdsOf(result.findings)) expect(id).toMatch(/^GOP-INPUT-00[1-7]$/);
      expect(result.findings[0]).toMatchObject({ severity: 'fatal', line: 1 });
    },
  ],
  [
    'checkGop',
    (input) => checkGop(input as string),
    // a plain object is a message object, checked as one; anything else that is no text or bytes is GOP-INPUT-003 (below)
    (outcome) => expect(ReportSchema.parse(returned(outcome)).valid).toBe(false),
  ],
  [
    'renderGopHtml',
    (input) => renderGopHtml(input as string),
    (outcome) => {
      const html = returned(outcome) as unknown as string;
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain(UNREADABLE_PAGE);
    },
  ],
  ...(['buildGop', 'buildGopBytes'] as const).map((name): [string, (input: unknown) => unknown, (outcome: Outcome) => void] => [
    name,
    (input) => (name === 'buildGop' ? buildGop : buildGopBytes)(input as GopMessage),
    (outcome) => {
      // its documented error, listing the problems, and no other
      expect(outcome.threw).toBe(true);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(GopBuildError);
      expect((error as GopBuildError).issues.length).toBeGreaterThan(0);
    },
  ]),
  [
    'computeFacts',
    (input) => computeFacts(input as GopMessage),
    (outcome) => expect(FactsSchema.safeParse(returned(outcome)).success).toBe(true),
  ],
  [
    'interpretDeadline',
    (input) => interpretDeadline(input as string),
    (outcome) => {
      const reading = returned(outcome);
      expect(typeof reading['kind']).toBe('string');
      expect(reading['explanation']).toMatchObject({ da: expect.any(String), en: expect.any(String) });
    },
  ],
  [
    'parseReceipt',
    (input) => parseReceipt(input as string),
    (outcome) => {
      const receipt = returned(outcome);
      expect(receipt['ok']).toBe(false);
      expect((receipt['findings'] as unknown[]).length).toBeGreaterThan(0);
    },
  ],
  [
    'receiptFor',
    (input) => receiptFor(input as string, RECEIPT_OPTIONS),
    (outcome) => expect(ReportSchema.parse(returned(outcome)['report']).valid).toBe(false),
  ],
];

/**
 * Cells that still throw, in files outside this change (src/receipt/read.ts and write.ts test `instanceof Uint8Array`
 * and read `findings` outside any guard): listed, so that the table shows them, until they are fixed there.
 */
const OUTSIDE_THIS_CHANGE = new Set<string>([]);

describe('every entry point × every hostile value: an answer, never an exception it does not document', () => {
  for (const [entry, call, expectOutcome] of ENTRY_POINTS) {
    describe(entry, () => {
      for (const [name, make] of HOSTILE) {
        const cell = `${entry} × ${name}`;
        if (OUTSIDE_THIS_CHANGE.has(cell)) it.todo(`${name} (still throws: outside this change)`);
        else it(name, () => expectOutcome(outcomeOf(() => call(make()))));
      }
    });
  }
});

describe('bad options: GopOptionsError, and only for the options', () => {
  const optionsError = (call: () => unknown) => {
    const outcome = outcomeOf(call);
    expect(outcome.threw).toBe(true);
    expect((outcome as { error: unknown }).error).toBeInstanceOf(GopOptionsError);
  };

  it.each([
    ['a revoked Proxy', () => revoked({})],
    ['a Proxy whose traps throw', () => new Proxy({}, THROWING_TRAPS)],
    ['a getter that throws', () => throwingGetters()],
    ['a number', () => 5],
    ['a limit that is no positive whole number', () => ({ maxBytes: -1 })],
  ])(
    'parseGop, checkGop (of bytes and of a model), buildGop, buildGopBytes and renderGopHtml throw GopOptionsError for %s',
    (_, options) => {
      optionsError(() => parseGop(BYTES, options() as never));
      optionsError(() => checkGop(BYTES, options() as never));
      optionsError(() => checkGop(minimalMessage(), options() as never));
      optionsError(() => buildGop(minimalMessage(), options() as never));
      optionsError(() => buildGopBytes(minimalMessage(), options() as never));
      optionsError(() => renderGopHtml(BYTES, { check: options() } as never));
    },
  );
  it('receiptFor given options it cannot read: GopOptionsError; interpretDeadline reads such options as none', () => {
    optionsError(() => receiptFor(BYTES, revoked({}) as never));
    optionsError(() => receiptFor(BYTES, throwingGetters() as never));
    expect(outcomeOf(() => interpretDeadline('senest 12.03.2019', revoked({}) as never))).toMatchObject({ threw: false });
    expect(interpretDeadline('senest 12.03.2019', throwingGetters() as never).date).toBe('2019-03-12');
  });

  it('the options are checked before the input: bad options and bad input give GopOptionsError', () => {
    optionsError(() => parseGop(revoked({}) as never, { maxBytes: 0 }));
    optionsError(() => checkGop(null as never, { maxFindings: 1.5 }));
  });

  it("renderGopHtml's own options: unreadable, or not an object, is GopOptionsError", () => {
    optionsError(() => renderGopHtml(BYTES, revoked({}) as never));
    optionsError(() => renderGopHtml(BYTES, throwingGetters() as never));
    optionsError(() => renderGopHtml(BYTES, 'en' as never));
    expect(renderGopHtml(BYTES, null as never)).toBe(renderGopHtml(BYTES));
  });

  it('computeFacts has no options error: an option it cannot read is no option, as a date that is no date', () => {
    const expected = computeFacts(minimalMessage());
    for (const options of [revoked({}), throwingGetters(), { referenceDate: 5, timeZone: 7 }, { referenceDate: new Date(Number.NaN) }, 5])
      expect(computeFacts(minimalMessage(), options as never)).toEqual(expected);
  });
});

describe('a revoked Proxy, or anything else that is neither text nor bytes, is GOP-INPUT-003 naming its kind (1)', () => {
  it.each([
    ['a revoked Proxy', () => revoked({}), 'an object that cannot be read'],
    ['a Proxy whose traps throw', () => new Proxy({}, THROWING_TRAPS), 'an object'],
    ['a String object', () => new String(TEXT), 'a String object'],
    ['a number', () => 42, 'a number'],
    ['an array', () => [1, 2], 'an array'],
    ['null', () => null, 'null'],
  ])('%s', (_, make, kind) => {
    for (const findings of [parseGop(make() as string).findings, checkGop(make() as string).findings]) {
      expect(findings).toEqual([
        expect.objectContaining({
          ruleId: 'GOP-INPUT-003',
          messageId: 'notTextOrBytes',
          data: { kind },
          severity: 'fatal',
          line: 1,
          column: 1,
        }),
      ]);
      expect(findings[0]!.message).toContain(`the input is ${kind}, neither text nor bytes`);
    }
  });

  it('an object with throwing getters: to parseGop no text or bytes; to checkGop a message object it cannot use (GOP-INPUT-009)', () => {
    expect(parseGop(throwingGetters() as unknown as string).findings).toEqual([
      expect.objectContaining({ ruleId: 'GOP-INPUT-003', messageId: 'notTextOrBytes', data: { kind: 'an object' } }),
    ]);
    expect(ruleIdsOf(checkGop(throwingGetters() as GopMessage).findings)).toEqual(['GOP-INPUT-009']);
  });

  it('a typed array whose length getter throws is read by its real length (the engine’s own accessors)', () => {
    class Bytes extends Uint8Array {
      override get length(): number {
        throw new Error('length');
      }
    }
    const bytes = new Bytes(BYTES.length);
    bytes.set(BYTES);
    expect(parseGop(bytes).ok).toBe(true);
    expect(checkGop(bytes)).toEqual(checkGop(BYTES));
  });
});

describe('a detached buffer is a plain input finding that says so, not an internal error (2)', () => {
  const detachers: [string, ((buffer: ArrayBuffer) => void) | undefined][] = [
    ['structuredClone with transfer', (buffer) => structuredClone(buffer, { transfer: [buffer] })],
    [
      'ArrayBuffer.prototype.transfer',
      (ArrayBuffer.prototype as { transfer?: unknown }).transfer
        ? (buffer) => (buffer as unknown as { transfer(): ArrayBuffer }).transfer()
        : undefined,
    ],
    [
      'MessageChannel postMessage',
      (buffer) => {
        const channel = new MessageChannel();
        channel.port1.postMessage(buffer, [buffer]);
        channel.port1.close();
        channel.port2.close();
      },
    ],
  ];
  const forms: [string, (buffer: ArrayBuffer) => unknown][] = [
    ['a Uint8Array', (buffer) => new Uint8Array(buffer)],
    ['a Uint8Array over part of it', (buffer) => new Uint8Array(buffer, 2, 10)],
    ['a DataView', (buffer) => new DataView(buffer)],
    ['the ArrayBuffer itself', (buffer) => buffer],
  ];
  for (const [how, detachWith] of detachers) {
    for (const [form, viewOf] of forms) {
      it.skipIf(!detachWith)(`${form}, detached by ${how}`, () => {
        const buffer = BYTES.slice().buffer;
        const input = viewOf(buffer);
        detachWith!(buffer);
        expect(buffer.byteLength).toBe(0); // detached indeed
        const parsed = parseGop(input as Uint8Array);
        expect(parsed.ok).toBe(false);
        expect(parsed.findings).toEqual([
          expect.objectContaining({ ruleId: 'GOP-INPUT-003', messageId: 'notTextOrBytes', severity: 'fatal', line: 1 }),
        ]);
        expect(parsed.findings[0]!.message).toMatch(/the input is a detached ArrayBuffer \(its bytes were transferred elsewhere\)/);
        const report = checkGop(input as Uint8Array);
        expect(report.findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-003']);
        expect(report.findings[0]!.message).toContain('detached');
        const html = renderGopHtml(input as Uint8Array);
        expect(html).toContain(UNREADABLE_PAGE);
        expect(html).toContain('detached');
      });
    }
  }
});

describe('bytes in any ArrayBufferView or ArrayBuffer, as File.arrayBuffer() gives them (3)', () => {
  const inPlace = (offset: number) => {
    const buffer = new ArrayBuffer(BYTES.length + offset + 5);
    new Uint8Array(buffer).set(BYTES, offset);
    return buffer;
  };
  const forms: [string, () => Uint8Array | ArrayBuffer | ArrayBufferView][] = [
    ['an ArrayBuffer', () => BYTES.slice().buffer],
    ['a DataView', () => new DataView(BYTES.slice().buffer)],
    ['a DataView over part of a buffer', () => new DataView(inPlace(7), 7, BYTES.length)],
    ['a Uint8Array over part of a buffer', () => new Uint8Array(inPlace(3), 3, BYTES.length)],
    ['a Uint8ClampedArray', () => new Uint8ClampedArray(BYTES)],
    ['an Int8Array', () => new Int8Array(BYTES.slice().buffer)],
    ['a Buffer', () => Buffer.from(BYTES)],
    ['a Uint8Array subclass', () => new (class Bytes extends Uint8Array {})(BYTES)],
    [
      'a SharedArrayBuffer',
      () => {
        const shared = new SharedArrayBuffer(BYTES.length);
        new Uint8Array(shared).set(BYTES);
        return shared as unknown as ArrayBuffer;
      },
    ],
    [
      'a Uint8Array over a SharedArrayBuffer',
      () => {
        const shared = new Uint8Array(new SharedArrayBuffer(BYTES.length));
        shared.set(BYTES);
        return shared;
      },
    ],
  ];
  const expected = parseGop(BYTES);
  const expectedReport = checkGop(BYTES);
  const expectedPage = renderGopHtml(BYTES);

  it.each(forms)('%s: parseGop, checkGop and renderGopHtml read it as the Uint8Array it holds', (_, make) => {
    const parsed = parseGop(make());
    expect(parsed.ok).toBe(true);
    expect({ findings: parsed.findings, message: parsed.ok && parsed.message }).toEqual({
      findings: expected.findings,
      message: expected.ok && expected.message,
    });
    expect(checkGop(make())).toEqual(expectedReport);
    expect(renderGopHtml(make())).toBe(expectedPage);
  });

  it('a Uint16Array holding the same bytes', () => {
    const even = BYTES.length % 2 ? new Uint8Array([...BYTES, 0x0a]) : BYTES; // a newline after the root: white space
    expect(checkGop(new Uint16Array(even.slice().buffer))).toEqual(checkGop(even));
  });

  it('Blob.arrayBuffer() (what File.arrayBuffer() gives)', async () => {
    const buffer = await new Blob([BYTES]).arrayBuffer();
    expect(checkGop(buffer)).toEqual(expectedReport);
    expect(renderGopHtml(buffer)).toBe(expectedPage);
  });

  it('an empty ArrayBuffer is an empty document (GOP-INPUT-001), as empty bytes are', () => {
    expect(parseGop(new ArrayBuffer(0)).findings).toEqual(parseGop(new Uint8Array(0)).findings);
    expect(parseGop(new ArrayBuffer(0)).findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-001']);
  });

  it('maxBytes counts the bytes of the view, not of the buffer behind it', () => {
    const view = new DataView(inPlace(1000), 1000, BYTES.length);
    expect(parseGop(view, { maxBytes: BYTES.length }).ok).toBe(true);
    expect(parseGop(view, { maxBytes: BYTES.length - 1 }).findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-004']);
  });
});

describe('renderGopHtml: anything it cannot use gives the page that says the plan could not be read (3)', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['an empty object', {}],
    ['a findings list that is no list of findings', { ok: false, findings: [5] }],
    ['a report that is no report', { valid: true, findings: 'none', counts: {} }],
  ])('%s', (_, input) => {
    const html = renderGopHtml(input as never);
    expect(html).toContain(UNREADABLE_PAGE);
    expect(html).toContain('GOP-INPUT-003');
    expect(renderGopHtml(input as never, { lang: 'en' })).toContain('The plan could not be read');
  });

  it('a parse result built in code with values of the wrong type is shown without them, not refused', () => {
    const parsed = parseGop(BYTES);
    if (!parsed.ok) throw new Error('not ok');
    const changed = structuredClone({ ok: parsed.ok, findings: parsed.findings, message: parsed.message }) as Record<string, unknown>;
    const plan = (changed['message'] as { rehabilitationPlan: Record<string, unknown> }).rehabilitationPlan;
    plan['patient'] = 5;
    plan['ccReceiver'] = { not: 'a list' };
    const html = renderGopHtml(changed as never);
    expect(html).toContain('Genoptræningsplan');
    expect(html).not.toContain('Kirsten'); // the patient was left out
  });

  it('a parse result or a report is still shown as before', () => {
    expect(renderGopHtml(parseGop(BYTES))).not.toContain(UNREADABLE_PAGE);
    const page = renderGopHtml(checkGop(BYTES));
    expect(page).not.toContain(UNREADABLE_PAGE);
    expect(page).toContain('Kirsten');
  });
});

describe('buildGop: a malformed model is GopBuildError naming the problem, whatever its shape (4)', () => {
  const withContent = (content: unknown, text = 'x'): GopMessage => {
    const message = minimalMessage();
    (message.rehabilitationPlan as Record<string, unknown>)['rehabilitationNeedAndPotential'] = { text, content };
    return message;
  };
  const issuesOf = (message: unknown) => {
    const outcome = outcomeOf(() => buildGop(message as GopMessage));
    expect(outcome.threw).toBe(true);
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(GopBuildError);
    expect(outcomeOf(() => buildGopBytes(message as GopMessage))).toMatchObject({ threw: true, error: expect.any(GopBuildError) });
    return (error as GopBuildError).issues;
  };
  const CONTENT = '/Emessage/RehabilitationPlan/RehabilitationNeedAndPotential/content';
  const nested = (depth: number): RichText[] => {
    let content: RichText[] = [{ type: 'text', value: 'dybt' }];
    for (let i = 0; i < depth; i++) content = [{ type: 'bold', content }];
    return content;
  };

  it.each([
    ['a style without content', [{ type: 'bold' }]],
    ['content that is not a list', [{ type: 'italic', content: 'tekst' }]],
    ['a node that is a number', [42]],
    ['a node that is null', [null]],
    ['a node of no known type', [{ type: 'blink', content: [] }]],
    ['a text node without text', [{ type: 'text' }]],
    ['content itself no list', 'tekst'],
  ])('%s', (_, content) => {
    expect(issuesOf(withContent(content))).toEqual([
      {
        path: CONTENT,
        message: expect.stringMatching(/RehabilitationNeedAndPotential has a content that must be a list of formatted-text nodes/),
      },
    ]);
  });

  it('a node that contains itself (a cycle)', () => {
    const node = { type: 'bold', content: [] as unknown[] };
    node.content.push(node);
    expect(issuesOf(withContent([node]))).toEqual([{ path: CONTENT, message: expect.stringMatching(/a cycle/) }]);
  });

  it('2,000 nested Bold: refused at the depth limit (256), no stack overflow', () => {
    const content = nested(2000);
    expect(issuesOf(withContent(content, plainText(nested(10))))).toEqual([
      { path: CONTENT, message: expect.stringMatching(/nested deeper than 256 levels/) },
    ]);
  });

  it('nesting under the limit is written', () => {
    const content = nested(200);
    expect(buildGop(withContent(content, plainText(content)))).toContain(`${'<m100:Bold>'.repeat(200)}dybt${'</m100:Bold>'.repeat(200)}`);
  });

  it('a cycle through the model, a getter that throws, a revoked Proxy inside', () => {
    const cyclic = minimalMessage();
    (cyclic.rehabilitationPlan as Record<string, unknown>)['self'] = cyclic;
    expect(issuesOf(cyclic)).toEqual([
      { path: '/Emessage/RehabilitationPlan/self', message: expect.stringMatching(/not part of the G-GOP model/) },
    ]);
    const looped = minimalMessage();
    (looped.rehabilitationPlan as Record<string, unknown>)['patient'] = looped;
    expect(issuesOf(looped)).toEqual([{ path: '/Emessage/RehabilitationPlan/Patient', message: expect.stringMatching(/a cycle/) }]);
    const getter = minimalMessage();
    Object.defineProperty(getter.rehabilitationPlan, 'patient', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(getter)).toEqual([{ path: '/', message: 'the message cannot be read or written (boom)' }]);
    const proxy = minimalMessage();
    (proxy.rehabilitationPlan as Record<string, unknown>)['letter'] = revoked({});
    expect(issuesOf(proxy)[0]!.message).toMatch(/cannot be read or written/);
  });
});

describe('computeFacts: facts from whatever it is given, the values it cannot read left out (5)', () => {
  const facts = (message: unknown) => {
    const outcome = outcomeOf(() => computeFacts(message as GopMessage));
    return FactsSchema.parse(returned(outcome));
  };
  const none = facts({});

  it.each([
    ['null', null],
    ['a number', 5],
    ['text', 'GGOP'],
    ['an array', []],
    ['{ rehabilitationPlan: 5 }', { rehabilitationPlan: 5 }],
    ['{ rehabilitationPlan: [] }', { rehabilitationPlan: [] }],
    ['a revoked Proxy', revoked({})],
    ['a Proxy whose traps throw', new Proxy({}, THROWING_TRAPS)],
    ['throwing getters', throwingGetters()],
  ])('%s: the facts of an empty message', (_, message) => {
    expect(facts(message)).toEqual(none);
  });

  it('arrays where objects are expected, objects where lists are, numbers where text is', () => {
    const result = facts({
      rehabilitationPlan: {
        patient: [],
        ccReceiver: { not: 'a list' },
        receiver: 'kommunen',
        letter: { authorisation: [] },
        currentHospitalContact: { expectedEnd: { date: 20190305 } },
        typeOfRehabilitationPlan: ['almen'],
        rehabilitationDeadline: { text: 'inden 14 dage' },
      },
    });
    expect(result.receivers.copies).toEqual([]);
    expect(result.patient).toEqual({});
    expect(result.dischargeDate).toBeUndefined();
    expect(result.level).toBeUndefined();
  });

  it('a getter that throws loses its own value only', () => {
    const whole = computeFacts(minimalMessage());
    const message = minimalMessage();
    Object.defineProperty(message.rehabilitationPlan, 'patient', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = facts(message);
    expect(result.patient).toEqual({});
    expect({ ...result, patient: whole.patient }).toEqual(whole);
    const plan = minimalMessage().rehabilitationPlan;
    const guarded = new Proxy(plan, {
      get: (target, key, receiver) => {
        if (key === 'receiver') throw new Error('trap');
        return Reflect.get(target, key, receiver);
      },
    });
    const partly = facts({ ...minimalMessage(), rehabilitationPlan: guarded });
    expect(partly.receivers.municipality).toBeUndefined();
    expect(partly.level).toBe(whole.level);
  });

  it('a cycle', () => {
    const message = minimalMessage();
    (message.rehabilitationPlan as Record<string, unknown>)['patient'] = message;
    expect(facts(message).level).toBe(computeFacts(minimalMessage()).level);
  });
});

describe('the XML declaration is read whole, however much white space it holds (6)', () => {
  const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  const declared = (space: string, encoding = 'ISO-8859-1') =>
    TEXT.replace('<?xml version="1.0" encoding="UTF-8"?>', `<?xml version="1.0"${space}encoding="${encoding}"?>`);

  it.each([
    ['300 spaces', ' '.repeat(300)],
    ['100,000 spaces', ' '.repeat(100_000)],
    ['line breaks and tabs', '\r\n\t'.repeat(500)],
  ])('ISO-8859-1 declared after %s is read as ISO-8859-1, as libxml2 reads it', (_, space) => {
    const text = declared(space);
    expect(text).not.toBe(TEXT);
    const parsed = parseGop(latin1(text));
    expect(parsed.findings).toEqual([]);
    expect(parsed.ok && parsed.source.encoding).toBe('ISO-8859-1');
    expect(parsed.ok && parsed.message.rehabilitationPlan.patient.personSurnameName).toBe('Højgaard');
  });

  it('only the declaration counts: an encoding="…" after its end is content, and UTF-8 applies', () => {
    const text = TEXT.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<?xml version="1.0"${' '.repeat(300)}?><!-- encoding="ISO-8859-1" -->`,
    );
    const findings = parseGop(latin1(text)).findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-003']);
    expect(findings[0]!.message).toContain('no encoding is declared, so UTF-8 applies');
  });

  it('a declaration that never ends is a finding, whatever its length', () => {
    const open = latin1(`<?xml version="1.0"${' '.repeat(200_000)}`);
    expect(parseGop(open).findings.map((f) => f.ruleId)).toEqual(['GOP-INPUT-001']);
    const unsupported = latin1(declared(' '.repeat(300), 'EBCDIC'));
    expect(parseGop(unsupported).findings[0]).toMatchObject({ ruleId: 'GOP-INPUT-003', messageId: 'unsupportedEncoding' });
  });
});

// The receiving side (../shared/spec/receipts.md, "When to answer what"): createReceiver checks, answers and remembers;
// the same message again gets the same receipt again and is not processed twice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GopOptionsError, parseGop } from '../src/index';
import { matchReceipt, parseReceipt } from '../src/receipt/index';
import { createReceiver, memorySeenStore, type Received, type SeenStore, type StoredReceipt } from '../src/receipt/receiver';
import { FIXTURES_DIR } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`);
const read = parseGop(new Uint8Array(MIN));
if (!read.ok) throw new Error('minimal.xml does not read');
const OURS = read.message.rehabilitationPlan.receiver.eanIdentifier!;
const OTHER = '5790000000005';
const at = (n: number) => ({ receivedAt: '2019-03-05T10:20', receiptIdentifier: `R${n}` });
const fixture = (path: string) => new Uint8Array(readFileSync(`${FIXTURES_DIR}${path}`));

/**
 * A table with a unique key, as a database keeps it: each statement takes a while (the claims of simultaneous
 * deliveries overlap) but is atomic. `plainInsert`: the claim is an INSERT that fails on the unique key, caught, then a
 * SELECT; otherwise INSERT … ON CONFLICT DO NOTHING RETURNING, then a SELECT when no row came back.
 */
class SeenTable {
  readonly rows = new Map<string, string>();
  constructor(private readonly plainInsert = false) {}
  private async statement<T>(run: () => T): Promise<T> {
    await new Promise((resolve) => setTimeout(resolve, 2));
    return run();
  }
  /** INSERT … ON CONFLICT (key) DO NOTHING RETURNING key: the rows inserted. */
  private insertOrNothing(key: string, row: string) {
    return this.statement(() => {
      if (this.rows.has(key)) return 0;
      this.rows.set(key, row);
      return 1;
    });
  }
  /** A plain INSERT: the unique key refuses a second row. */
  private insert(key: string, row: string) {
    return this.statement(() => {
      if (this.rows.has(key))
        throw Object.assign(new Error('duplicate key value violates unique constraint "seen_pkey"'), { code: '23505' });
      this.rows.set(key, row);
    });
  }
  private select(key: string) {
    return this.statement(() => this.rows.get(key));
  }
  store(): SeenStore {
    return {
      claim: async (key, value) => {
        const row = JSON.stringify(value);
        if (this.plainInsert) {
          try {
            await this.insert(key, row);
            return undefined;
          } catch (error) {
            if ((error as { code?: string }).code !== '23505') throw error;
          }
        } else if ((await this.insertOrNothing(key, row)) === 1) return undefined;
        return JSON.parse((await this.select(key))!) as StoredReceipt;
      },
    };
  }
}

/** Exactly one delivery processed, every other a duplicate answered with its receipt, byte for byte. */
function expectOneProcessed(results: Received[]) {
  const processed = results.filter((r) => r.action === 'process');
  expect(processed).toHaveLength(1);
  const xml = processed[0]!.receipt!.xml;
  for (const other of results.filter((r) => r !== processed[0])) {
    expect(other.action).toBe('duplicate');
    expect(other.duplicate).toBe(true);
    expect(other.receipt?.xml).toBe(xml);
    expect(other.key).toBe(processed[0]!.key);
  }
}

/** The plan with another Envelope/Identifier (the first m100 Identifier of the fixtures). */
const withEnvelopeId = (plan: Uint8Array, id: string) =>
  Buffer.from(plan)
    .toString('utf8')
    .replace(/(<m+100:Identifier>)[^<]*/, `$1${id}`);

describe('createReceiver', () => {
  it('processes a good plan with a positive receipt, and answers the same bytes again with the same receipt, not processed', async () => {
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    const first = await receiver.receive(MIN, at(1));
    expect(first.action).toBe('process');
    expect(first.duplicate).toBe(false);
    expect(first.receipt?.kind).toBe('positive');
    expect(first.receipt?.xml).toContain('<PositiveReceipt>');
    expect(first.report.valid).toBe(true);

    // A new receipt identifier and time: the stored receipt still comes back byte for byte.
    const again = await receiver.receive(MIN, { receivedAt: '2019-03-06T08:00', receiptIdentifier: 'R2' });
    expect(again.action).toBe('duplicate');
    expect(again.duplicate).toBe(true);
    expect(again.receipt?.xml).toBe(first.receipt?.xml);
    expect(again.first?.action).toBe('process');
    expect(again.first?.receivedAt).toBe('2019-03-05T10:20');
    expect(again.key).toBe(first.key);
  });

  it('tells messages apart by envelope identifier, sender EAN and letter identifiers', async () => {
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    const text = MIN.toString('utf8');
    await receiver.receive(text, at(1));
    const otherEnvelope = text.replace('<mm100:Identifier>', '<mm100:Identifier>9');
    expect((await receiver.receive(otherEnvelope, at(2))).action).toBe('process');
    expect((await receiver.receive(otherEnvelope, at(3))).action).toBe('duplicate');
    // The same message as text or as bytes is the same message.
    expect((await receiver.receive(text, at(4))).action).toBe('duplicate');
  });

  it('refuses an invalid plan with a negative receipt, and answers it again with the same negative receipt', async () => {
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    const plan = fixture('invalid/GOP-STRUCT-001--patient-without-cpr.xml');
    const first = await receiver.receive(plan, at(1));
    expect(first.action).toBe('refused');
    expect(first.receipt?.kind).toBe('negative');
    expect(first.receipt?.refuseCode).toBe('syntaksfejl');
    const again = await receiver.receive(plan, at(2));
    expect(again.action).toBe('duplicate');
    expect(again.first?.action).toBe('refused');
    expect(again.receipt?.xml).toBe(first.receipt?.xml);
  });

  it('refuses a plan addressed to another location number: ukendt_lokationsnummer', async () => {
    const receiver = createReceiver({ ownLocationNumbers: [OTHER], seen: memorySeenStore() });
    const result = await receiver.receive(MIN, at(1));
    expect(result.action).toBe('refused');
    expect(result.receipt?.refuseCode).toBe('ukendt_lokationsnummer');
    expect(result.receipt?.xml).toContain('<RefuseCode>ukendt_lokationsnummer</RefuseCode>');
  });

  it('refuses bytes without readable identifiers with no receipt and the reason, remembers nothing, never throws', async () => {
    const sets: string[] = [];
    const seen: SeenStore = { claim: (key) => void sets.push(key) };
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen });
    for (const bytes of ['', 'not xml', new Uint8Array([0xff, 0xfe, 0x00, 0x3c]), '<!DOCTYPE x [<!ENTITY a "a">]><x/>', null as never]) {
      const result = await receiver.receive(bytes, at(1));
      expect(result.action).toBe('refused');
      expect(result.receipt).toBeUndefined();
      expect(result.duplicate).toBe(false);
      expect(result.reason).toBeTruthy();
    }
    expect(sets).toEqual([]);
  });

  it('processes a plan whose sender asked for no positive receipt (minuspositivkvitt), without a receipt, once', async () => {
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    const plan = MIN.toString('utf8').replace('pluspositivkvitt', 'minuspositivkvitt');
    const first = await receiver.receive(plan, at(1));
    expect(first.action).toBe('process');
    expect(first.receipt).toBeUndefined();
    const again = await receiver.receive(plan, at(2));
    expect(again.action).toBe('duplicate');
    expect(again.receipt).toBeUndefined();
  });

  it('works with an asynchronous store that serialises what it keeps, like a database table with a unique key', async () => {
    const table = new SeenTable();
    const first = await createReceiver({ ownLocationNumbers: [OURS], seen: table.store() }).receive(MIN, at(1));
    expect(first.action).toBe('process');
    expect(table.rows.size).toBe(1);
    // A receiver started afresh on the same table (a restart) still recognises the message.
    const again = await createReceiver({ ownLocationNumbers: [OURS], seen: table.store() }).receive(MIN, at(2));
    expect(again.action).toBe('duplicate');
    expect(again.receipt?.xml).toBe(first.receipt?.xml);
    expect(again.first).toEqual(JSON.parse(table.rows.get(first.key!)!));
    expect(table.rows.size).toBe(1);
  });

  it('passes what the store throws on, and refuses options it cannot use with GopOptionsError', async () => {
    const broken: SeenStore = { claim: () => Promise.reject(new Error('database down')) };
    await expect(createReceiver({ ownLocationNumbers: [OURS], seen: broken }).receive(MIN, at(1))).rejects.toThrow('database down');
    expect(() => createReceiver({ ownLocationNumbers: [], seen: memorySeenStore() })).toThrow(GopOptionsError);
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: {} as never })).toThrow(/seen: a store with claim\(key, value\)/);
    // A store of the get/set kind is refused with what to do instead, not used with its race.
    const getSet = { get: () => undefined, set: () => undefined };
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: getSet as never })).toThrow(/get and set are no longer used/);
    // A claim answering "inserted: true" would make every plan a duplicate: refused, not taken for a stored receipt.
    const boolean = { claim: () => true } as never as SeenStore;
    await expect(createReceiver({ ownLocationNumbers: [OURS], seen: boolean }).receive(MIN, at(1))).rejects.toThrow(
      /seen\.claim: must return/,
    );
    // null is "no row": claimed.
    const nullish = { claim: () => null } as never as SeenStore;
    expect((await createReceiver({ ownLocationNumbers: [OURS], seen: nullish }).receive(MIN, at(1))).action).toBe('process');
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore(), extra: 1 } as never)).toThrow(
      /extra: unknown option/,
    );
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore(), check: { maxBytes: -1 } })).toThrow(GopOptionsError);
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    await expect(receiver.receive(MIN, { receivedAt: 'yesterday', receiptIdentifier: 'R1' })).rejects.toThrow(GopOptionsError);
  });
});

describe('createReceiver: two deliveries of one message at the same moment', () => {
  it('memorySeenStore: exactly one is processed, the other is a duplicate with the byte-identical receipt', async () => {
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    const results = await Promise.all([receiver.receive(MIN, at(1)), receiver.receive(MIN, at(2))]);
    expectOneProcessed(results);
    // The duplicate's receipt is the first's, not one of its own identifier R2.
    expect(results[1]!.receipt?.xml).toContain('R1');
    expect(results[1]!.receipt?.xml).not.toContain('R2');
    const five = await Promise.all([3, 4, 5, 6, 7].map((n) => receiver.receive(MIN, at(n))));
    expect(five.every((r) => r.action === 'duplicate' && r.receipt?.xml === results[0]!.receipt?.xml)).toBe(true);
  });

  it('a slow asynchronous store with an atomic claim (INSERT … ON CONFLICT DO NOTHING): exactly one is processed', async () => {
    const table = new SeenTable();
    // Two receivers on one table: two processes of one receiving system.
    const a = createReceiver({ ownLocationNumbers: [OURS], seen: table.store() });
    const b = createReceiver({ ownLocationNumbers: [OURS], seen: table.store() });
    const results = await Promise.all([a.receive(MIN, at(1)), b.receive(MIN, at(2)), a.receive(MIN, at(3)), b.receive(MIN, at(4))]);
    expectOneProcessed(results);
    expect(table.rows.size).toBe(1);
    // The duplicates' entry is the stored one: what was done the first time.
    const winner = results.find((r) => r.action === 'process')!;
    for (const r of results) if (r !== winner) expect(r.first?.action).toBe('process');
  });

  it('a store whose plain INSERT fails on the unique key, caught in claim: the second delivery is a duplicate, not an error', async () => {
    const table = new SeenTable(true);
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: table.store() });
    const plan = fixture('invalid/GOP-STRUCT-001--patient-without-cpr.xml');
    const results = await Promise.all([receiver.receive(plan, at(1)), receiver.receive(plan, at(2))]);
    const [refused, duplicate] = results[0]!.action === 'refused' ? results : [results[1]!, results[0]!];
    expect(refused!.action).toBe('refused');
    expect(refused!.receipt?.kind).toBe('negative');
    expect(duplicate!.action).toBe('duplicate');
    expect(duplicate!.receipt?.xml).toBe(refused!.receipt?.xml);
    expect(duplicate!.first?.action).toBe('refused');
  });

  it('claims nothing for a message refused without a receipt: the next try is checked afresh', async () => {
    const claims: string[] = [];
    const seen: SeenStore = { claim: (key) => void claims.push(key) };
    const none = () => ({ kind: 'none' as const, reason: 'our own trouble' });
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen, policy: none });
    for (const n of [1, 2]) {
      const result = await receiver.receive(MIN, at(n));
      expect(result.action).toBe('refused');
      expect(result.receipt).toBeUndefined();
      expect(result.reason).toBe('our own trouble');
      expect(result.key).toBeTruthy();
    }
    expect(claims).toEqual([]);
    // What is claimed is the whole StoredReceipt.
    const stored: StoredReceipt[] = [];
    await createReceiver({ ownLocationNumbers: [OURS], seen: { claim: (_key, value) => void stored.push(value) } }).receive(MIN, at(3));
    expect(stored).toEqual([
      {
        action: 'process',
        decision: { kind: 'positive' },
        receivedAt: '2019-03-05T10:20',
        receipt: expect.objectContaining({ kind: 'positive' }),
      },
    ]);
  });
});

describe('createReceiver with check: { redact: true }: keys and receipts from the real identifiers', () => {
  const cases = [
    // a date and a counter: the length of a CPR number, so a placeholder when redacted
    { what: 'CPR-like', plan: MIN, ids: ['0503191234', '0503195678'], masked: '[masked, 10 characters]' },
    // the sender's and the patient's telephone numbers in the plan itself: a placeholder
    { what: 'phone-like', plan: fixture('valid/almen-hoftefraktur.xml'), ids: ['78452310', '86142231'], masked: '[masked, 8 characters]' },
  ];
  for (const { what, plan, ids, masked } of cases) {
    it(`two plans with ${what} envelope identifiers are both processed, each receipt naming its own identifier`, async () => {
      const read = parseGop(plan);
      if (!read.ok) throw new Error('the fixture does not read');
      const own = read.message.rehabilitationPlan.receiver.eanIdentifier!;
      const receiver = createReceiver({ ownLocationNumbers: [own], seen: memorySeenStore(), check: { redact: true } });
      const plans = ids.map((id) => withEnvelopeId(plan, id));
      const results = [await receiver.receive(plans[0]!, at(1)), await receiver.receive(plans[1]!, at(2))];
      expect(results.map((r) => r.action)).toEqual(['process', 'process']);
      expect(results[0]!.key).not.toBe(results[1]!.key);
      ids.forEach((id, i) => {
        const result = results[i]!;
        // The caller's report is redacted as asked: the identifier shows why the key must not come from it.
        expect(result.report.redacted).toBe(true);
        expect(result.report.original?.envelopeIdentifier).toBe(masked);
        const receipt = parseReceipt(result.receipt!.xml);
        expect(receipt.originalEnvelopeIdentifier).toBe(id);
        expect(result.receipt!.xml).not.toContain(masked);
        expect(matchReceipt(receipt, plans[i]!)).toEqual({ matches: true });
        expect(result.key).toContain(id);
      });
      // The same plan again is still recognised.
      const again = await receiver.receive(plans[0]!, at(3));
      expect(again.action).toBe('duplicate');
      expect(again.receipt?.xml).toBe(results[0]!.receipt?.xml);
      expect(again.report.redacted).toBe(true);
    });
  }

  it('gives the same receipt and key with and without redaction', async () => {
    const plan = withEnvelopeId(MIN, '0503191234');
    const plain = await createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() }).receive(plan, at(1));
    const redacted = await createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore(), check: { redact: true } }).receive(
      plan,
      at(1),
    );
    expect(redacted.receipt?.xml).toBe(plain.receipt?.xml);
    expect(redacted.key).toBe(plain.key);
    expect(plain.report.redacted).toBeUndefined();
    expect(JSON.stringify(redacted.report)).not.toContain('0512471830'); // the patient's CPR number
  });
});

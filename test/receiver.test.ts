// The receiving side (../shared/spec/receipts.md, "When to answer what"): createReceiver checks, answers and remembers;
// the same message again gets the same receipt again and is not processed twice.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GopOptionsError, parseGop } from '../src/index';
import { createReceiver, memorySeenStore, type SeenStore, type StoredReceipt } from '../src/receipt/receiver';
import { FIXTURES_DIR } from './helpers';

const MIN = readFileSync(`${FIXTURES_DIR}valid/minimal.xml`);
const read = parseGop(new Uint8Array(MIN));
if (!read.ok) throw new Error('minimal.xml does not read');
const OURS = read.message.rehabilitationPlan.receiver.eanIdentifier!;
const OTHER = '5790000000005';
const at = (n: number) => ({ receivedAt: '2019-03-05T10:20', receiptIdentifier: `R${n}` });
const fixture = (path: string) => new Uint8Array(readFileSync(`${FIXTURES_DIR}${path}`));

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
    const seen: SeenStore = { get: () => undefined, set: (key) => void sets.push(key) };
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

  it('works with an asynchronous store, which may serialise what it keeps', async () => {
    const table = new Map<string, string>();
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
    const seen: SeenStore = {
      async get(key) {
        await tick();
        const row = table.get(key);
        return row === undefined ? undefined : (JSON.parse(row) as StoredReceipt);
      },
      async set(key, value) {
        await tick();
        table.set(key, JSON.stringify(value));
      },
    };
    const first = await createReceiver({ ownLocationNumbers: [OURS], seen }).receive(MIN, at(1));
    expect(table.size).toBe(1);
    // A receiver started afresh on the same store (a restart) still recognises the message.
    const again = await createReceiver({ ownLocationNumbers: [OURS], seen }).receive(MIN, at(2));
    expect(again.action).toBe('duplicate');
    expect(again.receipt?.xml).toBe(first.receipt?.xml);
  });

  it('passes what the store throws on, and refuses options it cannot use with GopOptionsError', async () => {
    const broken: SeenStore = {
      get: () => Promise.reject(new Error('database down')),
      set: () => undefined,
    };
    await expect(createReceiver({ ownLocationNumbers: [OURS], seen: broken }).receive(MIN, at(1))).rejects.toThrow('database down');
    expect(() => createReceiver({ ownLocationNumbers: [], seen: memorySeenStore() })).toThrow(GopOptionsError);
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: {} as never })).toThrow(GopOptionsError);
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore(), extra: 1 } as never)).toThrow(
      /extra: unknown option/,
    );
    expect(() => createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore(), check: { maxBytes: -1 } })).toThrow(GopOptionsError);
    const receiver = createReceiver({ ownLocationNumbers: [OURS], seen: memorySeenStore() });
    await expect(receiver.receive(MIN, { receivedAt: 'yesterday', receiptIdentifier: 'R1' })).rejects.toThrow(GopOptionsError);
  });
});

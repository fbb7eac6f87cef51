import { z } from 'zod';
import { compileRoot, el, fixed, lines, text, type ChildSpec } from '../model/spec';
import { RECEIPT_ACKNOWLEDGEMENT_CODE, RECEIPT_LIMITS, RECEIPTS, REFUSE_CODES } from '../standard/receipts';
import { isIsoDate, isTime } from '../values/date';

/*
 * The receipt document of MedCom's 2005/08/07 schemas (../../../shared/spec/receipts.md, "The three receipts") in the
 * model DSL (src/model/spec.ts). Its keys are the element names and their order is the document's order: the spec
 * engine reads (readBySpec) and writes (writeBySpec) a receipt by it, and zod checks one, so order, cardinalities
 * (optional = [0..1], arrays = [0..n] with their maximum), lengths, fixed values and the closed RefuseCode list are
 * written here only.
 */

const { identifier, statisticalCode, originalVersionCode, originalLetters } = RECEIPT_LIMITS;
// Printable text: XML can carry other controls as references, a receipt's ids have no reason to.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const printable = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((v) => !CONTROL.test(v), { error: 'control characters are not allowed' });
const receipt = <T extends z.ZodType<string>>(name: string, value: T) => text('medcom2005', name, value);
const element = <T extends z.ZodType>(name: string, schema: T) => el('medcom2005', name, schema);

const Identifier = printable(identifier.min, identifier.max).describe('1–14 characters');
const Ean = z
  .string()
  .regex(/^\d{13}$/, { error: 'must be an EAN location number: 13 digits' })
  .describe('EAN location number, 13 digits');
const Party = z.strictObject({ EANIdentifier: receipt('EANIdentifier', Ean) });
const party = (name: string, description?: string) => element(name, description ? Party.describe(description) : Party);

const ReceiptEnvelopeSchema = element(
  'Envelope',
  z.strictObject({
    Sent: element(
      'Sent',
      z.strictObject({
        Date: receipt('Date', z.string().refine(isIsoDate, { error: 'must be a date, YYYY-MM-DD' })),
        Time: receipt(
          'Time',
          z.string().refine((v) => /^\d{2}:\d{2}$/.test(v) && isTime(v), { error: 'must be a time, hh:mm' }),
        ),
      }),
    ),
    Identifier: receipt('Identifier', Identifier),
    AcknowledgementCode: fixed('medcom2005', 'AcknowledgementCode', RECEIPT_ACKNOWLEDGEMENT_CODE).describe(
      'a receipt is never itself acknowledged',
    ),
  }),
);

const RefuseCode = receipt('RefuseCode', z.enum(REFUSE_CODES));
const RefuseText = lines('medcom2005', 'RefuseText', printable(1, 2000).describe('short Danish text, no personal data'));

/**
 * RefuseCode and RefuseText, on negative receipts only. Typed as present on both: a conditional spread's type has
 * optional keys (`RefuseCode?: … | undefined`), which zod's shape constraint rejects in the published declarations for
 * users with exactOptionalPropertyTypes (TS2344). The data type is the same either way: both fields optional.
 */
const refusal = (negative: boolean) =>
  (negative ? { RefuseCode: RefuseCode.optional(), RefuseText: RefuseText.optional() } : {}) as {
    RefuseCode: z.ZodOptional<typeof RefuseCode>;
    RefuseText: z.ZodOptional<typeof RefuseText>;
  };

const originalLetter = (negative: boolean) =>
  element(
    'OriginalLetter',
    z.strictObject({
      OriginalLetterIdentifier: receipt('OriginalLetterIdentifier', Identifier),
      OriginalVersionCode: receipt('OriginalVersionCode', printable(originalVersionCode.min, originalVersionCode.max)),
      ...refusal(negative),
    }),
  );

const originalEmessage = (negative: boolean) =>
  element(
    'OriginalEmessage',
    z.strictObject({
      OriginalEnvelopeIdentifier: receipt('OriginalEnvelopeIdentifier', Identifier),
      OriginalSender: party('OriginalSender'),
      OriginalReceiver: party('OriginalReceiver'),
      ...refusal(negative),
      OriginalLetter: z.array(originalLetter(negative)).max(originalLetters),
    }),
  );

const receiptBody = <V extends string>(name: string, versionCode: V, negative: boolean) =>
  element(
    name,
    z.strictObject({
      Letter: element(
        'Letter',
        z.strictObject({
          Identifier: receipt('Identifier', Identifier),
          VersionCode: fixed('medcom2005', 'VersionCode', versionCode),
          StatisticalCode: receipt('StatisticalCode', printable(statisticalCode.min, statisticalCode.max)),
        }),
      ),
      Sender: party('Sender', 'the original message’s receiver'),
      Receiver: party('Receiver', 'the original message’s sender'),
      OriginalEmessage: originalEmessage(negative),
    }),
  );

const { positive, negative, negativeVans } = RECEIPTS;
const PositiveReceiptSchema = receiptBody(positive.element, positive.versionCode, false);
const NegativeReceiptSchema = receiptBody(negative.element, negative.versionCode, true);
/** Assumed: the same shape as NegativeReceipt (the network layer's refusal). */
const NegativeVansReceiptSchema = receiptBody(negativeVans.element, negativeVans.versionCode, true);

/** Emessage (2005/08/07): Envelope, then exactly one receipt. */
export const ReceiptMessageSchema = element(
  'Emessage',
  z
    .strictObject({
      Envelope: ReceiptEnvelopeSchema,
      PositiveReceipt: PositiveReceiptSchema.optional(),
      NegativeReceipt: NegativeReceiptSchema.optional(),
      NegativeVansReceipt: NegativeVansReceiptSchema.optional(),
    })
    .refine((m) => [m.PositiveReceipt, m.NegativeReceipt, m.NegativeVansReceipt].filter((r) => r !== undefined).length === 1, {
      error: 'an Emessage carries exactly one receipt',
    }),
);
export type ReceiptMessage = z.infer<typeof ReceiptMessageSchema>;

let receiptRoot: ChildSpec | undefined;
/**
 * The receipt document compiled: Envelope and the three receipts, each [0..1] here (exactly one is the schema's
 * refinement). Compiled when first needed (reading or writing a receipt), not at every start.
 */
export const receiptMessageSpec = (): ChildSpec => (receiptRoot ??= compileRoot(ReceiptMessageSchema));

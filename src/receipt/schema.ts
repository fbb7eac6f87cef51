import { z } from 'zod';
import { RECEIPT_ACKNOWLEDGEMENT_CODE, RECEIPT_LIMITS, RECEIPTS, REFUSE_CODES } from '../standard/receipts';
import { isIsoDate, isTime } from '../values/date';

/*
 * The receipt document of MedCom's 2005/08/07 schemas (../../../shared/spec/receipts.md, "The three receipts") as one
 * zod schema. Its keys are the element names and their order is the document's order: the writer serialises a receipt
 * from this schema's shapes, and the reader binds one by them, so order, cardinalities (optional = [0..1], arrays =
 * [0..n] with their maximum), lengths, fixed values and the closed RefuseCode list are written here only.
 */

const { identifier, statisticalCode, originalVersionCode, originalLetters } = RECEIPT_LIMITS;
// Printable text: XML can carry other controls as references, a receipt's ids have no reason to.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((v) => !CONTROL.test(v), { error: 'control characters are not allowed' });
const Identifier = text(identifier.min, identifier.max).describe('1–14 characters');
const Ean = z
  .string()
  .regex(/^\d{13}$/, { error: 'must be an EAN location number: 13 digits' })
  .describe('EAN location number, 13 digits');
const Party = z.strictObject({ EANIdentifier: Ean });

const ReceiptEnvelopeSchema = z.strictObject({
  Sent: z.strictObject({
    Date: z.string().refine(isIsoDate, { error: 'must be a date, YYYY-MM-DD' }),
    Time: z.string().refine((v) => /^\d{2}:\d{2}$/.test(v) && isTime(v), { error: 'must be a time, hh:mm' }),
  }),
  Identifier,
  AcknowledgementCode: z.literal(RECEIPT_ACKNOWLEDGEMENT_CODE).describe('a receipt is never itself acknowledged'),
});

const RefuseCode = z.enum(REFUSE_CODES);
const RefuseText = text(1, 2000).describe('short Danish text, no personal data');

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
  z.strictObject({
    OriginalLetterIdentifier: Identifier,
    OriginalVersionCode: text(originalVersionCode.min, originalVersionCode.max),
    ...refusal(negative),
  });

const originalEmessage = (negative: boolean) =>
  z.strictObject({
    OriginalEnvelopeIdentifier: Identifier,
    OriginalSender: Party,
    OriginalReceiver: Party,
    ...refusal(negative),
    OriginalLetter: z.array(originalLetter(negative)).max(originalLetters),
  });

const receiptBody = (versionCode: string, negative: boolean) =>
  z.strictObject({
    Letter: z.strictObject({
      Identifier,
      VersionCode: z.literal(versionCode),
      StatisticalCode: text(statisticalCode.min, statisticalCode.max),
    }),
    Sender: Party.describe('the original message’s receiver'),
    Receiver: Party.describe('the original message’s sender'),
    OriginalEmessage: originalEmessage(negative),
  });

const PositiveReceiptSchema = receiptBody(RECEIPTS.positive.versionCode, false);
const NegativeReceiptSchema = receiptBody(RECEIPTS.negative.versionCode, true);
/** Assumed: the same shape as NegativeReceipt (the network layer's refusal). */
const NegativeVansReceiptSchema = receiptBody(RECEIPTS.negativeVans.versionCode, true);

/** Emessage (2005/08/07): Envelope, then exactly one receipt. */
export const ReceiptMessageSchema = z
  .strictObject({
    Envelope: ReceiptEnvelopeSchema,
    PositiveReceipt: PositiveReceiptSchema.optional(),
    NegativeReceipt: NegativeReceiptSchema.optional(),
    NegativeVansReceipt: NegativeVansReceiptSchema.optional(),
  })
  .refine((m) => [m.PositiveReceipt, m.NegativeReceipt, m.NegativeVansReceipt].filter((r) => r !== undefined).length === 1, {
    error: 'an Emessage carries exactly one receipt',
  });
export type ReceiptMessage = z.infer<typeof ReceiptMessageSchema>;

/** The shape the reader binds by: an object schema's keys in document order, optional and arrays unwrapped. */
interface ShapeChild {
  name: string;
  optional: boolean;
  many: boolean;
  /** the element's own shape when it holds elements; undefined for a text value */
  shape: Shape | undefined;
}
export type Shape = ShapeChild[];

const shapes = new WeakMap<z.ZodType, Shape>();

/** The children of an object schema as the document has them (computed once per schema). */
function shapeOf(schema: z.ZodType): Shape | undefined {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return undefined;
  let shape = shapes.get(inner);
  if (!shape) {
    shape = Object.entries(inner.shape as Record<string, z.ZodType>).map(([name, child]) => {
      const optional = child instanceof z.ZodOptional;
      const base = (optional ? (child as z.ZodOptional).unwrap() : child) as z.ZodType;
      const many = base instanceof z.ZodArray;
      return { name, optional: optional || many, many, shape: shapeOf(many ? (base as z.ZodArray<z.ZodType>).element : base) };
    });
    shapes.set(inner, shape);
  }
  return shape;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional) s = s.unwrap() as unknown as z.ZodType;
    else return s;
  }
}

/** The root's shape: Envelope and the three receipts, each [0..1] here (exactly one is the schema's refinement). */
export const RECEIPT_MESSAGE_SHAPE: Shape = shapeOf(ReceiptMessageSchema)!;

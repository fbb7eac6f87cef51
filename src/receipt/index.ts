/**
 * `medcom-gop/receipts`: MedCom receipts (XCTL, the 2005/08/07 schemas) for G-GOP plans: deciding what to answer a
 * plan (decide.ts), writing the receipt (write.ts), reading one back (read.ts), matching it to its plan (match.ts),
 * and a receiver that checks, answers and remembers each message (receiver.ts: the same message again gets the same
 * receipt again). The receipt's structure is one zod schema (schema.ts); its codes are in src/standard/receipts.ts.
 */
export { REFUSE_CODES, RECEIPTS, RECEIPT_KINDS, GGOP_VERSION_CODE, type RefuseCode, type ReceiptKind } from '../standard/receipts';
export type { OriginalIds } from '../read/original';
export { OriginalIdsSchema } from '../read/original';
export { decideReceipt, defaultReceiptPolicy, type ReceiptDecision, type ReceiptPolicy } from './decide';
export { receiptFor, type ReceiptOptions, type ReceiptResult } from './write';
export { parseReceipt, type ParsedReceipt } from './read';
export { matchReceipt } from './match';
export { ReceiptMessageSchema, type ReceiptMessage } from './schema';
export { ReceiptOptionsSchema } from './options';
export {
  createReceiver,
  memorySeenStore,
  type Receiver,
  type ReceiverOptions,
  type ReceiveOptions,
  type Received,
  type SeenStore,
  type StoredReceipt,
} from './receiver';

import { z } from 'zod';
import { GopOptionsError, kindOf, type OptionsIssue } from '../options/index';
import type { CheckOptions } from '../report/options';
import { RECEIPT_LIMITS } from '../standard/receipts';
import { isIsoDate, isTime } from '../values/date';
import type { ReceiptPolicy } from './decide';

/*
 * The options of decideReceipt and receiptFor. Like every option of the library, a bad one is the caller's mistake:
 * GopOptionsError listing every problem, naming values by kind (an option could hold a CPR number by mistake).
 */

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const { min, max } = RECEIPT_LIMITS.identifier;

const LocationNumbers = z
  .array(z.string().regex(/^\d{13}$/, { error: 'each must be an EAN location number, 13 digits' }), {
    error: (issue) => `must be an array of EAN location numbers (13 digits each), not ${kindOf(issue.input)}`,
  })
  .optional();
const Policy = z
  .custom<ReceiptPolicy>((v) => typeof v === 'function', {
    error: (issue) => `must be a function (report, ownLocationNumbers) → decision, not ${kindOf(issue.input)}`,
  })
  .optional();

const DecideOptionsSchema = z.strictObject({ ownLocationNumbers: LocationNumbers, policy: Policy });

/** YYYY-MM-DDThh:mm, a real date and time: Envelope/Sent of the receipt. */
const isSentAt = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) && isIsoDate(v.slice(0, 10)) && isTime(v.slice(11));

export const ReceiptOptionsSchema = z.strictObject({
  receiptIdentifier: z
    .string({ error: (issue) => `must be the receipt's Envelope/Identifier (1–14 characters), not ${kindOf(issue.input)}` })
    .refine((v) => v.length >= min && v.length <= max && !CONTROL.test(v) && v.trim() === v, {
      error: `must be ${min}–${max} characters, without control characters or surrounding spaces (the receipt's Envelope/Identifier)`,
    }),
  sentAt: z
    .string({ error: (issue) => `must be the receipt's Envelope/Sent as YYYY-MM-DDThh:mm, not ${kindOf(issue.input)}` })
    .refine(isSentAt, { error: 'must be YYYY-MM-DDThh:mm, a real date and time (the library reads no clock)' }),
  ownLocationNumbers: LocationNumbers,
  statisticalCode: z
    .string({ error: (issue) => `must be text, not ${kindOf(issue.input)}` })
    .refine((v) => v.length >= 1 && v.length <= RECEIPT_LIMITS.statisticalCode.max && !CONTROL.test(v) && v.trim() === v, {
      error: `must be 1–${RECEIPT_LIMITS.statisticalCode.max} characters without control characters or surrounding spaces`,
    })
    .optional(),
  policy: Policy,
  // checkGop checks these itself (and throws its own GopOptionsError)
  check: z
    .custom<CheckOptions>((v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)), {
      error: (issue) => `must be checkGop's options (an object), not ${kindOf(issue.input)}`,
    })
    .optional(),
});

function checked<S extends z.ZodType>(schema: S, options: unknown, functionName: string, required: boolean): z.output<S> {
  if ((options === undefined || options === null) && !required) return {} as z.output<S>;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new GopOptionsError(functionName, [{ path: '', message: `options must be an object, not ${kindOf(options)}` }]);
  }
  // Own properties only, and undefined is the default.
  const own = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined && v !== null));
  const parsed = schema.safeParse(own);
  if (parsed.success) return parsed.data;
  const issues: OptionsIssue[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) issues.push({ path: key, message: 'unknown option' });
    else issues.push({ path, message: issue.message });
  }
  throw new GopOptionsError(functionName, issues);
}

export const checkDecideOptions = (options: unknown, functionName: string) => checked(DecideOptionsSchema, options, functionName, false);
export const checkReceiptOptions = (options: unknown) => checked(ReceiptOptionsSchema, options, 'receiptFor', true);

// The bench's inputs, made by the builder: plans of a given size (the base message with many journal excerpts, as long
// discharge letters have) and many distinct messages from the valid fixtures (own ids and patients).
import { readdirSync, readFileSync } from 'node:fs';
import * as gop from '../../dist/index.js';
import { config } from './config.mjs';

export const KB = 1024;
export const baseBytes = readFileSync(config.base.url);
export const kb = (bytes) => (bytes < 1000 * KB ? `${Math.round(bytes / KB)} KB` : `${(bytes / KB / KB).toFixed(1)} MB`);

/** The text of a message as a caller who decoded it holds it: UTF-8 decoded, no BOM. */
export const textOf = (bytes) => new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);

const baseModel = gop.parseGop(baseBytes).message;
const excerpt = {
  typeOfExcerpt: 'Uddrag af journalnotat',
  comment: gop.formattedText(
    'Patienten mobiliseret med fysioterapeut. Går 20 meter med rollator, trapper med støtte.\nAftalt videre træning i kommunalt regi.',
  ),
};

/** The base plan with `n` journal excerpts, built (pretty-printed) to bytes. */
export function planWithExcerpts(n) {
  const model = structuredClone(baseModel);
  model.rehabilitationPlan.journalExcerpt = Array.from({ length: n }, () => excerpt);
  return gop.buildGopBytes(model, { pretty: true });
}

const [one, hundred] = [planWithExcerpts(1).length, planWithExcerpts(101).length];
/** The plan nearest `bytes` in size (at least one excerpt): excerpts are all alike, so the size is linear in their count. */
export function planOfSize(bytes) {
  return planWithExcerpts(Math.max(1, 1 + Math.round(((bytes - one) * 100) / (hundred - one))));
}

const templates = readdirSync(config.validDir)
  .filter((f) => f.endsWith('.xml'))
  .sort()
  .map((f) => gop.parseGop(readFileSync(new URL(f, config.validDir))).message);
export const templateCount = templates.length;

/** Message `i` of a batch: a valid fixture's model with its own message id, letter id and patient; every fourth in ISO-8859-1. */
export function batchMessage(i, { letterId } = {}) {
  const message = structuredClone(templates[i % templates.length]);
  message.envelope.identifier = String(10_000_000 + i);
  if (letterId) message.rehabilitationPlan.letter.identifier = letterId;
  const day = String(1 + (i % 28)).padStart(2, '0');
  message.rehabilitationPlan.patient.civilRegistrationNumber = `${day}0${1 + (i % 9)}${String(40 + (i % 50)).padStart(2, '0')}${String(1000 + (i % 8999)).slice(-4)}`;
  return message;
}

export const batchBytes = (message, i) =>
  gop.buildGopBytes(message, { encoding: i % 4 === 0 ? 'ISO-8859-1' : 'UTF-8', pretty: i % 2 === 0 });

/** The templates themselves (the summarizePlans section reads their facts). */
export const templateMessages = () => templates;

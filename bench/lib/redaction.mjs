// Redaction linear in findings and personal values (issue 12: 8,000 findings took 4.4 s, 40,000 took 298 s).
import { readFileSync } from 'node:fs';
import * as gop from '../../dist/index.js';
import { config } from './config.mjs';
import { heading, median, timeOnce } from './measure.mjs';

export function runRedaction() {
  heading('Redaction linearity');
  const base = gop.parseGop(readFileSync(config.minimal)).message;
  const rows = [];
  for (const count of config.redactionFindings) {
    // every relative a personal value (name, phone) and a finding that quotes it (a phone number that is none)
    const message = structuredClone(base);
    message.rehabilitationPlan.relatives = {
      relative: Array.from({ length: count }, (_, i) => ({
        relationCode: 'datter',
        personGivenName: `Navn${i}`,
        personSurnameName: 'Ølgaard',
        telephoneSubscriber: [{ telephoneSubscriberIdentifier: `${String(20_000_000 + i * 7).replace(/(..)(?=.)/g, '$1 ')} x` }],
      })),
    };
    const time = (redact) => median(Array.from({ length: 3 }, () => timeOnce(() => gop.checkGop(message, { redact }))));
    const off = time(false);
    const on = time(true);
    rows.push({
      findings: count,
      'checkGop(model) ms': off.toFixed(0),
      'with redact ms': on.toFixed(0),
      'redaction ms': (on - off).toFixed(0),
      'µs/finding': (((on - off) * 1000) / count).toFixed(1),
    });
  }
  console.log('checkGop of a model with and without redact, each finding quoting a personal value (median of 3)');
  console.table(rows);
}

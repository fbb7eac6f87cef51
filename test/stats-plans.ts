// A small generated set of plans for `gop stats` and the HTML report, with its starts file: the plans are built with
// buildGop from chosen levels, discharge dates, senders and letter ids, and the expected counts are worked out here
// from those choices (plain loops, not the code under test).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GopMessage } from '../src/model/schema';
import { parseGop } from '../src/read/parse';
import { buildGop } from '../src/write/build';
import { FIXTURES_DIR } from './helpers';

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const SENDERS = [
  { ean: '5790002658419', name: 'Aarhus Universitetshospital' },
  { ean: '5790001354145', name: 'Odense Universitetshospital' },
];

type Level = 'almen' | 'specialiseret' | 'rehabilitering';
export interface Plan {
  level: Level;
  discharge: string;
  senderEan: string;
  senderName: string;
  letterId: string;
  /** days from discharge to the start, in the starts file; undefined: no row */
  startedAfter?: number;
  decidedLevel?: 'basal' | 'avanceret';
}

const LEVELS: Level[] = ['almen', 'almen', 'specialiseret', 'rehabilitering'];

/** `count` plans, four a month from January 2024: almen, almen, specialiseret, rehabilitering. */
export function choosePlans(count: number): Plan[] {
  return Array.from({ length: count }, (_, i) => {
    const month = Math.floor(i / 4) + 1;
    const level = LEVELS[i % 4]!;
    const sender = SENDERS[i % 2]!;
    return {
      level,
      discharge: `2024-${String(month).padStart(2, '0')}-${String(3 + (i % 4) * 5).padStart(2, '0')}`,
      senderEan: sender.ean,
      senderName: sender.name,
      letterId: `00${5000 + i}`,
      // a row for almen and rehabilitering (0 to 12 days after discharge), but none for plan 1, 13, 25 …; none for specialiseret
      ...(level === 'specialiseret' || i % 12 === 1 ? {} : { startedAfter: (i * 5) % 13 }),
      ...(level === 'almen' && i % 12 !== 1 ? { decidedLevel: i % 8 === 0 ? ('avanceret' as const) : ('basal' as const) } : {}),
    };
  });
}

const base = (() => {
  const read = parseGop(readFileSync(`${FIXTURES_DIR}valid/almen-hoftefraktur.xml`));
  if (!read.ok) throw new Error('almen-hoftefraktur.xml does not read');
  return read.message;
})();

/** The plan as XML: no deadline, so the guarantee counts from the discharge. */
export function planXml(p: Plan): string {
  const m = structuredClone(base) as GopMessage;
  const plan = m.rehabilitationPlan;
  plan.typeOfRehabilitationPlan = p.level;
  plan.letter.identifier = p.letterId;
  plan.letter.authorisation.date = p.discharge;
  plan.sender.eanIdentifier = p.senderEan;
  plan.sender.organisationName = p.senderName;
  (plan.currentHospitalContact as { expectedEnd?: { date: string; time?: string } }).expectedEnd = { date: p.discharge, time: '11:00' };
  delete (plan as { rehabilitationDeadline?: string }).rehabilitationDeadline;
  return buildGop(m);
}

/** The starts file as a spreadsheet exports it: `;`, dates DD-MM-YYYY, a header. */
export function startsCsv(plans: readonly Plan[]): string {
  const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  const rows = plans
    .filter((p) => p.startedAfter !== undefined)
    .map((p) => [p.letterId, p.senderEan, p.decidedLevel ?? '', '', dmy(addDays(p.discharge, p.startedAfter!))].join(';'));
  return ['letterIdentifier;senderEan;decidedLevel;offeredStart;started', ...rows, ''].join('\r\n');
}

/** Writes the plans (plan-NN.xml) into `folder`, and the starts file beside it; the paths. */
export function writePlans(folder: string, plans: readonly Plan[]): { plans: string; starts: string } {
  const dir = join(folder, 'plans');
  mkdirSync(dir, { recursive: true });
  plans.forEach((p, i) => writeFileSync(join(dir, `plan-${String(i).padStart(2, '0')}.xml`), planXml(p)));
  const starts = join(folder, 'starts.csv');
  writeFileSync(starts, startsCsv(plans));
  return { plans: dir, starts };
}

/** The answers, from the choices: plans per month and level, the basal/avanceret split, the guarantee (7 days). */
export function expected(plans: readonly Plan[]) {
  const periods = new Map<string, { almen: number; specialiseret: number; rehabilitering: number; basal: number; avanceret: number }>();
  let within = 0;
  let late = 0;
  let notStarted = 0;
  const days = new Map<number, number>();
  for (const p of plans) {
    const key = p.discharge.slice(0, 7);
    const row = periods.get(key) ?? { almen: 0, specialiseret: 0, rehabilitering: 0, basal: 0, avanceret: 0 };
    row[p.level]++;
    if (p.decidedLevel) row[p.decidedLevel]++;
    periods.set(key, row);
    if (p.level === 'specialiseret') continue; // the guarantee applies to almen and rehabilitering
    if (p.startedAfter === undefined) notStarted++;
    else {
      if (p.startedAfter <= 7) within++;
      else late++;
      days.set(p.startedAfter, (days.get(p.startedAfter) ?? 0) + 1);
    }
  }
  return {
    periods,
    guarantee: { applies: within + late + notStarted, startedWithin: within, startedLate: late, notStarted },
    histogram: [...days].sort(([a], [b]) => a - b).map(([d, n]) => ({ days: d, plans: n })),
  };
}

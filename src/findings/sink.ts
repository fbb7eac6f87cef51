import type { Finding, FindingCollector, Severity } from './finding';

/*
 * The one finding sink: every entry point (parseGop, checkGop and what builds on them) gives its findings to one, with
 * one policy — severity settings first ('off' takes no place), then the first `max` in the report's order (line,
 * column, layer, as produced), the rest counted by severity and named by one finding at the end.
 */

/** A rule's severity as an option: 'off' drops its findings. 'fatal' is no setting: it belongs to the rules that stop reading. */
export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
/** Counts per severity. */
export type SeverityCounts = Record<Severity, number>;

/** How the sink names what it left out: the rule that says so, and its finding. */
export interface TooMany {
  ruleId: string;
  severity: Severity;
  make(shown: number, omitted: SeverityCounts, severity: Severity): Finding;
}

const LAYER_ORDER = { input: 0, structure: 1, format: 2, code: 3, law: 4 } as const;
/** A rule's layer from its id (GOP-<LAYER>-nnn; test/catalogue.test.ts holds every id to it): no catalogue needed here. */
const LAYER_OF_ID: Record<string, number> = { INPUT: 0, STRUCT: 1, FORMAT: 2, CODE: 3, LAW: 4 };
const layerOf = (ruleId: string): number => LAYER_OF_ID[ruleId.split('-')[1] ?? ''] ?? LAYER_ORDER.law;

/** A finding offered to a report: its place in the report's order, and how to make it once it is kept. */
interface Entry {
  line: number;
  column: number;
  layer: number;
  seq: number;
  severity: Severity;
  make: () => Finding;
}

/** The report's order: line, column, layer, then as produced; without a line (0) first. */
const compare = (a: Entry, b: Entry) => a.line - b.line || a.column - b.column || a.layer - b.layer || a.seq - b.seq;
const before = (a: Entry, b: Entry) => compare(a, b) < 0;

/**
 * The findings of one report as they are produced. Severity settings come first ('off' takes no place); then the
 * first `max` in the report's order are kept, in a heap whose top is the last of them, and any other is only counted.
 * A finding's texts are rendered (makeFinding) only when it is still kept at the end, so the many left out of a
 * hostile message cost a comparison each, and memory stays at `max` entries.
 */
export class FindingSink implements FindingCollector {
  readonly counts: SeverityCounts = { fatal: 0, error: 0, warning: 0, info: 0 };
  readonly omitted: SeverityCounts = { fatal: 0, error: 0, warning: 0, info: 0 };
  private readonly heap: Entry[] = [];
  private seq = 0;

  constructor(
    private readonly max: number,
    /** the finding that says how many were left out (GOP-INPUT-008, which the reader defines) */
    private readonly tooMany: TooMany,
    private readonly settings?: Readonly<Record<string, SeveritySetting>>,
  ) {}

  /** A finding of rule `ruleId` at `at` (line and column), made by `make` only if it is still kept at the end. */
  add(ruleId: string, severity: Severity, at: { line?: number; column?: number } | undefined, make: () => Finding): void {
    const setting = this.settings?.[ruleId];
    if (setting && severity !== 'fatal') {
      if (setting === 'off') return;
      severity = setting;
    }
    this.counts[severity]++;
    const line = at?.line ?? 0;
    const entry: Entry = { line, column: line ? (at?.column ?? 0) : 0, layer: layerOf(ruleId), seq: this.seq++, severity, make };
    const heap = this.heap;
    if (heap.length < this.max) {
      heap.push(entry);
      this.up(heap.length - 1);
    } else if (before(entry, heap[0]!)) {
      this.omitted[heap[0]!.severity]++;
      heap[0] = entry;
      this.down(0);
    } else {
      this.omitted[severity]++;
    }
  }

  get cut(): boolean {
    return this.omitted.fatal + this.omitted.error + this.omitted.warning + this.omitted.info > 0;
  }

  /** The kept findings in the report's order, made, redacted when asked, with their severity as set; GOP-INPUT-008 last when some were left out. */
  findings(redact?: (findings: Finding[]) => Finding[]): Finding[] {
    const kept = [...this.heap].sort(compare);
    let made = kept.map((entry) => entry.make());
    if (redact) made = redact(made);
    const out = made.map((finding, i) => (finding.severity === kept[i]!.severity ? finding : { ...finding, severity: kept[i]!.severity }));
    if (this.cut) {
      const setting = this.settings?.[this.tooMany.ruleId];
      if (setting !== 'off') {
        const finding = this.tooMany.make(kept.length, this.omitted, setting ?? this.tooMany.severity);
        out.push(finding);
        this.counts[finding.severity]++;
      }
    }
    return out;
  }

  private up(i: number) {
    const heap = this.heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  private down(i: number) {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      let last = i;
      if (left < heap.length && before(heap[last]!, heap[left]!)) last = left;
      if (left + 1 < heap.length && before(heap[last]!, heap[left + 1]!)) last = left + 1;
      if (last === i) return;
      [heap[last], heap[i]] = [heap[i]!, heap[last]!];
      i = last;
    }
  }
}

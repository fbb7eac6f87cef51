// The page's statistics view: many plans (and the municipality's starts file and quality standard) summarised here, in
// this tab, as `gop stats` does. Plans are read one file at a time (File.arrayBuffer) and handed to one streaming
// summary, so that only the summary and the file being read are in memory; the File objects are kept to count again
// when the period or the starts change. The report is the library's own page (renderSummaryHtml) in a sandboxed srcdoc
// frame: its markup and style sheet stay its own, the page's CSP is unchanged (frame-src about:), and nothing in it runs.
import type { Language } from '../src/index';
import { type QualityStandard, QualityStandardSchema } from '../src/facts/quality-standard';
import { renderSummaryHtml } from '../src/stats/html';
import { PERIOD_UNITS, type PeriodUnit, type PlanSummary } from '../src/stats/schema';
import { parseStarts } from '../src/stats/starts';
import { createSummary } from '../src/stats/summary';
import { byId, frameFitter, h } from './dom';
import { numberText } from './facts';

export const STATS_TEXTS = {
  da: {
    tabCheck: 'Kontrol og visning',
    tabStats: 'Statistik',
    statsChoose: 'Vælg planer',
    statsDrop: 'eller træk mange G-GOP-filer (XML) hertil, og eventuelt opstartsfilen (CSV) og kvalitetsstandarden (JSON)',
    statsStarts: 'Opstarter (CSV)',
    statsStandard: 'Kvalitetsstandard (JSON)',
    statsBy: 'Periode',
    byMonth: 'måned',
    byQuarter: 'kvartal',
    byYear: 'år',
    statsClear: 'Ryd',
    statsNone: 'Ingen planer endnu.',
    reading: (done: number, all: number) => `Læser plan ${numberText(done, 'da')} af ${numberText(all, 'da')} …`,
    files: (n: number) => `${numberText(n, 'da')} ${n === 1 ? 'fil' : 'filer'}`,
    plans: 'Planer',
    unreadable: 'Ikke læsbare',
    duplicates: 'Dubletter',
    startsRows: 'Rækker i opstartsfilen',
    startsMatched: 'heraf koblet til en plan',
    startsFile: (name: string, rows: number) => `Opstarter: ${name} (${numberText(rows, 'da')} ${rows === 1 ? 'række' : 'rækker'})`,
    standardFile: (name: string, standard: string) => `Kvalitetsstandard: ${standard} (${name})`,
    remove: 'Fjern',
    problems: (name: string, n: number) =>
      `${name}: ${numberText(n, 'da')} ${n === 1 ? 'række er udeladt' : 'rækker er udeladt'} (gættes aldrig)`,
    line: 'Linje',
    problem: 'Problem',
    standardProblem: (name: string) => `${name} kan ikke bruges som kvalitetsstandard; tallene er talt uden den:`,
    fileProblem: (name: string) => `${name} kunne ikke læses`,
    reportTitle: 'Opfølgning over planerne',
    save: 'Gem rapporten som HTML (til udskrift)',
    saveJson: 'Gem tallene som JSON',
  },
  en: {
    tabCheck: 'Check and view',
    tabStats: 'Statistics',
    statsChoose: 'Choose plans',
    statsDrop: 'or drop many G-GOP files (XML) here, and optionally the starts file (CSV) and the quality standard (JSON)',
    statsStarts: 'Starts (CSV)',
    statsStandard: 'Quality standard (JSON)',
    statsBy: 'Period',
    byMonth: 'month',
    byQuarter: 'quarter',
    byYear: 'year',
    statsClear: 'Clear',
    statsNone: 'No plans yet.',
    reading: (done: number, all: number) => `Reading plan ${numberText(done, 'en')} of ${numberText(all, 'en')} …`,
    files: (n: number) => `${numberText(n, 'en')} ${n === 1 ? 'file' : 'files'}`,
    plans: 'Plans',
    unreadable: 'Not readable',
    duplicates: 'Duplicates',
    startsRows: 'Rows in the starts file',
    startsMatched: 'of them joined to a plan',
    startsFile: (name: string, rows: number) => `Starts: ${name} (${numberText(rows, 'en')} ${rows === 1 ? 'row' : 'rows'})`,
    standardFile: (name: string, standard: string) => `Quality standard: ${standard} (${name})`,
    remove: 'Remove',
    problems: (name: string, n: number) => `${name}: ${numberText(n, 'en')} ${n === 1 ? 'row is' : 'rows are'} left out (never guessed)`,
    line: 'Line',
    problem: 'Problem',
    standardProblem: (name: string) => `${name} cannot be used as a quality standard; the numbers are counted without it:`,
    fileProblem: (name: string) => `${name} could not be read`,
    reportTitle: 'Follow-up over the plans',
    save: 'Save the report as HTML (to print)',
    saveJson: 'Save the numbers as JSON',
  },
} satisfies Record<Language, Record<string, unknown>>;

type StatsTexts = (typeof STATS_TEXTS)[Language];

type StartsParsed = ReturnType<typeof parseStarts>;

interface Loaded<T> {
  name: string;
  value?: T;
  /** why the file cannot be used: not readable, not JSON, not a standard */
  problems?: string[];
}

/** What the page tells the view: its language and its reference date, read at each count and render. */
interface PageSettings {
  lang(): Language;
  referenceDate(): string;
  timeZone: string;
}

/** A file's kind by its name (or type): plans are XML, the starts CSV, the quality standard JSON. */
const kindOf = (file: File): 'starts' | 'standard' | 'plan' =>
  /\.csv$/i.test(file.name) || file.type === 'text/csv'
    ? 'starts'
    : /\.json$/i.test(file.name) || file.type === 'application/json'
      ? 'standard'
      : 'plan';

/** The starts file's rows left out, by line, and a standard that cannot be used. */
function problems(
  state: { starts?: Loaded<StartsParsed>; standard?: Loaded<QualityStandard> },
  t: StatsTexts,
  lang: Language,
): HTMLElement[] {
  const out: HTMLElement[] = [];
  const { starts, standard } = state;
  if (starts?.problems) out.push(h('div', { class: 'problem' }, h('p', {}, t.fileProblem(starts.name)), list(starts.problems)));
  const rows = starts?.value?.problems ?? [];
  if (starts && rows.length > 0) {
    out.push(
      h(
        'div',
        { class: 'problem starts-problems' },
        h('p', {}, t.problems(starts.name, rows.length)),
        h(
          'table',
          { class: 'findings' },
          h('thead', {}, h('tr', {}, h('th', {}, t.line), h('th', {}, t.problem))),
          h(
            'tbody',
            {},
            ...rows.map((problem) =>
              h(
                'tr',
                { 'data-line': String(problem.line) },
                h('td', { class: 'where' }, String(problem.line)),
                h('td', {}, problem.message[lang]),
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (standard?.problems)
    out.push(h('div', { class: 'problem standard-problem' }, h('p', {}, t.standardProblem(standard.name)), list(standard.problems)));
  return out;
}
const list = (items: string[]) => h('ul', {}, ...items.map((item) => h('li', {}, item)));

/** The numbers the report starts from, beside it: what was read, and how the starts joined. */
function counts(summary: PlanSummary, t: StatsTexts, lang: Language): HTMLElement {
  const row = (key: string, label: string, value: number) => [h('dt', {}, label), h('dd', { 'data-count': key }, numberText(value, lang))];
  return h(
    'dl',
    { class: 'facts stats-counts', id: 'stats-counts' },
    ...row('plans', t.plans, summary.plans),
    ...row('unreadable', t.unreadable, summary.unreadable),
    ...row('duplicates', t.duplicates, summary.duplicates),
    ...(summary.starts.rows > 0
      ? [...row('starts.rows', t.startsRows, summary.starts.rows), ...row('starts.matched', t.startsMatched, summary.starts.matched)]
      : []),
  );
}

/** The view's inputs: plan files, the starts file, the standard, the period and the clear button. */
function listen(
  state: { run: number; by: PeriodUnit },
  on: {
    add(files: File[]): Promise<void>;
    readStarts(file: File): Promise<void>;
    readStandard(file: File): Promise<void>;
    count(): Promise<void>;
    render(): void;
  },
): void {
  const { add, readStarts, readStandard, count, render } = on;
  const plans = byId<HTMLInputElement>('stats-files');
  plans.addEventListener('change', () => {
    if (plans.files) void add([...plans.files]).then(() => (plans.value = ''));
  });
  const startsInput = byId<HTMLInputElement>('stats-starts');
  startsInput.addEventListener('change', () => {
    const file = startsInput.files?.[0];
    if (file)
      void readStarts(file)
        .then(count)
        .then(() => (startsInput.value = ''));
  });
  const standardInput = byId<HTMLInputElement>('stats-standard');
  standardInput.addEventListener('change', () => {
    const file = standardInput.files?.[0];
    if (file)
      void readStandard(file)
        .then(count)
        .then(() => (standardInput.value = ''));
  });
  const by = byId<HTMLSelectElement>('stats-by');
  if ((PERIOD_UNITS as readonly string[]).includes(by.value)) state.by = by.value as PeriodUnit; // a reload keeps the form's state
  by.addEventListener('change', () => {
    if ((PERIOD_UNITS as readonly string[]).includes(by.value)) {
      state.by = by.value as PeriodUnit;
      void count();
    }
  });
  byId('stats-clear').addEventListener('click', () => {
    state.run++; // a count still running stops
    Object.assign(state, { plans: [], starts: undefined, standard: undefined, summary: undefined, progress: undefined });
    render();
  });
}

/** The files in use, each removable. */
function chosen(
  state: { plans: File[]; starts?: Loaded<StartsParsed>; standard?: Loaded<QualityStandard> },
  t: StatsTexts,
  count: () => Promise<void>,
): HTMLElement {
  const remove = (label: string, then: () => void) => {
    const button = h('button', { type: 'button', class: 'remove', 'aria-label': `${t.remove}: ${label}` }, '×');
    button.addEventListener('click', () => {
      then();
      void count();
    });
    return button;
  };
  const { starts, standard } = state;
  return h(
    'ul',
    { class: 'chosen' },
    h('li', {}, state.plans.length ? t.files(state.plans.length) : t.statsNone),
    starts?.value &&
      h(
        'li',
        {},
        t.startsFile(starts.name, starts.value.rows.length),
        ' ',
        remove(starts.name, () => (state.starts = undefined)),
      ),
    standard?.value &&
      h(
        'li',
        {},
        t.standardFile(standard.name, standard.value.name),
        ' ',
        remove(standard.name, () => (state.standard = undefined)),
      ),
  );
}

export function statsView(settings: PageSettings): { add(files: Iterable<File>): void; render(): void; recount(): void } {
  const state = {
    plans: [] as File[],
    starts: undefined as Loaded<StartsParsed> | undefined,
    standard: undefined as Loaded<QualityStandard> | undefined,
    by: 'month' as PeriodUnit,
    summary: undefined as PlanSummary | undefined,
    /** the count running now: a newer one makes an older one stop */
    run: 0,
    progress: undefined as [number, number] | undefined,
    urls: [] as string[],
  };
  const frames = frameFitter();

  async function readStarts(file: File): Promise<void> {
    try {
      state.starts = { name: file.name, value: parseStarts(new Uint8Array(await file.arrayBuffer())) };
    } catch (error) {
      state.starts = { name: file.name, problems: [String((error as Error).message ?? error)] };
    }
  }

  async function readStandard(file: File): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()));
    } catch (error) {
      state.standard = { name: file.name, problems: [String((error as Error).message ?? error)] };
      return;
    }
    const parsed = QualityStandardSchema.safeParse(json);
    state.standard = parsed.success
      ? { name: file.name, value: parsed.data }
      : { name: file.name, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(standard)'}: ${issue.message}`) };
  }

  /** Counts every plan again (the period, the starts or the standard changed, or files were added). */
  async function count(): Promise<void> {
    const run = ++state.run;
    const starts = state.starts?.value?.rows;
    const summary = createSummary({
      starts,
      standard: state.standard?.value,
      by: state.by,
      referenceDate: settings.referenceDate(),
      timeZone: settings.timeZone,
    });
    const all = state.plans.length;
    byId('stats-chosen').replaceChildren(chosen(state, STATS_TEXTS[settings.lang()], count));
    for (const [i, file] of state.plans.entries()) {
      if (i % 25 === 0) {
        state.progress = [i, all];
        showProgress();
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        bytes = new Uint8Array(0); // a file that cannot be read is no readable plan: the summary counts it so
      }
      if (run !== state.run) return;
      summary.add(bytes);
    }
    state.progress = undefined;
    state.summary = all > 0 ? summary.result() : undefined;
    render();
  }

  function showProgress(): void {
    const t = STATS_TEXTS[settings.lang()];
    const bar = byId<HTMLProgressElement>('stats-progress');
    bar.hidden = state.progress === undefined;
    if (state.progress) {
      bar.max = state.progress[1];
      bar.value = state.progress[0];
      bar.textContent = t.reading(...state.progress);
    }
  }

  async function add(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const kind = kindOf(file);
      if (kind === 'starts') await readStarts(file);
      else if (kind === 'standard') await readStandard(file);
      else state.plans.push(file);
    }
    await count();
  }

  function render(): void {
    const lang = settings.lang();
    const t = STATS_TEXTS[lang];
    for (const url of state.urls) URL.revokeObjectURL(url);
    state.urls = [];
    frames.reset();
    showProgress();
    byId('stats-chosen').replaceChildren(chosen(state, t, count));
    byId('stats-problems').replaceChildren(...problems(state, t, lang));
    const report = byId('stats-report');
    const { summary } = state;
    if (!summary) {
      report.replaceChildren();
      return;
    }
    const html = renderSummaryHtml(summary, { language: lang, ...(state.standard?.value ? { standard: state.standard.value } : {}) });
    const frame = frames.frame(html, { class: 'view stats', title: t.reportTitle });
    const save = (content: string, type: string, name: string, label: string) => {
      const url = URL.createObjectURL(new Blob([content], { type }));
      state.urls.push(url);
      return h('a', { href: url, download: name, class: 'save' }, label);
    };
    report.replaceChildren(
      counts(summary, t, lang),
      frame,
      h(
        'p',
        {},
        save(html, 'text/html;charset=utf-8', 'gop-stats.html', t.save),
        ' · ',
        save(`${JSON.stringify(summary, null, 2)}\n`, 'application/json', 'gop-stats.json', t.saveJson),
      ),
    );
  }

  listen(state, { add, readStarts, readStandard, count, render });
  return { add: (files) => void add([...files]), render, recount: () => void count() };
}

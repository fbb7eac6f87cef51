// The browser page (dist/web/index.html): files are read, checked and rendered here, in this tab. Nothing is sent
// anywhere (the page's CSP forbids every connection); text from a message reaches the DOM only as textContent, and the
// rendered plan only as a sandboxed iframe's srcdoc (no scripts there, and its own CSP). The frame is sized to its
// document, so that the page scrolls as one. A second view, the statistics (web/stats.ts), summarises many plans.
import { checkGop, renderGopHtml, type Finding, type Language } from '../src/index';
import { SEVERITY_WORDS } from '../src/findings/severity-words';
import { datesInText } from '../src/view/sections';
import { byId, frameFitter, h } from './dom';
import { countsText, FACT_LABELS, factRows, keyFactsText } from './facts';
import { STATS_TEXTS, statsView } from './stats';

const TIME_ZONE = 'Europe/Copenhagen';

const TEXTS = {
  da: {
    title: 'Genoptræningsplan (G-GOP): kontrol og visning',
    privacy: 'Intet forlader browseren: filerne læses, kontrolleres og vises her på siden, uden netværk og uden server.',
    choose: 'Vælg filer',
    drop: 'eller træk G-GOP-filer (XML) hertil',
    paste: 'Indsæt XML',
    pasteCheck: 'Kontrollér indsat tekst',
    clear: 'Ryd',
    language: 'Sprog',
    redact: 'Skjul personoplysninger (CPR-nummer, navne, adresser, telefon)',
    referenceDate: 'Referencedato (i dag)',
    none: 'Ingen filer endnu.',
    summary: (files: number, valid: number) => `${files} ${files === 1 ? 'fil' : 'filer'}: ${valid} gyldige`,
    pasted: (n: number) => `indsat tekst ${n}`,
    valid: 'Gyldig',
    invalid: 'Ikke gyldig',
    noFindings: 'Ingen fund.',
    findings: 'Fund',
    severity: 'Alvor',
    rule: 'Regel',
    message: 'Besked',
    where: 'Linje',
    facts: 'Fakta',
    view: 'Planen',
    viewTitle: (name: string) => `Genoptræningsplanen i ${name}`,
    save: 'Gem visningen som HTML (til udskrift)',
    remove: 'Fjern',
    noView: 'Planen kan ikke vises',
    unreadable: 'Filen kunne ikke læses',
  },
  en: {
    title: 'Rehabilitation plan (G-GOP): check and view',
    privacy: 'Nothing leaves the browser: files are read, checked and shown on this page, with no network and no server.',
    choose: 'Choose files',
    drop: 'or drop G-GOP files (XML) here',
    paste: 'Paste XML',
    pasteCheck: 'Check pasted text',
    clear: 'Clear',
    language: 'Language',
    redact: 'Redact personal data (CPR number, names, addresses, phone)',
    referenceDate: 'Reference date (today)',
    none: 'No files yet.',
    summary: (files: number, valid: number) => `${files} ${files === 1 ? 'file' : 'files'}: ${valid} valid`,
    pasted: (n: number) => `pasted text ${n}`,
    valid: 'Valid',
    invalid: 'Not valid',
    noFindings: 'No findings.',
    findings: 'Findings',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Message',
    where: 'Line',
    facts: 'Facts',
    view: 'The plan',
    viewTitle: (name: string) => `The rehabilitation plan in ${name}`,
    save: 'Save the view as HTML (to print)',
    remove: 'Remove',
    noView: 'The plan cannot be shown',
    unreadable: 'The file could not be read',
  },
} satisfies Record<Language, Record<string, unknown>>;

type PageTexts = (typeof TEXTS)[Language];

interface Entry {
  id: number;
  /** a file's name, or the number of a pasted text (its label follows the language) */
  name: string | { pasted: number };
  bytes?: Uint8Array;
  /** why the file could not be read (File.arrayBuffer failed) */
  error?: string;
}

const state = {
  entries: [] as Entry[],
  lang: 'da' as Language,
  redact: false,
  referenceDate: todayInDenmark(),
  nextId: 1,
  pasted: 0,
  /** object URLs of the "save the view" links, revoked at each render */
  urls: [] as string[],
};

function todayInDenmark(): string {
  // en-CA writes dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const nameOf = (entry: Entry, t: PageTexts) => (typeof entry.name === 'string' ? entry.name : t.pasted(entry.name.pasted));

function findingsTable(findings: Finding[], lang: Language, t: PageTexts): HTMLElement {
  if (findings.length === 0) return h('p', { class: 'none' }, t.noFindings);
  const head = h('tr', {}, h('th', {}, t.severity), h('th', {}, t.rule), h('th', {}, t.message), h('th', {}, t.where));
  const rows = findings.map((finding) =>
    h(
      'tr',
      { class: `finding ${finding.severity}`, 'data-rule-id': finding.ruleId, 'data-severity': finding.severity },
      h('td', { class: 'severity' }, SEVERITY_WORDS[lang][finding.severity][0]),
      h('td', { class: 'rule' }, finding.ruleId),
      h('td', { class: 'text' }, datesInText(lang === 'da' ? finding.messageDa : finding.message, lang)),
      h('td', { class: 'where' }, finding.line ? `${finding.line}:${finding.column ?? 1}` : ''),
    ),
  );
  return h('table', { class: 'findings' }, h('thead', {}, head), h('tbody', {}, ...rows));
}

const frames = frameFitter();

function renderEntry(entry: Entry, t: PageTexts): HTMLElement {
  const { lang, redact, referenceDate } = state;
  const name = nameOf(entry, t);
  const remove = h('button', { type: 'button', class: 'remove', 'aria-label': `${t.remove}: ${name}` }, '×');
  remove.addEventListener('click', () => {
    state.entries = state.entries.filter((e) => e.id !== entry.id);
    render();
  });
  if (!entry.bytes) {
    return h(
      'article',
      { class: 'result unreadable' },
      h('h2', {}, h('span', { class: 'name' }, name), remove),
      h('p', {}, t.unreadable, ': ', entry.error ?? ''),
    );
  }
  const report = checkGop(entry.bytes, { redact, referenceDate, timeZone: TIME_ZONE, language: lang });
  const badge = h(
    'span',
    { class: `badge ${report.valid ? 'valid' : 'invalid'}`, 'data-valid': String(report.valid) },
    report.valid ? t.valid : t.invalid,
  );
  const counts = countsText(report.counts, lang);
  const article = h(
    'article',
    { class: 'result', 'data-valid': String(report.valid) },
    h('h2', {}, h('span', { class: 'name' }, name), ' ', badge, counts && h('span', { class: 'counts' }, counts), remove),
    h('h3', {}, t.findings),
    findingsTable(report.findings, lang, t),
  );
  if (report.facts) {
    article.append(
      h('h3', {}, t.facts),
      h('p', { class: 'key-facts' }, keyFactsText(report.facts, lang)),
      h(
        'dl',
        { class: 'facts' },
        ...factRows(report.facts, lang).flatMap(([key, value]) => [h('dt', {}, FACT_LABELS[lang][key] ?? key), h('dd', {}, value)]),
      ),
    );
  }
  article.append(h('h3', {}, t.view));
  try {
    // the findings are listed above: the view shows the plan alone
    const html = renderGopHtml(entry.bytes, { lang, redact, referenceDate, timeZone: TIME_ZONE, findings: false });
    const frame = frames.frame(html, { class: 'view', title: t.viewTitle(name) });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    state.urls.push(url);
    const save = h('a', { href: url, download: `${name.replace(/\.xml$/i, '')}.html`, class: 'save' }, t.save);
    article.append(frame, h('p', {}, save));
  } catch (error) {
    article.append(h('p', { class: 'no-view' }, `${t.noView}: ${(error as Error).message}`));
  }
  return article;
}

function render(): void {
  const t = TEXTS[state.lang];
  document.documentElement.lang = state.lang;
  document.title = t.title;
  const words: Record<string, unknown> = { ...TEXTS[state.lang], ...STATS_TEXTS[state.lang] };
  for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const text = words[element.dataset['t'] ?? ''];
    if (typeof text === 'string') element.textContent = text;
  }
  for (const url of state.urls) URL.revokeObjectURL(url);
  state.urls = [];
  const results = byId('results');
  frames.reset();
  const articles = state.entries.map((entry) => renderEntry(entry, t));
  results.replaceChildren(...articles);
  const valid = articles.filter((a) => a.dataset['valid'] === 'true').length;
  byId('summary').textContent = state.entries.length ? t.summary(state.entries.length, valid) : t.none;
}

async function addFiles(files: Iterable<File>): Promise<void> {
  const read = await Promise.all(
    [...files].map(async (file): Promise<Entry> => {
      try {
        return { id: state.nextId++, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
      } catch (error) {
        return { id: state.nextId++, name: file.name, error: String((error as Error).message ?? error) };
      }
    }),
  );
  state.entries.push(...read);
  render();
}

/** The two views as tabs: a click, or the arrow keys, Home and End on the tab list, shows one and hides the other. */
function tabs(): void {
  const list = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement) => {
    for (const other of list) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      byId(other.getAttribute('aria-controls')!).hidden = !selected;
    }
  };
  for (const [i, tab] of list.entries()) {
    tab.addEventListener('click', () => select(tab));
    tab.addEventListener('keydown', (e) => {
      const to = ({ ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: list.length - 1 } as Record<string, number>)[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const next = list[(to + list.length) % list.length]!;
      select(next);
      next.focus();
    });
  }
}

function start(): void {
  tabs();
  const stats = statsView({ lang: () => state.lang, referenceDate: () => state.referenceDate, timeZone: TIME_ZONE });
  const statsShown = () => !byId('panel-stats').hidden;
  const input = byId<HTMLInputElement>('files');
  input.addEventListener('change', () => {
    if (input.files) void addFiles(input.files).then(() => (input.value = ''));
  });

  // A file dropped anywhere else would make the tab navigate to it: the page takes drops everywhere, for the view shown.
  const drop = () => byId(statsShown() ? 'stats-drop' : 'drop');
  for (const event of ['dragenter', 'dragover'] as const)
    document.addEventListener(event, (e) => {
      e.preventDefault();
      drop().classList.add('over');
    });
  document.addEventListener('dragleave', (e) => {
    if (e.relatedTarget === null) drop().classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop().classList.remove('over');
    if (!e.dataTransfer?.files.length) return;
    if (statsShown()) stats.add(e.dataTransfer.files);
    else void addFiles(e.dataTransfer.files);
  });

  const pasted = byId<HTMLTextAreaElement>('pasted');
  byId('check-pasted').addEventListener('click', () => {
    if (!pasted.value.trim()) return;
    state.entries.push({ id: state.nextId++, name: { pasted: ++state.pasted }, bytes: new TextEncoder().encode(pasted.value) });
    pasted.value = '';
    render();
  });
  byId('clear').addEventListener('click', () => {
    state.entries = [];
    render();
  });

  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="lang"]')) {
    if (radio.checked) state.lang = radio.value === 'en' ? 'en' : 'da'; // a reload keeps the form's state
    radio.addEventListener('change', () => {
      if (radio.checked) {
        state.lang = radio.value === 'en' ? 'en' : 'da';
        render();
        stats.render();
      }
    });
  }
  const redact = byId<HTMLInputElement>('redact');
  state.redact = redact.checked;
  redact.addEventListener('change', () => {
    state.redact = redact.checked;
    render();
  });
  const reference = byId<HTMLInputElement>('reference-date');
  reference.value = state.referenceDate;
  reference.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(reference.value)) {
      state.referenceDate = reference.value;
      render();
      stats.recount();
    }
  });
  render();
  stats.render();
  document.documentElement.dataset['ready'] = 'true';
}

start();

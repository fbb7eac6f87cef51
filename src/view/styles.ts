/*
 * The page's one style sheet, inline (the CSP allows inline styles and nothing else). No < or & (styleElement checks).
 *
 * Print: each page carries the patient's name and CPR number — a position: fixed header repeats on every printed page
 * in Chromium, and the page frame's repeated table header keeps the space for it, so no text runs under it — and the
 * page number in the bottom-right page-margin box. Headings stay with what follows; small blocks are not split;
 * severity is a word, so nothing depends on colour.
 */
export const STYLES = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --soft: #f4f5f7; --accent: #0b4f8a;
  --fatal: #7a0010; --error: #b00020; --warning: #8a5a00; --info: #35556b; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 15px; color: var(--ink); background: #fff; }
body { margin: 0; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; padding-bottom: 0.2rem; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1rem; margin: 1rem 0 0.35rem; }
p { margin: 0.35rem 0; }
a { color: var(--accent); overflow-wrap: anywhere; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; color: var(--muted); margin: 0; }
.cpr { font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.5rem 0.75rem; margin: 0.75rem 0; }
.note.unreadable { border-left-color: var(--error); }
dl.fields { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 0.2rem 1rem; margin: 0.4rem 0; }
dl.fields dt { color: var(--muted); }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.block { border: 1px solid var(--line); border-radius: 4px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.block h3 { margin-top: 0; }
.code { color: var(--muted); font-size: 0.9em; }
.rich { overflow-wrap: anywhere; }
.rich .center { display: block; text-align: center; }
.rich .fixed { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; }
.facts { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 1rem 0.75rem; margin-top: 1rem; }
.facts h2 { margin-top: 0.75rem; }
.status { font-weight: 700; }
.read-the-text { font-weight: 700; }
.status.valid::before { content: "\\2713  "; }
.status.invalid { color: var(--error); }
.status.invalid::before { content: "\\2717  "; }
ol.findings { list-style: none; padding: 0; margin: 0.5rem 0; }
ol.findings li { border-left: 4px solid var(--line); padding: 0.3rem 0.6rem; margin: 0.35rem 0; background: #fafafa; }
ol.findings li.fatal { border-left-color: var(--fatal); }
ol.findings li.error { border-left-color: var(--error); }
ol.findings li.warning { border-left-color: var(--warning); }
ol.findings li.info { border-left-color: var(--info); }
.severity { font-weight: 700; text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.04em; margin-right: 0.4rem; }
.fatal .severity, .error .severity { color: var(--error); }
.warning .severity { color: var(--warning); }
.info .severity { color: var(--info); }
.rule { font-family: ui-monospace, Consolas, monospace; font-size: 0.85rem; margin-right: 0.4rem; }
.finding-where { font-size: 0.85rem; color: var(--muted); }
pre.kept { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); padding: 0.5rem; font-size: 0.85rem; }
.print-header { display: none; }
table.frame, table.frame > tbody, table.frame > tbody > tr, table.frame > tbody > tr > td { display: block; }
table.frame > thead { display: none; }
table.frame { border-collapse: collapse; width: 100%; }
table.frame td { padding: 0; }

@page {
  size: A4;
  margin: 14mm 14mm 16mm;
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #000; }
}
@media print {
  html { font-size: 10.5pt; }
  body { color: #000; }
  main { max-width: none; padding: 0; }
  a { color: #000; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; }
  .print-header { display: block; position: fixed; top: 0; left: 0; right: 0; height: 9mm; padding-bottom: 1.5mm;
    border-bottom: 0.5pt solid #000; font-size: 9pt; background: #fff; }
  .print-header .cpr { margin-left: 1em; }
  table.frame { display: table; }
  table.frame > thead { display: table-header-group; }
  table.frame > tbody { display: table-row-group; }
  table.frame > tbody > tr, table.frame > thead > tr { display: table-row; }
  table.frame > tbody > tr > td, table.frame > thead > tr > td { display: table-cell; }
  .print-space { height: 12mm; }
  h2, h3 { break-after: avoid; page-break-after: avoid; color: #000; border-color: #000; }
  .block, dl.fields, ol.findings li, .facts, .note, p { break-inside: avoid; page-break-inside: avoid; }
  .facts { background: none; }
  ol.findings li { background: none; border-left-width: 3pt; }
  .status.invalid, .severity { color: #000; }
  .no-print { display: none; }
}
`;

"""The dossier's inline stylesheet (screen and print)."""

CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --bg: #fbfbfd; --accent: #2457a6;
  --deny: #a32a2a; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); background: var(--bg);
  margin: 0; padding: 0 1.5rem 3rem; max-width: 70rem; margin-inline: auto; overflow-wrap: break-word; }
h1, h2, h3, h4, nav, table, .meta, .grade, .chip, figcaption { font-family: 'Helvetica Neue', Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 1.5rem 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
nav { position: sticky; top: 0; background: var(--bg); padding: .5rem 0; border-bottom: 1px solid var(--line);
  z-index: 1; }
nav { display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
nav a { margin-right: 0; color: var(--accent); text-decoration: none; font-weight: 600; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: .85rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .9rem 1.1rem;
  margin: .9rem 0; break-inside: avoid; }
.claim.unattributed { border-style: dashed; }
.grade { display: inline-flex; font-weight: 700; margin-right: .4rem; vertical-align: baseline; white-space: nowrap; }
.grade .g { display: inline-block; min-width: 1.35rem; text-align: center; padding: 0 .3rem; color: #fff;
  border: 1px solid rgba(0,0,0,.25); }
.grade .g:first-child { border-radius: 4px 0 0 4px; }
.grade .g:last-child { border-radius: 0 4px 4px 0; }
.grade .g:only-child { border-radius: 4px; }
/* One colour per reliability letter and per credibility digit: green (best) through red, grey = cannot judge. */
.r-A, .c-1 { background: #0f5c2e; }
.r-B, .c-2 { background: #3d8c40; }
.r-C, .c-3 { background: #c9b400; color: #1d2433 !important; }
.r-D, .c-4 { background: #e07b00; color: #1d2433 !important; }
.r-E, .c-5 { background: #b3261e; }
.r-F, .c-6 { background: #5f6470; }
.c-1, .c-2, .c-3, .c-4, .c-5, .c-6 { border-style: dashed !important; }
.chip { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 999px; background: #eceff4;
  margin-right: .25rem; }
.chip.deny { background: #f8e1e1; color: var(--deny); }
.chip.side { background: #e3ecfa; }
ul.reasons { margin: .3rem 0 .5rem 1.1rem; padding: 0; font-size: .9rem; }
ol.chains { margin: .3rem 0; padding-left: 1.3rem; }
ol.chains li { margin: .15rem 0; }
.arrow { color: var(--muted); }
blockquote { margin: .35rem 0 .35rem .2rem; padding-left: .7rem; border-left: 3px solid var(--line); }
blockquote.deny { border-left-color: var(--deny); }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .5rem 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table.index td:nth-child(2) { min-width: 14rem; }
th button.sort { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer;
  color: var(--ink); }
th button.sort::after { content: " ↕"; color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin: .5rem 0;
  font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .85rem; }
.filters input[type=search] { flex: 1 1 12rem; min-width: 0; padding: .25rem .4rem; }
details.card > summary { cursor: pointer; list-style-position: outside; margin-left: 1rem; }
details.card > summary h3 { display: inline; }
details.card > summary .meta { margin-top: .2rem; }
ul.claims { margin: 0; padding-left: 1rem; }
form.search { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: end; margin: .6rem 0;
  font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .85rem; }
form.search label { display: flex; flex-direction: column; }
form.search input, form.search select { max-width: 100%; }
a.home { text-decoration: none; }
[id] { scroll-margin-top: 5rem; }  /* a link's target is not hidden under the sticky navigation */
footer { margin-top: 2rem; border-top: 1px solid var(--line); }
.pager { display: flex; gap: 1rem; margin: .6rem 0; font-family: 'Helvetica Neue', Arial, sans-serif; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .4rem; vertical-align: top; }
th { background: #f0f2f6; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.contradiction { color: var(--deny); font-size: .9rem; }
figure { margin: .5rem 0; }
figcaption { font-size: .8rem; color: var(--muted); }
svg { width: 100%; max-width: 640px; height: auto; display: block; }
svg text { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: 11px; fill: var(--ink); }
.text { white-space: pre-wrap; font-size: .95rem; background: #fff; border: 1px solid var(--line); padding: .8rem;
  border-radius: 4px; }
mark { background: #fff1b8; padding: 0 .05rem; }
mark.deny { background: #f8d4d4; }
mark.unattributed { background: #e8e8e8; }
mark .sp { font-weight: 700; }
.legend > span { margin-right: .9rem; font-size: .8rem; display: inline-block; white-space: nowrap; }
.overview td { width: 50%; }
@media (max-width: 40rem) {
  body { padding: 0 .6rem 2rem; font-size: 14px; }
  .card { padding: .6rem .7rem; }
  h1 { font-size: 1.4rem; }
}
@media print {
  nav, .filters { display: none; }
  details.card > *:not(summary) { display: block; }
  body { background: #fff; font-size: 11pt; max-width: none; padding: 0; }
  .card { border-color: #999; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; }
  h2#overview-h { break-before: avoid; }
}
"""

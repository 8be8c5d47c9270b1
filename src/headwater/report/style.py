"""The dossier's inline stylesheet (screen and print)."""

CSS = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dde5; --bg: #fbfbfd; --accent: #2457a6;
  --deny: #a32a2a; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); background: var(--bg);
  margin: 0; padding: 0 1.5rem 3rem; max-width: 70rem; margin-inline: auto; }
h1, h2, h3, h4, nav, table, .meta, .grade, .chip, figcaption { font-family: 'Helvetica Neue', Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 1.5rem 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 0 0 .4rem; }
nav { position: sticky; top: 0; background: var(--bg); padding: .5rem 0; border-bottom: 1px solid var(--line);
  z-index: 1; }
nav a { margin-right: 1rem; color: var(--accent); text-decoration: none; font-weight: 600; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: .85rem; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .9rem 1.1rem;
  margin: .9rem 0; break-inside: avoid; }
.claim.unattributed { border-style: dashed; }
.grade { display: inline-block; font-weight: 700; padding: .05rem .45rem; border-radius: 4px; background: #eef2f8;
  border: 1px solid #b8c4d8; margin-right: .4rem; }
.grade.low { background: #fff3e0; border-color: #e0b878; }
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
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .4rem; vertical-align: top; }
th { background: #f0f2f6; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.contradiction { color: var(--deny); font-size: .9rem; }
figure { margin: .5rem 0; }
figcaption { font-size: .8rem; color: var(--muted); }
svg text { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: 11px; fill: var(--ink); }
.text { white-space: pre-wrap; font-size: .95rem; background: #fff; border: 1px solid var(--line); padding: .8rem;
  border-radius: 4px; }
mark { background: #fff1b8; padding: 0 .05rem; }
mark.deny { background: #f8d4d4; }
mark.unattributed { background: #e8e8e8; }
mark .sp { font-weight: 700; }
.legend span { margin-right: .8rem; font-size: .8rem; }
.overview td { width: 50%; }
@media print {
  nav { display: none; }
  body { background: #fff; font-size: 11pt; max-width: none; padding: 0; }
  .card { border-color: #999; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: page; }
  h2#overview-h { break-before: avoid; }
}
"""

/**
 * The report's one stylesheet, the same for every report and language (what differs is in the
 * HTML), so the app's CSP can allow exactly this inline <style> by its hash: the on-screen view
 * shows the report in an iframe that inherits the app's policy. Changing a character here changes
 * the hash: tests/shared/report/report-style.test.ts names the new one to put in
 * renderer/index.html.
 *
 * Print conventions of Chinese official documents: A4 portrait, the title centred, body in a
 * Song-style serif, headings in a Hei-style sans, 序号 as the first column, the signature and
 * seal at the end. The page margins are the printers' (REPORT_MARGINS), repeated in @page for
 * a browser's own print dialog.
 */
export const REPORT_CSS = `
@page { size: A4; margin: 20mm 16mm 24mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  color: #111;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "STSong", serif;
  font-size: 10.5pt;
  line-height: 1.6;
}
html:lang(en-US) body {
  font-family: "Noto Serif", "Times New Roman", "Noto Serif CJK SC", "SimSun", serif;
}
h1, h2, h3, th, .label, .watermark, .status, .seal-box {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
    "SimHei", "Heiti SC", sans-serif;
}
h1 { font-size: 20pt; text-align: center; margin: 0; line-height: 1.35; letter-spacing: 0.04em; }
h1 .school { display: block; font-size: 15pt; font-weight: 500; letter-spacing: 0; }
.subtitle { text-align: center; margin: 4pt 0 14pt; font-size: 11pt; }
h2 {
  font-size: 13pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 1.2pt solid #111;
  break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 11pt; margin: 12pt 0 4pt; break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0; }
.keep { break-inside: avoid; page-break-inside: avoid; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 6pt; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #444; padding: 2.5pt 4pt; vertical-align: top; text-align: left; }
th { background: #eceef2; font-weight: 600; }
td { overflow-wrap: break-word; }
td:first-child, th:first-child { width: 3.4em; text-align: center; white-space: nowrap; }
.nowrap { white-space: nowrap; }
table.meta td:nth-child(odd) {
  width: 7.5em; text-align: left; white-space: normal; background: #f5f6f8;
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
}
table.figures td, table.figures th { text-align: center; }
table.figures td:first-child, table.figures th:first-child { width: auto; }
table.sections td:nth-child(n+3), table.sections th:nth-child(n+3) { text-align: center; width: 5.4em; }
table.actions td:nth-child(4) { width: 5.5em; }
table.actions td:nth-child(5) { width: 7.5em; white-space: nowrap; }
table.actions td:nth-child(6) { width: 10em; }
table.findings td:nth-child(3) { width: 6em; }
table.register { font-size: 8.5pt; }
.hint { color: #444; font-size: 9pt; }
.status { font-weight: 600; white-space: nowrap; }
.status-compliant { color: #146c2e; }
.status-partial { color: #8a5a00; }
.status-non-compliant, .overdue { color: #b3261e; }
.status-na, .status-unanswered { color: #555; }
.reason { display: block; }
.mono { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", "Consolas", monospace; font-size: 8.5pt; overflow-wrap: anywhere; }
.signoff { break-inside: avoid; page-break-inside: avoid; }
.sign-grid { display: grid; grid-template-columns: 1fr 58mm; column-gap: 10mm; margin-top: 8pt; }
.sign-row { display: flex; align-items: flex-end; gap: 6pt; min-height: 15mm; margin: 2pt 0; }
.sign-row .label { white-space: nowrap; width: 9.5em; }
.line { flex: 1; border-bottom: 0.8pt solid #111; min-height: 8mm; padding: 0 4pt; display: flex; align-items: flex-end; }
.sign-image { max-height: 20mm; max-width: 70mm; display: block; }
.comment { min-height: 18mm; border-bottom: 0.8pt solid #111; padding: 2pt 4pt; margin-bottom: 4pt; }
.seal-box {
  height: 48mm; border: 1pt dashed #777; border-radius: 3mm; position: relative;
  display: flex; align-items: center; justify-content: center; color: #666; font-size: 10pt;
}
.seal-box .label { position: absolute; top: 3mm; left: 4mm; color: #111; }
.seal-date { text-align: center; margin-top: 4pt; }
table.verify { margin-top: 10pt; }
table.verify td:first-child { width: 7em; text-align: left; background: #f5f6f8; }
.notice { border: 1pt solid #b3261e; color: #b3261e; padding: 4pt 6pt; margin: 6pt 0; font-weight: 600; }
.watermark {
  position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-30deg);
  font-size: 120pt; font-weight: 700; letter-spacing: 0.15em; white-space: nowrap;
  color: rgba(179, 38, 30, 0.12); pointer-events: none; z-index: 10;
}
.watermark::before { content: attr(data-text); }
.watermark.long { font-size: 54pt; }
@media screen {
  html { background: #7d838c; }
  body {
    width: 210mm; min-height: 297mm; margin: 16px auto; padding: 20mm 16mm 24mm;
    background: #fff; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35);
  }
}
`;

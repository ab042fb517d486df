// The report's only stylesheet, inlined so the file opens anywhere without a network request.
// Status colours: green pass, red fail (a MUST, or the fail-on level), orange degraded (SHOULD
// only), amber warn, grey skip, purple error; slate for a run or target that was not tested.
export const STYLES = `
:root {
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #c21c2c; --fail-bg: #ffebe9;
  --warn: #8a5a00; --warn-bg: #fff4c2; --skip: #57606a; --skip-bg: #eef1f4;
  --error: #7c3aed; --error-bg: #f3e8ff; --degraded: #9a3412; --degraded-bg: #ffedd5;
  --untested: #334155; --untested-bg: #e2e8f0; --line: #d0d7de; --muted: #57606a; --ink: #1f2328;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f6f8fa; }
main { max-width: 1240px; margin: 0 auto; padding: 0 24px 64px; }
a { color: #0969da; }
code, pre, .mono { font-family: var(--mono); font-size: 13px; }
h2 { font-size: 20px; margin: 32px 0 12px; }
h3 { font-size: 16px; margin: 24px 0 8px; display: flex; gap: 10px; align-items: center; }
h4 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 6px; }
.top { color: #fff; padding: 24px 24px 20px; }
.top > div { max-width: 1192px; margin: 0 auto; }
.top h1 { margin: 0; font-size: 15px; font-weight: 600; opacity: .9; }
.top .verdict { font-size: 26px; font-weight: 700; margin: 4px 0 12px; }
.top .verdict .why { display: block; font-size: 16px; font-weight: 600; opacity: .95; margin-top: 2px; overflow-wrap: anywhere; }
.top dl { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; }
.top dt { font-size: 12px; text-transform: uppercase; opacity: .8; }
.top dd { margin: 0; font-weight: 600; }
.top.st-pass { background: var(--pass); } .top.st-fail { background: var(--fail); }
.top.st-warn { background: var(--warn); } .top.st-skip { background: var(--skip); } .top.st-error { background: var(--error); }
.top.st-untested { background: repeating-linear-gradient(135deg, #334155 0 14px, #3b4a5f 14px 28px); }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; gap: 12px; align-items: center; padding: 10px 0; background: #f6f8fa; border-bottom: 1px solid var(--line); }
.toolbar button { font: inherit; font-size: 13px; padding: 3px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
.toolbar label { font-size: 13px; display: flex; gap: 6px; align-items: center; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 16px; margin-top: 12px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; }
.matrix { width: 100%; border-spacing: 4px; border-collapse: separate; }
.matrix th { font-size: 12px; font-weight: 600; color: var(--muted); text-align: center; padding: 4px; }
.matrix th.target { text-align: left; }
.matrix td.cell { padding: 0; border-radius: 6px; text-align: center; min-width: 64px; }
.matrix .word .lvl { white-space: nowrap; }
.matrix th.target { max-width: 240px; white-space: normal; }
.matrix .tmeta { overflow-wrap: anywhere; }
.matrix td.cell a { display: block; padding: 8px 4px; color: inherit; text-decoration: none; border-radius: 6px; }
.matrix td.cell a:hover { outline: 2px solid currentColor; }
.matrix .word { display: block; font-weight: 700; font-size: 11.5px; letter-spacing: 0; }
.matrix .counts { display: block; font-size: 11px; }
.matrix .tname { font-weight: 600; }
.matrix .tmeta { font-size: 12px; color: var(--muted); }
.legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); gap: 4px 16px; font-size: 12px; color: var(--muted); margin-top: 10px; }
.legend .key { display: flex; gap: 8px; align-items: baseline; }
.legend .key .badge { flex: none; min-width: 104px; text-align: center; margin-right: 4px; }
.legend-note { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
td.st-pass, .badge.st-pass { background: var(--pass-bg); color: var(--pass); }
td.st-fail, .badge.st-fail { background: var(--fail-bg); color: var(--fail); }
td.st-warn, .badge.st-warn { background: var(--warn-bg); color: var(--warn); }
td.st-skip, .badge.st-skip { background: var(--skip-bg); color: var(--skip); }
td.st-error, .badge.st-error { background: var(--error-bg); color: var(--error); }
td.st-degraded, .badge.st-degraded { background: var(--degraded-bg); color: var(--degraded); }
.badge.st-untested { background: var(--untested); color: #fff; }
td.st-fail { box-shadow: inset 0 0 0 2px var(--fail); }
.badge { display: inline-block; font-size: 12px; font-weight: 700; letter-spacing: .03em; padding: 1px 8px; border-radius: 999px; white-space: nowrap; }
.level { justify-self: start; font-size: 11px; font-weight: 600; padding: 0 6px; border: 1px solid var(--line); border-radius: 4px; color: var(--muted); }
.row .badge { justify-self: start; }
.not-run { margin: 20px 0 0; font-size: 13px; }
.level.MUST { color: var(--ink); border-color: #8c959f; }
.target-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
.target-head h2 { margin-bottom: 0; }
.muted { color: var(--muted); }
.target-error { border-left: 4px solid var(--error); background: var(--error-bg); padding: 8px 12px; border-radius: 4px; }
.target-untested { border-left: 4px solid var(--untested); background: var(--untested-bg); padding: 8px 12px; border-radius: 4px; font-weight: 600; }
.target-skipped { border-left: 4px solid var(--skip); background: var(--skip-bg); padding: 8px 12px; border-radius: 4px; }
.checks { border: 1px solid var(--line); border-radius: 8px; background: #fff; }
.check { border-top: 1px solid var(--line); }
.check:first-child { border-top: 0; }
.row { display: grid; grid-template-columns: 104px 64px minmax(180px, 290px) 1fr auto; gap: 10px; align-items: baseline; padding: 7px 12px; }
.row .id { font-family: var(--mono); font-size: 13px; overflow-wrap: anywhere; }
.row .title { min-width: 0; }
.row .side { font-size: 12px; color: var(--muted); text-align: right; white-space: nowrap; }
.row .note { grid-column: 3 / -1; font-size: 13px; color: var(--muted); margin-top: -4px; }
summary.row { cursor: pointer; list-style: none; }
summary.row::-webkit-details-marker { display: none; }
summary.row .title::after { content: " ▸"; color: var(--muted); }
details[open] > summary.row .title::after { content: " ▾"; }
details[open] > summary.row { background: #f6f8fa; }
.rate { font-family: var(--mono); font-size: 12px; padding: 0 6px; border-radius: 4px; background: var(--skip-bg); }
.rate.bad { background: var(--fail-bg); color: var(--fail); }
.detail { padding: 4px 16px 16px; border-top: 1px dashed var(--line); }
.row .count { font-weight: 700; color: var(--ink); background: var(--skip-bg); padding: 0 6px; border-radius: 4px; }
.members { border: 1px solid var(--line); border-radius: 6px; }
.member { border-top: 1px solid var(--line); }
.member:first-child { border-top: 0; }
.member > summary { cursor: pointer; padding: 5px 10px; display: flex; gap: 12px; align-items: baseline; font-size: 13px; list-style: none; }
.member > summary::-webkit-details-marker { display: none; }
.member > summary::before { content: "▸"; color: var(--muted); }
.member[open] > summary::before { content: "▾"; }
.member > summary .m-received { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; font-family: var(--mono); font-size: 12px; }
.member[open] > summary { background: #f6f8fa; }
.findings > summary { cursor: pointer; font-size: 13px; }
.findings ul { margin: 4px 0 0; padding-left: 18px; max-height: 300px; overflow-y: auto; }
.findings li { font-size: 12px; overflow-wrap: anywhere; }
.f-consequence { font-weight: 600; }
.er { display: grid; grid-template-columns: 100px 1fr; gap: 4px 12px; margin: 10px 0; }
.er dt { font-weight: 600; font-size: 13px; color: var(--muted); }
.er dd { margin: 0; min-width: 0; }
.er dd pre { margin: 0; }
pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 420px; overflow-y: auto; }
.exchange { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin-top: 12px; }
.ex-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.ex-head .url { font-family: var(--mono); font-size: 13px; overflow-wrap: anywhere; }
.http { font-family: var(--mono); font-weight: 700; padding: 0 6px; border-radius: 4px; }
.http.ok { background: var(--pass-bg); color: var(--pass); } .http.bad { background: var(--fail-bg); color: var(--fail); } .http.none { background: var(--error-bg); color: var(--error); }
.ex-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 16px; }
@media (max-width: 900px) { .ex-grid { grid-template-columns: minmax(0, 1fr); } .row { grid-template-columns: 100px 60px 1fr; } .row .title, .row .side, .row .note { grid-column: 1 / -1; text-align: left; } .row .note { margin-top: 0; } }
.headers { width: 100%; font-family: var(--mono); font-size: 12px; }
.headers td { border-bottom: 1px solid #eaeef2; padding: 2px 6px; vertical-align: top; overflow-wrap: anywhere; }
.headers td:first-child { color: var(--muted); white-space: nowrap; width: 1%; }
.events { width: 100%; font-size: 12px; }
.events th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); padding: 2px 6px; }
.events td { border-bottom: 1px solid #eaeef2; padding: 2px 6px; vertical-align: top; font-family: var(--mono); }
.events td.data { overflow-wrap: anywhere; }
.events tr.comment td { color: var(--warn); background: #fffbea; }
.events tr.hit td { background: var(--fail-bg); }
.events td.num { text-align: right; white-space: nowrap; color: var(--muted); }
.cap-note, .notes li { font-size: 12px; color: var(--warn); }
.notes { margin: 6px 0; padding-left: 18px; }
.curl { position: relative; margin-top: 10px; }
.curl pre { padding-right: 70px; }
.copy { position: absolute; right: 8px; top: 30px; font-size: 12px; padding: 2px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
body.only-problems .check.ok { display: none; }
`;

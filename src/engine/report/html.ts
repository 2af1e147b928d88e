/**
 * A case as one self-contained HTML file: no script, no outside resource, a
 * Content-Security-Policy that forbids both, styles inline, readable in dark
 * mode and in print. Every piece of text is escaped.
 */
import type { ShownCommands } from '../walk/present.ts';
import type { CaseReport } from './case.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root{color-scheme:light dark;--fg:#0f172a;--bg:#fff;--muted:#475569;--box:#f1f5f9;--line:#cbd5e1}
@media (prefers-color-scheme:dark){:root{--fg:#e2e8f0;--bg:#0f172a;--muted:#cbd5e1;--box:#1e293b;--line:#334155}}
body{font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem}h2{font-size:1.15rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:1.6rem}h3{font-size:1rem}
pre{background:var(--box);padding:.5rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font:13px/1.4 ui-monospace,monospace}
table{border-collapse:collapse}td,th{border:1px solid var(--line);padding:.2rem .5rem;text-align:left}
code{font:13px ui-monospace,monospace}.muted{color:var(--muted)}
@media print{:root{--fg:#000;--bg:#fff;--box:#fff}pre{border:1px solid #999}}
`;

const e = escapeHtml;

function commands(title: string, shown: readonly ShownCommands[]): string {
  if (shown.length === 0) return '';
  const parts = shown.map((s) =>
    s.none
      ? `<p><strong>${e(s.name)}</strong>: ${e(s.none)}</p>`
      : `<p><strong>${e(s.name)}</strong></p><pre>${e(s.commands.join('\n'))}</pre>`,
  );
  return `<h3>${e(title)}</h3>${parts.join('')}`;
}

/** Writes the report as a standalone HTML document. */
export function toHtml(report: CaseReport): string {
  const body: string[] = [`<h1>${e(report.title)}</h1>`];
  if (report.createdAt)
    body.push(`<p class="muted">Created ${e(report.createdAt)} with IPsec Triage.</p>`);
  body.push(
    `<table><tbody>${report.context
      .map((c) => `<tr><th scope="row">${e(c.label)}</th><td>${e(c.value)}</td></tr>`)
      .join('')}</tbody></table>`,
  );
  if (report.answers.length > 0)
    body.push(
      `<h2>Answers given</h2><ol>${report.answers
        .map((a) => `<li>${e(a.question)} — <strong>${e(a.answer)}</strong></li>`)
        .join('')}</ol>`,
    );
  if (report.findings.length > 0) {
    body.push('<h2>Findings from the device output</h2>');
    for (const f of report.findings) {
      const conf = f.confidence
        ? ` <span class="muted">(${e(f.confidence)} confidence)</span>`
        : '';
      body.push(`<h3>${e(f.title)} <code>${e(f.id)}</code>${conf}</h3>`);
      if (f.lines.length > 0)
        body.push(
          `<pre>${f.lines.map((l) => `${String(l.no).padStart(5)}  ${e(l.text)}`).join('\n')}</pre>`,
        );
    }
  }
  if (report.ladder) body.push(`<h2>IKE exchange</h2><pre>${e(report.ladder)}</pre>`);
  const d = report.diagnosis;
  if (d) {
    body.push(
      `<h2>Diagnosis: ${e(d.title)} <code>${e(d.id)}</code></h2><p>${e(d.explanation)}</p>`,
      ...d.reading.map((r) => `<p><em>As ${e(r.role)}:</em> ${e(r.text)}</p>`),
      `<h3>Fix</h3><ol>${d.fix
        .map(
          (s) =>
            `<li>${e(s.text)}${
              s.config ? `<p>${e(s.config.platform)}:</p><pre>${e(s.config.text)}</pre>` : ''
            }</li>`,
        )
        .join('')}</ol>`,
      commands('Confirm', d.confirm),
      commands('Verify the fix', d.verify),
      d.sources.length > 0 ? `<p class="muted">Sources: ${e(d.sources.join('; '))}.</p>` : '',
    );
  } else {
    body.push(`<h2>Where the walk stopped</h2><p>Question: ${e(report.current.title)}</p>`);
  }
  const removed = Object.entries(report.removed);
  body.push(
    `<p class="muted"><em>${
      removed.length > 0
        ? `Redacted before export: ${e(removed.map(([k, n]) => `${n} × ${k}`).join(', '))}.`
        : 'Redaction found nothing to remove in the device output included here.'
    }</em></p>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${e(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

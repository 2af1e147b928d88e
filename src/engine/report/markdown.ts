/**
 * A case as Markdown for a ticket. Device text only ever appears inside code
 * fences longer than any backtick run it holds, so pasted output cannot
 * become Markdown (links, images, HTML) in the ticket system.
 */
import type { ShownCommands } from '../walk/present.ts';
import type { CaseReport } from './case.ts';

/** A fenced block that no content can close early. */
export function fence(body: string, info = ''): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${body}\n${ticks}`;
}

/** Knowledge text in running Markdown: our own words, but keep `<` and `|` literal. */
const prose = (s: string): string => s.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
/** A table cell: no line breaks, no cell separators. */
const cell = (s: string): string =>
  prose(s)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function commandBlock(title: string, shown: readonly ShownCommands[], out: string[]): void {
  if (shown.length === 0) return;
  out.push(`### ${title}`, '');
  for (const s of shown) {
    if (s.none) out.push(`- **${s.name}**: ${prose(s.none)}`);
    else out.push(`**${s.name}**`, '', fence(s.commands.join('\n')), '');
  }
  out.push('');
}

/** Writes the report as Markdown. */
export function toMarkdown(report: CaseReport): string {
  const out: string[] = [`# ${prose(report.title)}`, ''];
  if (report.createdAt) out.push(`Created ${report.createdAt} with IPsec Triage.`, '');
  out.push('| | |', '|---|---|');
  for (const c of report.context) out.push(`| ${cell(c.label)} | ${cell(c.value)} |`);
  out.push('');

  if (report.answers.length > 0) {
    out.push('## Answers given', '');
    report.answers.forEach((a, i) =>
      out.push(`${i + 1}. ${prose(a.question)} — **${prose(a.answer)}**`),
    );
    out.push('');
  }

  if (report.findings.length > 0) {
    out.push('## Findings from the device output', '');
    for (const f of report.findings) {
      const conf = f.confidence ? ` (${f.confidence} confidence)` : '';
      out.push(`### ${prose(f.title)} \`${f.id}\`${conf}`, '');
      if (f.lines.length > 0)
        out.push(
          fence(f.lines.map((l) => `${String(l.no).padStart(5)}  ${l.text}`).join('\n')),
          '',
        );
    }
  }

  if (report.ladder) out.push('## IKE exchange', '', fence(report.ladder), '');

  const d = report.diagnosis;
  if (d) {
    out.push(`## Diagnosis: ${prose(d.title)} \`${d.id}\``, '', prose(d.explanation), '');
    for (const r of d.reading) out.push(`*As ${r.role}:* ${prose(r.text)}`, '');
    out.push('### Fix', '');
    d.fix.forEach((step, i) => {
      out.push(`${i + 1}. ${prose(step.text)}`);
      if (step.config)
        out.push('', `   ${step.config.platform}:`, '', indent(fence(step.config.text)), '');
    });
    out.push('');
    commandBlock('Confirm', d.confirm, out);
    commandBlock('Verify the fix', d.verify, out);
    if (d.sources.length > 0) out.push(`Sources: ${d.sources.map(prose).join('; ')}.`, '');
  } else {
    out.push(`## Where the walk stopped`, '', `Question: ${prose(report.current.title)}`, '');
  }

  const removed = Object.entries(report.removed);
  out.push(
    removed.length > 0
      ? `_Redacted before export: ${removed.map(([k, n]) => `${n} × ${k}`).join(', ')}._`
      : '_Redaction found nothing to remove in the device output included here._',
  );
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

const indent = (s: string): string =>
  s
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');

/**
 * Everything that may leave the page for one case, made in one place with one
 * redactor: the report (Markdown and HTML), the link excerpt, and the list of
 * what was removed so the user can look before sharing. The page only shows
 * and copies what this returns.
 */
import type { Tree } from '../../knowledge/schema.ts';
import type { Finding } from '../classify/classify.ts';
import { createRedactor } from '../redact/index.ts';
import type { Redaction, RedactOptions } from '../redact/types.ts';
import { buildCase, type CaseReport, type TextRedactor } from '../report/case.ts';
import { toHtml } from '../report/html.ts';
import { toMarkdown } from '../report/markdown.ts';
import type { WalkState } from '../walk/state.ts';
import { encodeExcerpt, type ExcerptLine } from './excerpt.ts';

/** What the page knows about the case. */
export interface ShareInput {
  readonly tree: Tree;
  readonly state: WalkState;
  readonly paste?: string;
  readonly findings?: readonly Finding[];
  /** Lines carried by the link the page was opened with. */
  readonly linkExcerpt?: readonly ExcerptLine[];
  readonly ladderText?: string;
  readonly createdAt: string;
}

/** A removed piece of the paste, for the preview: where it was and what replaces it. */
export interface RemovedItem {
  readonly line: number;
  readonly kind: Redaction['kind'];
  readonly replacement: string;
}

/** What may be shared. */
export interface Shareable {
  readonly report: CaseReport;
  readonly markdown: string;
  readonly html: string;
  /** The proving lines as they would go into a link (redacted), leading finding's first. */
  readonly excerptLines: readonly ExcerptLine[];
  /** The encoded excerpt, or null when there is nothing to carry. */
  readonly excerpt: { encoded: string; kept: number; truncated: boolean } | null;
  /** What redaction removed from the paste's lines that leave the page. */
  readonly removed: readonly RemovedItem[];
}

/** The proving lines of the findings, in paste order, at most `limit`. */
export function provingLines(findings: readonly Finding[], limit = 40): number[] {
  const seen = new Set<number>();
  for (const f of findings) for (const e of f.evidence) seen.add(e.line);
  return [...seen].sort((a, b) => a - b).slice(0, limit);
}

/** Prepares the report, the excerpt and the removal list. */
export function prepareShare(input: ShareInput, options: RedactOptions): Shareable {
  const redactor = createRedactor(options);
  // The paste is redacted as a whole (secrets can depend on earlier lines, like a hex dump after
  // its header); the lines that leave are then taken from the redacted text by number.
  const redactedPaste = input.paste === undefined ? null : redactor.redact(input.paste);
  const pasteLines = redactedPaste?.text.split(/\r\n|\r|\n/) ?? [];
  const lines = provingLines(input.findings ?? []);
  const wanted = new Set(lines);
  const removed = (redactedPaste?.redactions ?? [])
    .filter((r) => wanted.has(r.line))
    .map((r) => ({ line: r.line, kind: r.kind, replacement: r.replacement }));

  // The report reads the paste through this: already redacted, so only counting is left.
  const counted: Record<string, number> = {};
  for (const r of removed) counted[r.kind] = (counted[r.kind] ?? 0) + 1;
  const forReport: TextRedactor = {
    redact: (text) =>
      text === input.paste
        ? { text: redactedPaste?.text ?? '', redactions: [] }
        : redactor.redact(text),
  };
  const base = buildCase(
    {
      tree: input.tree,
      state: input.state,
      ...(input.paste !== undefined ? { paste: input.paste } : {}),
      ...(input.findings ? { findings: input.findings } : {}),
      ...(input.linkExcerpt ? { excerpt: input.linkExcerpt } : {}),
      ...(input.ladderText ? { ladderText: input.ladderText } : {}),
      createdAt: input.createdAt,
    },
    forReport,
  );
  const report: CaseReport = { ...base, removed: mergeCounts(base.removed, counted) };

  const excerptLines: ExcerptLine[] =
    input.paste !== undefined
      ? lines.map((no) => ({ no, text: pasteLines[no - 1] ?? '' }))
      : (input.linkExcerpt ?? []).map((l) => ({ no: l.no, text: redactor.redact(l.text).text }));
  return {
    report,
    markdown: toMarkdown(report),
    html: toHtml(report),
    excerptLines,
    excerpt: excerptLines.length > 0 ? encodeExcerpt(excerptLines) : null,
    removed,
  };
}

function mergeCounts(
  a: Readonly<Record<string, number>>,
  b: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
}

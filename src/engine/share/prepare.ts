/**
 * Everything that may leave the page for one case, made in one place with one
 * redactor: the report (Markdown and HTML), the link excerpt, and the list of
 * what was removed so the user can look before sharing. The page only shows
 * and copies what this returns.
 *
 * Two halves: `redactForShare` (`redact.ts`) reads the paste and is slow on a
 * big one, so the page runs it in its worker; `assembleShare` writes the report
 * from its redacted pieces and never sees the paste. The CLI calls both at once.
 */
import type { Tree } from '../../knowledge/schema.ts';
import type { Finding } from '../classify/classify.ts';
import type { RedactOptions } from '../redact/types.ts';
import { buildCase, type CaseReport, type TextRedactor } from '../report/case.ts';
import { toHtml } from '../report/html.ts';
import { toMarkdown } from '../report/markdown.ts';
import type { WalkState } from '../walk/state.ts';
import { encodeExcerpt, type ExcerptLine } from './excerpt.ts';
import {
  redactForShare,
  type Counts,
  type RedactedShare,
  type RemovedItem,
  type ShareSource,
} from './redact.ts';

export { provingLines, redactForShare } from './redact.ts';
export type { Counts, RedactedShare, RemovedItem, ShareSource } from './redact.ts';

/** Where the case stands: what the report says besides the device text. */
export interface ShareCase {
  readonly tree: Tree;
  readonly state: WalkState;
  readonly findings?: readonly Finding[];
  readonly createdAt: string;
}

/** What the page knows about the case. */
export type ShareInput = ShareCase & ShareSource;

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

/** Every piece `assembleShare` gets is redacted already: nothing is left to take out. */
const ALREADY_REDACTED: TextRedactor = { redact: (text) => ({ text, redactions: [] }) };

/** Writes the report, the excerpt and the removal list from redacted pieces. Cheap: no paste. */
export function assembleShare(c: ShareCase, redacted: RedactedShare): Shareable {
  const base = buildCase(
    {
      tree: c.tree,
      state: c.state,
      ...(redacted.fromPaste
        ? { redactedPaste: new Map(redacted.pasteLines.map((l) => [l.no, l.text])) }
        : {}),
      ...(c.findings ? { findings: c.findings } : {}),
      ...(redacted.linkExcerpt ? { excerpt: redacted.linkExcerpt } : {}),
      ...(redacted.ladderText ? { ladderText: redacted.ladderText } : {}),
      createdAt: c.createdAt,
    },
    ALREADY_REDACTED,
  );
  // The report shows a link's excerpt only under a finding the walk holds; count it only then.
  const excerptShown = redacted.linkExcerpt !== undefined && base.findings.length > 0;
  const { linkExcerpt, ladder, provingLines } = redacted.counts;
  const report: CaseReport = {
    ...base,
    removed: merge([excerptShown ? linkExcerpt : {}, ladder, provingLines]),
  };
  const { excerptLines } = redacted;
  return {
    report,
    markdown: toMarkdown(report),
    html: toHtml(report),
    excerptLines,
    excerpt: excerptLines.length > 0 ? encodeExcerpt(excerptLines) : null,
    removed: redacted.removed,
  };
}

/** Prepares the report, the excerpt and the removal list. */
export function prepareShare(input: ShareInput, options: RedactOptions): Shareable {
  return assembleShare(input, redactForShare(input, options));
}

/** Adds up counts (in order: the report lists kinds as they first appear). */
function merge(all: readonly Counts[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const counts of all) for (const [k, n] of Object.entries(counts)) out[k] = (out[k] ?? 0) + n;
  return out;
}

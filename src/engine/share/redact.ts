/**
 * The half of sharing that reads the paste: redacts it and takes out only what may leave (the
 * findings' proving lines, the link excerpt, the ladder's text) with the list of what was
 * removed. Slow on a big paste (the whole paste is redacted), so the page runs it in its worker;
 * `assembleShare` (`prepare.ts`) then writes the report from these pieces alone.
 */
import type { Finding } from '../classify/classify.ts';
import { createRedactor, redact } from '../redact/index.ts';
import type { Redaction, RedactOptions } from '../redact/types.ts';
import { REPORT_LINES_PER_FINDING } from '../report/case.ts';
import type { ExcerptLine } from './excerpt.ts';

/** The device text of a case: everything a share needs that may hold a secret. */
export interface ShareSource {
  readonly paste?: string;
  readonly findings?: readonly Finding[];
  /** Lines carried by the link the page was opened with. */
  readonly linkExcerpt?: readonly ExcerptLine[];
  readonly ladderText?: string;
}

/** A removed piece of the paste, for the preview: where it was and what replaces it. */
export interface RemovedItem {
  readonly line: number;
  readonly kind: Redaction['kind'];
  readonly replacement: string;
}

/** How many items of each redaction kind. */
export type Counts = Readonly<Record<string, number>>;

/** The device text of a case as it may leave: redacted, and only the lines that are cited. */
export interface RedactedShare {
  /** The report cites the paste (it was given with its findings), not the link's excerpt. */
  readonly fromPaste: boolean;
  /** The paste lines the report and the excerpt cite, redacted, in line order. */
  readonly pasteLines: readonly ExcerptLine[];
  /** The link's excerpt, redacted (when the report shows it). */
  readonly linkExcerpt?: readonly ExcerptLine[];
  readonly ladderText?: string;
  /** The proving lines as they would go into a link, leading finding's first. */
  readonly excerptLines: readonly ExcerptLine[];
  /** What redaction removed from the paste's proving lines. */
  readonly removed: readonly RemovedItem[];
  /** How many items of each kind redaction removed from each piece. */
  readonly counts: {
    readonly linkExcerpt: Counts;
    readonly ladder: Counts;
    readonly provingLines: Counts;
  };
}

/** The proving lines of the findings, in paste order, at most `limit`. */
export function provingLines(findings: readonly Finding[], limit = 40): number[] {
  const seen = new Set<number>();
  for (const f of findings) for (const e of f.evidence) seen.add(e.line);
  return [...seen].sort((a, b) => a - b).slice(0, limit);
}

/** Every paste line a share cites: the proving lines and each finding's lines in the report. */
function citedLines(findings: readonly Finding[], proving: readonly number[]): number[] {
  const cited = new Set(proving);
  for (const f of findings)
    for (const e of f.evidence.slice(0, REPORT_LINES_PER_FINDING)) cited.add(e.line);
  return [...cited].sort((a, b) => a - b);
}

/** Redacts the device text of a case with one redactor (an address keeps one label throughout). */
export function redactForShare(source: ShareSource, options: RedactOptions): RedactedShare {
  const redactor = createRedactor(options);
  const counts: Record<keyof RedactedShare['counts'], Record<string, number>> = {
    linkExcerpt: {},
    ladder: {},
    provingLines: {},
  };
  const count = (rs: readonly { kind: string }[], into: Record<string, number>) => {
    for (const r of rs) into[r.kind] = (into[r.kind] ?? 0) + 1;
  };
  const fromPaste = source.paste !== undefined && source.findings !== undefined;

  // The paste is redacted as a whole (secrets can depend on earlier lines, like a hex dump after
  // its header); the lines that leave are then taken from the redacted text by number.
  const redactedPaste = source.paste === undefined ? null : redactor.redact(source.paste);
  const lines = redactedPaste?.text.split(/\r\n|\r|\n/) ?? [];
  const proving = provingLines(source.findings ?? []);
  const wanted = new Set(proving);
  const removed = (redactedPaste?.redactions ?? [])
    .filter((r) => wanted.has(r.line))
    .map((r) => ({ line: r.line, kind: r.kind, replacement: r.replacement }));
  count(removed, counts.provingLines);
  const lineOf = (no: number): ExcerptLine => ({ no, text: lines[no - 1] ?? '' });

  // With the paste's findings the report cites the paste: a link's excerpt is not used.
  const linkExcerpt = fromPaste
    ? undefined
    : source.linkExcerpt?.map((l) => {
        const out = redactor.redact(l.text);
        count(out.redactions, counts.linkExcerpt);
        return { no: l.no, text: out.text };
      });
  const ladder = source.ladderText === undefined ? null : redactor.redact(source.ladderText);
  if (ladder) count(ladder.redactions, counts.ladder);

  return {
    fromPaste,
    pasteLines: redactedPaste ? citedLines(source.findings ?? [], proving).map(lineOf) : [],
    ...(linkExcerpt ? { linkExcerpt } : {}),
    ...(ladder ? { ladderText: ladder.text } : {}),
    excerptLines: redactedPaste ? proving.map(lineOf) : (linkExcerpt ?? []),
    removed,
    counts,
  };
}

/**
 * Some lines of a text, each redacted on its own with secrets removed: the lines a comparison
 * finding cites, as the compare page shows them (a finding about keys points at the key lines,
 * never at the key).
 */
export function redactEachLine(text: string, numbers: readonly number[]): ExcerptLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  return [...new Set(numbers)]
    .sort((a, b) => a - b)
    .map((no) => ({ no, text: redact(lines[no - 1] ?? '').text }));
}

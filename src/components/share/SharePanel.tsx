/**
 * "Share this case": the report as Markdown (copy or download) or as one HTML
 * file, and the choice to put the proving lines in the link. Everything shown
 * here was prepared and redacted by the engine: the paste is redacted in the
 * share worker (`redactForShare`), the report written here from the redacted
 * pieces (`assembleShare`); the user sees what was removed before anything
 * leaves the page.
 */
import { useMemo, useState } from 'react';
import { TREE } from '../../knowledge/tree.ts';
import type { Finding } from '../../engine/classify/classify.ts';
import type { Ladder } from '../../engine/ladder/index.ts';
import { assembleShare } from '../../engine/share/prepare.ts';
import type { ExcerptLine } from '../../engine/share/excerpt.ts';
import type { WalkState } from '../../engine/walk/state.ts';
import { ShareContent } from './ShareContent.tsx';
import { useShareRedaction } from './useShareRedaction.ts';

/** Props: the walk, the analysed paste and its findings, the link's excerpt and how to set it. */
export function SharePanel({
  state,
  paste,
  findings,
  linkExcerpt,
  ladder,
  excerptInLink,
  setExcerptInLink,
}: {
  state: WalkState;
  paste: string | null;
  findings: readonly Finding[] | null;
  linkExcerpt: readonly ExcerptLine[] | null;
  ladder: Ladder | null;
  /** The encoded excerpt the link carries now, if any. */
  excerptInLink: string | undefined;
  setExcerptInLink: (encoded: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [mask, setMask] = useState(false);
  const source = useMemo(
    () =>
      open
        ? {
            ...(paste !== null ? { paste } : {}),
            ...(findings ? { findings } : {}),
            ...(linkExcerpt ? { linkExcerpt } : {}),
            ...(ladder ? { ladder } : {}),
          }
        : null,
    [open, paste, findings, linkExcerpt, ladder],
  );
  const redaction = useShareRedaction(source, mask);
  // The walk may move while the panel is open: the report follows without asking the worker.
  const shareable = useMemo(
    () =>
      redaction.kind === 'done'
        ? assembleShare(
            {
              tree: TREE,
              state,
              ...(findings ? { findings } : {}),
              createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
            },
            redaction.redacted,
          )
        : null,
    [redaction, state, findings],
  );
  const carried = excerptInLink !== undefined;

  return (
    <details
      className="no-print mt-6 rounded border border-slate-300 p-3 dark:border-slate-700"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer font-semibold">Share this case</summary>
      {open && (
        <div className="mt-2 space-y-3 text-sm">
          <p>
            Secrets (pre-shared keys, passwords, communities, RADIUS keys, IKE key material) are
            always removed from the device output before it goes into a report, the clipboard or the
            link.
          </p>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={mask}
              onChange={(e) => {
                setMask(e.target.checked);
                // The excerpt in the link was made with the other setting: take it out.
                if (carried) setExcerptInLink(null);
              }}
            />
            Also mask IP addresses and host names (the same address keeps the same label)
          </label>

          {redaction.kind === 'preparing' && (
            <p role="status" className="text-slate-600 dark:text-slate-300">
              Preparing… removing secrets from the device output.
            </p>
          )}
          {redaction.kind === 'failed' && (
            <p role="alert" className="text-red-700 dark:text-red-300">
              The report could not be prepared: {redaction.message}
            </p>
          )}
          {shareable && (
            <ShareContent
              shareable={shareable}
              carried={carried}
              setExcerptInLink={setExcerptInLink}
            />
          )}
        </div>
      )}
    </details>
  );
}

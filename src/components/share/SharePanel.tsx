/**
 * "Share this case": the report as Markdown (copy or download) or as one HTML
 * file, and the choice to put the proving lines in the link. Everything shown
 * here was prepared and redacted by the engine (`prepareShare`); the user sees
 * what was removed before anything leaves the page.
 */
import { useMemo, useState } from 'react';
import { TREE } from '../../knowledge/tree.ts';
import type { Finding } from '../../engine/classify/classify.ts';
import { prepareShare } from '../../engine/share/prepare.ts';
import type { ExcerptLine } from '../../engine/share/excerpt.ts';
import type { WalkState } from '../../engine/walk/state.ts';
import { CopyButton } from '../common/CopyButton.tsx';

const KIND_NAMES: Record<string, string> = {
  'pre-shared-key': 'pre-shared key',
  password: 'password',
  'snmp-community': 'SNMP community',
  'radius-key': 'RADIUS/TACACS key',
  'key-material': 'IKE key material',
  certificate: 'certificate',
  address: 'address',
  hostname: 'host name',
  'other-secret': 'secret',
};

/** Starts a download of `text` as a file; nothing is sent anywhere. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Props: the walk, the analysed paste and its findings, the link's excerpt and how to set it. */
export function SharePanel({
  state,
  paste,
  findings,
  linkExcerpt,
  ladderText,
  excerptInLink,
  setExcerptInLink,
}: {
  state: WalkState;
  paste: string | null;
  findings: readonly Finding[] | null;
  linkExcerpt: readonly ExcerptLine[] | null;
  ladderText: string | null;
  /** The encoded excerpt the link carries now, if any. */
  excerptInLink: string | undefined;
  setExcerptInLink: (encoded: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const [mask, setMask] = useState(false);
  const shareable = useMemo(
    () =>
      open
        ? prepareShare(
            {
              tree: TREE,
              state,
              ...(paste !== null ? { paste } : {}),
              ...(findings ? { findings } : {}),
              ...(linkExcerpt ? { linkExcerpt } : {}),
              ...(ladderText ? { ladderText } : {}),
              createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
            },
            { addresses: mask, hostnames: mask },
          )
        : null,
    [open, state, paste, findings, linkExcerpt, ladderText, mask],
  );
  const fileBase = `ipsec-triage-${shareable?.report.current.id ?? 'case'}`;
  const carried = excerptInLink !== undefined;
  const btn =
    'rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

  return (
    <details
      className="no-print mt-6 rounded border border-slate-300 p-3 dark:border-slate-700"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="cursor-pointer font-semibold">Share this case</summary>
      {shareable && (
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

          <section aria-label="What will be removed">
            <h3 className="font-semibold">What will be removed from the lines that leave</h3>
            {shareable.removed.length === 0 ? (
              <p className="text-slate-600 dark:text-slate-300">
                Nothing in the proving lines needs removing.
              </p>
            ) : (
              <ul className="list-disc pl-5">
                {shareable.removed.map((r, i) => (
                  <li key={i}>
                    line {r.line}: {KIND_NAMES[r.kind] ?? r.kind} → <code>{r.replacement}</code>
                  </li>
                ))}
              </ul>
            )}
            {shareable.excerptLines.length > 0 && (
              <pre
                tabIndex={0}
                aria-label="Proving lines as they will be shared"
                className="mt-2 max-h-48 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800"
              >
                {shareable.excerptLines
                  .map((l) => `${String(l.no).padStart(5)}  ${l.text}`)
                  .join('\n')}
              </pre>
            )}
          </section>

          <div className="flex flex-wrap gap-2">
            <CopyButton
              text={shareable.markdown}
              label="Copy the report as Markdown"
              className="!px-3 !py-1 !text-sm"
            />
            <button
              type="button"
              className={btn}
              onClick={() => download(`${fileBase}.md`, 'text/markdown', shareable.markdown)}
            >
              Download Markdown report
            </button>
            <button
              type="button"
              className={btn}
              onClick={() => download(`${fileBase}.html`, 'text/html', shareable.html)}
            >
              Download HTML report
            </button>
          </div>

          {shareable.excerpt && (
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                checked={carried}
                onChange={(e) =>
                  setExcerptInLink(e.target.checked ? (shareable.excerpt?.encoded ?? null) : null)
                }
              />
              <span>
                Put the proving lines in the link (redacted as shown above, never the whole paste)
                {carried && (
                  <span role="status" className="block text-xs text-amber-800 dark:text-amber-300">
                    The link now carries {shareable.excerpt.kept} redacted line
                    {shareable.excerpt.kept === 1 ? '' : 's'}
                    {shareable.excerpt.truncated ? ' (cut to fit)' : ''}: anyone with the link can
                    read them. Use Copy link to share it.
                  </span>
                )}
              </span>
            </label>
          )}
        </div>
      )}
    </details>
  );
}

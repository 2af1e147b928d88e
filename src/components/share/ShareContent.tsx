/** What the share panel offers once the case is redacted: what was removed, copy, download, link. */
import type { Shareable } from '../../engine/share/prepare.ts';
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

const btn =
  'rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

/** Props: the prepared case, whether the link carries its excerpt, and how to set that. */
export function ShareContent({
  shareable,
  carried,
  setExcerptInLink,
}: {
  shareable: Shareable;
  carried: boolean;
  setExcerptInLink: (encoded: string | null) => void;
}) {
  const fileBase = `ipsec-triage-${shareable.report.current.id}`;
  return (
    <>
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
            {shareable.excerptLines.map((l) => `${String(l.no).padStart(5)}  ${l.text}`).join('\n')}
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
                {shareable.excerpt.truncated ? ' (cut to fit)' : ''}: anyone with the link can read
                them. Use Copy link to share it.
              </span>
            )}
          </span>
        </label>
      )}
    </>
  );
}

/** What a shared link says about the evidence: its findings and, when the sender chose, the proving lines. */
import type { decodeExcerpt } from '../../engine/share/excerpt.ts';
import type { AppliedEvidence } from '../../engine/walk/state.ts';

const PROBLEMS = {
  damaged: 'could not be read (the link is damaged or was cut short)',
  'newer-version': 'were written by a newer version of IPsec Triage; reload the page to update',
  'too-long': 'were refused because the link is far longer than any this tool writes',
} as const;

/** Props: the evidence in the link and its decoded excerpt (null when the link has none). */
export function LinkEvidence({
  evidence,
  linkExcerpt,
}: {
  evidence: AppliedEvidence;
  linkExcerpt: ReturnType<typeof decodeExcerpt> | null;
}) {
  const from = evidence.origin === 'compare' ? 'a configuration comparison' : 'a paste';
  return (
    <section aria-label="Evidence from the link" className="mt-3 text-sm">
      <p>
        This link carries findings from {from} made elsewhere ({evidence.findings.join(', ')}).
        {linkExcerpt === null &&
          ' The pasted text itself is never put in a link; paste it here to see the proving lines.'}
      </p>
      {linkExcerpt && !linkExcerpt.ok && (
        <p role="alert" className="mt-2 text-amber-800 dark:text-amber-300">
          The proving lines in this link {PROBLEMS[linkExcerpt.problem]}. The diagnosis itself is
          unaffected.
        </p>
      )}
      {linkExcerpt?.ok && (
        <>
          <h3 className="mt-2 font-semibold">Proving lines shared with the link</h3>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Redacted by the sender’s browser; line numbers are those of the original paste
            {linkExcerpt.excerpt.truncated
              ? '; some lines were left out to keep the link short'
              : ''}
            .
          </p>
          <pre
            tabIndex={0}
            aria-label="Proving lines from the link"
            className="mt-1 max-h-72 overflow-auto rounded bg-amber-50 p-2 font-mono text-xs dark:bg-slate-800"
          >
            {linkExcerpt.excerpt.lines
              .map((l) => `${String(l.no).padStart(5)}  ${l.text}`)
              .join('\n')}
          </pre>
        </>
      )}
    </section>
  );
}

/**
 * The two-peer configuration check: paste both ends, see every mismatch with
 * both sides' lines and the commands that fix it; open a finding in the wizard.
 * The comparison runs in the worker; this page only renders its result.
 */
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { TREE } from '../../knowledge/tree.ts';
import type { NodeId } from '../../knowledge/schema.ts';
import { PLATFORM_NAMES } from '../../knowledge/schema.ts';
import type { CompareFinding } from '../../engine/config/index.ts';
import type { ExcerptLine } from '../../engine/share/excerpt.ts';
import { encode } from '../../engine/walk/codec.ts';
import { INITIAL_STATE } from '../../engine/walk/state.ts';
import { transition } from '../../engine/walk/transition.ts';
import { JobCancelled, runCompare, type CompareAnswer } from '../../app/diagnoseClient.ts';
import { useApp } from '../../app/store.ts';
import { CopyButton } from '../common/CopyButton.tsx';
import { ConfigPane } from './ConfigPane.tsx';

const SEVERITY_STYLE = {
  error: 'border-red-600 bg-red-50 dark:bg-red-950',
  warning: 'border-amber-500 bg-amber-50 dark:bg-amber-950',
  info: 'border-slate-400 bg-slate-50 dark:bg-slate-900',
} as const;

type Status =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; answer: CompareAnswer }
  | { kind: 'failed'; message: string };

/** The lines of one side that a finding cites, as the worker redacted them. */
function shownLines(lines: readonly ExcerptLine[], cited: readonly number[]): ExcerptLine[] {
  const wanted = new Set(cited);
  return lines.filter((l) => wanted.has(l.no));
}

/** The compare page. */
export function ComparePage() {
  const texts = useApp((s) => s.compareTexts);
  const setTexts = useApp((s) => s.setCompareTexts);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [selected, setSelected] = useState<number | null>(null);
  const navigate = useNavigate();
  useEffect(() => {
    document.title = 'Compare two peers · IPsec Triage';
  }, []);

  const compare = () => {
    setStatus({ kind: 'running' });
    setSelected(null);
    runCompare(texts[0], texts[1]).result.then(
      (answer) => setStatus({ kind: 'done', answer }),
      (e: unknown) => {
        if (!(e instanceof JobCancelled))
          setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
  };

  const answer = status.kind === 'done' ? status.answer : null;
  const compared = answer?.compared ?? null;
  const result = compared?.ok ? compared.result : null;
  const finding = selected === null ? null : (result?.findings[selected] ?? null);

  const openInWizard = (f: CompareFinding) => {
    if (!result) return;
    const others = result.findings.map((x) => x.diagnosis).filter((d) => d !== f.diagnosis);
    const state = transition(TREE, INITIAL_STATE, {
      type: 'evidence',
      findings: [f.diagnosis, ...new Set(others)],
      context: { platform: result.peers[0].platform, peerPlatform: result.peers[1].platform },
      origin: 'compare',
    });
    void navigate({ to: '/', search: { s: encode(state) } });
  };

  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title" className="mb-1 text-xl font-bold">
        Compare two peers
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
        Paste both ends’ configurations (Cisco IOS/IOS-XE and ASA <code>show running-config</code>,
        FortiGate <code>config vpn ipsec phase1-interface</code>/<code>phase2-interface</code>,
        strongSwan <code>ipsec.conf</code>/<code>swanctl.conf</code>). Keys are compared, never
        shown. Nothing leaves your browser.
      </p>
      <div className="grid gap-3 md:grid-cols-2">
        {(['This peer', 'The other peer'] as const).map((label, i) => (
          <ConfigPane
            key={label}
            label={label}
            text={texts[i] ?? ''}
            onChange={(t) => setTexts(i === 0 ? [t, texts[1]] : [texts[0], t])}
            highlight={
              finding && answer
                ? shownLines(answer.lines[i === 0 ? 'a' : 'b'], i === 0 ? finding.a : finding.b)
                : []
            }
            platform={result ? PLATFORM_NAMES[result.peers[i as 0 | 1].platform] : undefined}
          />
        ))}
      </div>
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          onClick={compare}
          disabled={status.kind === 'running'}
          className="rounded bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          Compare
        </button>
        {status.kind === 'running' && <span role="status">Comparing…</span>}
      </div>

      {status.kind === 'failed' && (
        <p role="alert" className="mt-3 text-red-700 dark:text-red-300">
          The comparison failed: {status.message}
        </p>
      )}
      {compared && !compared.ok && (
        <p role="alert" className="mt-3 text-red-700 dark:text-red-300">
          {compared.side === 'a' ? 'This peer' : 'The other peer'}: {compared.problem}
        </p>
      )}
      {result && (
        <section aria-label="Comparison findings" className="mt-4">
          <h3 className="mb-2 font-semibold">
            {result.findings.filter((f) => f.severity === 'error').length === 0
              ? 'No mismatch that stops the tunnel.'
              : `${result.findings.filter((f) => f.severity === 'error').length} mismatch(es) that stop the tunnel`}
            {result.pairs.length > 0 &&
              ` · compared ${result.pairs.map((p) => `${p.a} ↔ ${p.b}`).join(', ')}`}
          </h3>
          <ol className="space-y-2">
            {result.findings.map((f, i) => (
              <li key={i} className={`rounded border-l-4 p-2 ${SEVERITY_STYLE[f.severity]}`}>
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className="text-xs font-bold uppercase">{f.severity}</span>
                  <span className="font-semibold">
                    {TREE.nodes.get(f.diagnosis as string as NodeId)?.title ?? f.diagnosis}
                  </span>
                  <code className="text-xs">{f.diagnosis}</code>
                </div>
                <p className="mt-1 text-sm">{f.message}</p>
                <p className="mt-1 text-sm">
                  <strong>Fix:</strong> {f.fix}
                </p>
                {(['a', 'b'] as const).map((side) =>
                  f.commands[side]?.length ? (
                    <div key={side} className="mt-1">
                      <div className="flex items-center gap-2 text-xs font-semibold">
                        On {side === 'a' ? 'this peer' : 'the other peer'}
                        <CopyButton
                          text={(f.commands[side] ?? []).join('\n')}
                          label={`Copy the commands for ${side === 'a' ? 'this peer' : 'the other peer'}`}
                        />
                      </div>
                      <pre className="overflow-x-auto rounded bg-white/70 px-2 py-1 font-mono text-xs dark:bg-slate-800">
                        {(f.commands[side] ?? []).join('\n')}
                      </pre>
                    </div>
                  ) : null,
                )}
                <div className="mt-1 flex flex-wrap gap-2 text-sm">
                  <button
                    type="button"
                    aria-pressed={selected === i}
                    onClick={() => setSelected(selected === i ? null : i)}
                    className="rounded border border-slate-400 px-2 py-0.5"
                  >
                    {selected === i ? 'Hide the lines' : 'Show the lines'} (this peer{' '}
                    {f.a.join(', ') || '—'}; other peer {f.b.join(', ') || '—'})
                  </button>
                  <button
                    type="button"
                    onClick={() => openInWizard(f)}
                    className="rounded border border-slate-400 px-2 py-0.5"
                  >
                    Open in the wizard
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

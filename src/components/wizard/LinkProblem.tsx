/** Says why a link could not be opened; the page starts fresh below it. */
import type { DecodeProblem } from '../../engine/walk/codec.ts';

const MESSAGES: Record<DecodeProblem | 'stale', string> = {
  damaged:
    'This link is damaged or was cut short, so its diagnosis could not be restored. You are starting fresh.',
  'newer-version':
    'This link was made by a newer version of IPsec Triage. Reload to get the latest version, or start fresh here.',
  'too-long':
    'This link is far longer than any real diagnosis and was not read. You are starting fresh.',
  stale:
    'This link refers to steps that no longer exist in this version of the knowledge base. You are starting fresh.',
};

/** The notice shown above a fresh start. */
export function LinkProblem({ problem }: { problem: DecodeProblem | 'stale' }) {
  return (
    <div
      role="alert"
      className="mb-3 rounded border border-amber-500 bg-amber-50 px-3 py-2 text-sm dark:bg-amber-950"
    >
      {MESSAGES[problem]}
    </div>
  );
}

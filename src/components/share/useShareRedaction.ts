/**
 * Redacts a case's device text in the share worker whenever it or the options change. The
 * newest request wins: an older job is cancelled and an answer for it is never shown.
 */
import { useEffect, useMemo, useState } from 'react';
import { JobCancelled, runShare, type ShareRequest } from '../../app/diagnoseClient.ts';
import type { RedactedShare } from '../../engine/share/redact.ts';

/** Where the redaction stands. */
export type ShareRedaction =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | { readonly kind: 'done'; readonly redacted: RedactedShare }
  | { readonly kind: 'failed'; readonly message: string };

/** The device text to redact (null: the panel is closed), and whether to mask addresses. */
export function useShareRedaction(
  source: Omit<ShareRequest, 'options'> | null,
  mask: boolean,
): ShareRedaction {
  const request = useMemo<ShareRequest | null>(
    () => (source === null ? null : { ...source, options: { addresses: mask, hostnames: mask } }),
    [source, mask],
  );
  // Answers are tagged with the request they belong to; one for an older request is stale.
  const [answer, setAnswer] = useState<{
    request: ShareRequest;
    status: ShareRedaction;
  } | null>(null);

  useEffect(() => {
    if (request === null) return;
    let live = true;
    const job = runShare(request);
    job.result.then(
      (redacted) => {
        if (live) setAnswer({ request, status: { kind: 'done', redacted } });
      },
      (e: unknown) => {
        if (live && !(e instanceof JobCancelled))
          setAnswer({
            request,
            status: { kind: 'failed', message: e instanceof Error ? e.message : String(e) },
          });
      },
    );
    return () => {
      live = false;
      job.cancel();
    };
  }, [request]);

  if (request === null) return { kind: 'idle' };
  return answer?.request === request ? answer.status : { kind: 'preparing' };
}

/** The IKEv1 state dictionary, searchable, each state linking to the diagnoses it points to. */
import { IKEV1_STATES } from '../../knowledge/reference/ikev1-states.ts';
import { PLATFORM_NAMES } from '../../knowledge/schema.ts';
import { searchEntries } from '../../engine/reference.ts';
import { statesRoute } from '../../app/router.tsx';
import { DiagnosisLinks } from './DiagnosisLinks.tsx';
import { SearchBox } from './SearchBox.tsx';

/** The page. */
export function StatesPage() {
  const { q = '' } = statesRoute.useSearch();
  const navigate = statesRoute.useNavigate();
  const shown = searchEntries(IKEV1_STATES, q, (e) => [
    e.name,
    e.meaning,
    e.seenIn,
    e.byRole?.initiator ?? '',
    e.byRole?.responder ?? '',
  ]);
  return (
    <article data-node-id="reference.ikev1-states" aria-labelledby="ref-title">
      <h2 id="ref-title" className="text-xl font-semibold">
        IKEv1 states
      </h2>
      <p className="mt-1 text-sm">
        What each state in <code>show crypto isakmp sa</code> and the IKEv1 debugs means, for the
        initiator and the responder.
      </p>
      <SearchBox
        value={q}
        onChange={(v) => void navigate({ search: v ? { q: v } : {}, replace: true })}
        label="Search states"
      />
      <p className="text-xs" role="status">
        {shown.length} of {IKEV1_STATES.length} states
      </p>
      <dl className="mt-2">
        {shown.map((e) => (
          <div
            key={`${e.name}-${e.platforms.join()}`}
            className="border-b border-slate-200 py-2 dark:border-slate-800"
          >
            <dt className="font-mono font-semibold">
              {e.name}{' '}
              <span className="font-sans text-xs font-normal text-slate-600 dark:text-slate-300">
                {e.platforms.map((p) => PLATFORM_NAMES[p]).join(', ')} · {e.seenIn}
              </span>
            </dt>
            <dd className="text-sm">
              <p>{e.meaning}</p>
              {e.byRole?.initiator && (
                <p>
                  <strong>Initiator:</strong> {e.byRole.initiator}
                </p>
              )}
              {e.byRole?.responder && (
                <p>
                  <strong>Responder:</strong> {e.byRole.responder}
                </p>
              )}
              <DiagnosisLinks ids={e.diagnoses} />
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

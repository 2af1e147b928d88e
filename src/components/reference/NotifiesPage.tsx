/** The IKEv2 notify dictionary, searchable, each notify linking to the diagnoses it points to. */
import { IKEV2_NOTIFIES } from '../../knowledge/reference/ikev2-notifies.ts';
import { PLATFORM_NAMES } from '../../knowledge/schema.ts';
import { searchEntries } from '../../engine/reference.ts';
import { notifiesRoute } from '../../app/router.tsx';
import { DiagnosisLinks } from './DiagnosisLinks.tsx';
import { SearchBox } from './SearchBox.tsx';

/** The page. */
export function NotifiesPage() {
  const { q = '' } = notifiesRoute.useSearch();
  const navigate = notifiesRoute.useNavigate();
  const shown = searchEntries(IKEV2_NOTIFIES, q, (e) => [
    e.name,
    String(e.code),
    e.meaning,
    e.sentWhen,
    ...(e.deviceText ?? []).map((d) => d.text),
  ]);
  return (
    <article data-node-id="reference.ikev2-notifies" aria-labelledby="ref-title">
      <h2 id="ref-title" className="text-xl font-semibold">
        IKEv2 notify messages
      </h2>
      <p className="mt-1 text-sm">
        What each notify means, who sends it, how devices log it, and where to look next.
      </p>
      <SearchBox
        value={q}
        onChange={(v) => void navigate({ search: v ? { q: v } : {}, replace: true })}
        label="Search notifies"
      />
      <p className="text-xs" role="status">
        {shown.length} of {IKEV2_NOTIFIES.length} notifies
      </p>
      <dl className="mt-2">
        {shown.map((e) => (
          <div key={e.name} className="border-b border-slate-200 py-2 dark:border-slate-800">
            <dt className="font-mono font-semibold">
              {e.name}{' '}
              <span className="font-sans text-xs font-normal text-slate-600 dark:text-slate-300">
                ({e.code}, {e.type})
              </span>
            </dt>
            <dd className="text-sm">
              <p>{e.meaning}</p>
              <p>
                <strong>Sent when:</strong> {e.sentWhen}
              </p>
              {(e.deviceText ?? []).map((d, i) => (
                <p key={i} className="text-xs">
                  {PLATFORM_NAMES[d.platform]}: <code className="break-all">{d.text}</code>
                </p>
              ))}
              <DiagnosisLinks ids={e.diagnoses} />
            </dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

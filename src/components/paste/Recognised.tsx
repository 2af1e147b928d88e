/** What the engine recognised in the paste: formats, device, role, IKE version, and lines not understood. */
import type { Diagnosis } from '../../engine/diagnose.ts';
import { PLATFORM_NAMES } from '../../knowledge/schema.ts';

/** A short summary of the parse. */
export function Recognised({ result }: { result: Diagnosis }) {
  const formats = [
    ...new Set(result.inputs.filter((i) => i.format !== 'unrecognized').map((i) => i.format)),
  ];
  const unknown = result.inputs
    .filter((i) => i.format === 'unrecognized')
    .flatMap((i) => i.lines ?? []);
  const { platform, ikeVersion, role } = result.context;
  return (
    <section aria-label="Recognised" className="mt-3 text-sm" aria-live="polite">
      <h3 className="font-semibold">Recognised</h3>
      {formats.length === 0 ? (
        <p>Nothing in this text was recognised as IPsec device output.</p>
      ) : (
        <ul className="list-disc pl-5">
          {formats.map((f) => (
            <li key={f}>
              <code>{f}</code>
            </li>
          ))}
        </ul>
      )}
      {(platform || ikeVersion || role) && (
        <p className="mt-1">
          {platform && <>Device: {PLATFORM_NAMES[platform]}. </>}
          {ikeVersion && <>IKE version: {ikeVersion === 'ikev1' ? 'IKEv1' : 'IKEv2'}. </>}
          {role && <>This device is the {role}.</>}
        </p>
      )}
      {unknown.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer">
            {unknown.length} line{unknown.length === 1 ? '' : 's'} not understood
          </summary>
          <p className="text-xs">
            Lines {unknown.slice(0, 50).join(', ')}
            {unknown.length > 50 ? ' …' : ''}
          </p>
        </details>
      )}
    </section>
  );
}

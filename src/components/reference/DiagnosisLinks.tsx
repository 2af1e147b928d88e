/** Links from a reference entry into the tree, at the diagnosis itself. */
import { Link } from '@tanstack/react-router';
import type { NodeId } from '../../knowledge/schema.ts';
import { TREE } from '../../knowledge/tree.ts';
import { encode } from '../../engine/walk/codec.ts';

/** One link per diagnosis ID; each opens the wizard at that diagnosis. */
export function DiagnosisLinks({ ids }: { ids: readonly NodeId[] }) {
  if (ids.length === 0) return null;
  return (
    <p className="mt-1">
      Points to:{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <Link
            to="/"
            search={{ s: encode({ trail: [{ kind: 'jump', to: id }], evidence: null }) }}
            className="text-sky-800 underline dark:text-sky-300"
          >
            {TREE.nodes.get(id)?.title ?? id}
          </Link>
        </span>
      ))}
    </p>
  );
}

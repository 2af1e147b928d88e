/**
 * Works out from the evidence what the user would otherwise be asked: which
 * platform printed it, which IKE version ran and whether this device initiated
 * or responded.
 */
import type { Fact } from '../../knowledge/facts.ts';
import type { Context, IkeVersion, Platform, Role } from '../../knowledge/schema.ts';

const mostCommon = <T extends string>(values: readonly (T | undefined)[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
};

/** Infers the context from facts; fields stay unknown when the evidence does not say. */
export function inferContext(facts: readonly Fact[]): Context {
  const platform = mostCommon<Platform>(
    facts.map((f) => ('platform' in f ? f.platform : undefined)),
  );
  const ikeVersion = mostCommon<IkeVersion>(
    facts.map((f) =>
      f.kind === 'signal' || f.kind === 'ike-sa' || f.kind === 'session' ? f.ikeVersion : undefined,
    ),
  );
  // The first fact that states a role decides: later lines may belong to a rekey in the other direction.
  const role = facts.find(
    (f): f is Fact & { role: Role } =>
      (f.kind === 'signal' || f.kind === 'ike-sa') && f.role !== undefined,
  )?.role;
  return {
    ...(platform ? { platform } : {}),
    ...(ikeVersion ? { ikeVersion } : {}),
    ...(role ? { role } : {}),
  };
}

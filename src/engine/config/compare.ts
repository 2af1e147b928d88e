/**
 * The two-peer configuration check (issue 6): pair the connections of two normalised peers,
 * then compare each pair stage by stage — peer addresses, IKE version and proposals, keys,
 * ESP proposals, PFS, selectors, tunnel interfaces, crypto map placement, NAT exemption — plus
 * the risks on each device alone. Pure; never throws (a failing check loses only its findings).
 *
 * Every finding cites both sides' lines and says which side to change, with the commands in
 * that platform's syntax. Keys are compared as bytes and never shown.
 */
import { STAGES } from '../../knowledge/schema.ts';
import { checkDevice } from './compare/device.ts';
import { checkEsp } from './compare/esp.ts';
import { checkIke } from './compare/ike.ts';
import { checkKeys } from './compare/keys.ts';
import { checkNat } from './compare/nat.ts';
import { ownAddresses, pairSides } from './compare/pair.ts';
import { checkSelectors } from './compare/selectors.ts';
import { checkInterfaces, checkTunnels } from './compare/tunnel.ts';
import type {
  CompareFinding,
  CompareOptions,
  CompareResult,
  Pair,
  PeerSummary,
  Side,
} from './compare/types.ts';
import type { PeerConfig } from './model.ts';

export type {
  Change,
  CompareFinding,
  CompareOptions,
  CompareResult,
  PeerSummary,
  Severity,
} from './compare/types.ts';

/** The checks run on every pair of connections, in stage order. */
const PAIR_CHECKS: readonly ((pair: Pair) => CompareFinding[])[] = [
  checkInterfaces,
  checkIke,
  checkKeys,
  checkEsp,
  checkSelectors,
  checkTunnels,
  checkNat,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Runs a check; a bug in one check must not lose the others' findings. */
function safely<T>(run: () => T[]): T[] {
  try {
    return run();
  } catch {
    return [];
  }
}

function stageIndex(f: CompareFinding): number {
  const stage = f.diagnosis.split('.')[0] ?? '';
  const i = (STAGES as readonly string[]).indexOf(stage);
  return i < 0 ? STAGES.length : i;
}

/** Errors before warnings before information; within a severity, ip → ike → auth → ipsec → routing. */
export function sortFindings(findings: readonly CompareFinding[]): CompareFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort(
      (x, y) =>
        SEVERITY_ORDER[x.f.severity] - SEVERITY_ORDER[y.f.severity] ||
        stageIndex(x.f) - stageIndex(y.f) ||
        x.i - y.i,
    )
    .map((x) => x.f);
}

/** The same finding twice (one cause seen from two pairs or checks) is reported once. */
function unique(findings: readonly CompareFinding[]): CompareFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.diagnosis}|${f.severity}|${f.a.join(',')}|${f.b.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function side(id: 'a' | 'b', peer: PeerConfig, text: string | undefined): Side {
  const base = { id, peer, addresses: safely(() => ownAddresses(peer)) };
  return text === undefined ? base : { ...base, text: text.split(/\r\n|\r|\n/) };
}

function summary(s: Side): PeerSummary {
  const base = {
    platform: s.peer.platform,
    addresses: [...s.addresses],
    connections: s.peer.connections.map((c) => c.name),
  };
  return s.peer.hostname === undefined ? base : { ...base, hostname: s.peer.hostname };
}

/** Compares two peers' configurations: every mismatch, with both sides' lines and the fix. */
export function compareConfigs(
  a: PeerConfig,
  b: PeerConfig,
  options: CompareOptions = {},
): CompareResult {
  const sa = side('a', a, options.texts?.[0]);
  const sb = side('b', b, options.texts?.[1]);
  const paired = (() => {
    try {
      return pairSides(sa, sb);
    } catch {
      return { pairs: [], findings: [] };
    }
  })();
  const findings = [
    ...paired.findings,
    ...paired.pairs.flatMap((pair) => PAIR_CHECKS.flatMap((check) => safely(() => check(pair)))),
    ...safely(() => checkDevice(sa)),
    ...safely(() => checkDevice(sb)),
  ];
  return {
    peers: [summary(sa), summary(sb)],
    pairs: paired.pairs.map((p) => ({ a: p.ca.name, b: p.cb.name })),
    findings: sortFindings(unique(findings)),
  };
}

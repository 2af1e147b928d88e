/**
 * `show crypto ipsec sa`: one flow as read, and how it becomes facts (an `ipsec-sa` with the
 * counters the vocabulary names, `crypto-config` records for the rest). The line reader is in
 * `show_crypto_ipsec_sa.ts`.
 */
import type { IpsecSaFact } from '../../../knowledge/facts.ts';
import type { Collector } from './show_common.ts';
import { PLATFORM, compact, defined } from './show_common.ts';

/** Counters with a field of their own in `ipsec-sa`. */
const TYPED: Record<string, keyof IpsecSaFact> = {
  encaps: 'encaps',
  encrypt: 'encrypt',
  digest: 'digest',
  decaps: 'decaps',
  decrypt: 'decrypt',
  verify: 'verify',
  compressed: 'compressed',
  sendErrors: 'sendErrors',
  recvErrors: 'recvErrors',
  verifyFailed: 'verifyFailed',
  replayFailed: 'replayFailed',
  replayFailedRcv: 'replayFailed',
};

export interface SaEntry {
  direction: string;
  protocol: string;
  settings: Record<string, string | undefined>;
  lines: number[];
}

export interface Flow {
  /** Seen a line only IOS prints this way (ASA output shares the counters and idents). */
  ios: boolean;
  interface?: string | undefined;
  cryptoMap?: string | undefined;
  local?: string | undefined;
  peer?: string | undefined;
  peerPort?: string | undefined;
  localSelector?: string | undefined;
  remoteSelector?: string | undefined;
  counters: Record<string, number>;
  details: Record<string, string | undefined>;
  spiOut?: string | undefined;
  pfs?: string | undefined;
  listsSeen: Set<string>;
  sas: SaEntry[];
  lines: number[];
}

export function emitFlow(out: Collector, flow: Flow): void {
  const typed: Record<string, number> = {};
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(flow.counters)) {
    const field = TYPED[k];
    if (field !== undefined) typed[field] = v;
    else extra[k] = String(v);
  }
  const esp = flow.sas.filter((s) => s.protocol === 'esp');
  const firstIn = esp.find((s) => s.direction === 'inbound');
  const first = firstIn ?? esp[0];
  const inUse = first?.settings.inUseSettings;
  const mode =
    inUse === undefined
      ? undefined
      : /Transport/i.test(inUse)
        ? 'Transport'
        : /Tunnel/i.test(inUse)
          ? 'Tunnel'
          : undefined;
  const sawBothLists = flow.listsSeen.has('inbound esp') && flow.listsSeen.has('outbound esp');
  const lifetime =
    first?.settings.lifetimeKb !== undefined
      ? `${first.settings.lifetimeKb}/${first.settings.lifetimeSec ?? ''}`
      : undefined;
  const fact = defined<Omit<IpsecSaFact, 'format' | 'lines'>>({
    kind: 'ipsec-sa',
    platform: PLATFORM,
    peer: flow.peer,
    local: flow.local,
    interface: flow.interface,
    cryptoMap: flow.cryptoMap,
    localSelector: flow.localSelector,
    remoteSelector: flow.remoteSelector,
    ...typed,
    spiIn: firstIn?.settings.spi,
    spiOut: flow.spiOut,
    transform: first?.settings.transform,
    pfs: flow.pfs,
    mode,
    natT: inUse === undefined ? undefined : /UDP-Encaps/i.test(inUse),
    status: first?.settings.status,
    saCount: sawBothLists ? esp.length : undefined,
    lifetime,
  });
  out.add(fact, flow.lines);
  const details = Object.fromEntries(
    Object.entries(flow.details).filter(([k]) => !k.startsWith('_')),
  );
  const name = [flow.interface, flow.peer].filter((x) => x !== undefined).join(' ');
  out.add(
    {
      kind: 'crypto-config',
      platform: PLATFORM,
      object: 'ipsec-sa-flow',
      ...(name !== '' ? { name } : {}),
      settings: compact({
        interface: flow.interface,
        peer: flow.peer,
        peerPort: flow.peerPort,
        ...details,
        ...extra,
      }),
    },
    flow.lines,
  );
  for (const sa of flow.sas) {
    out.add(
      {
        kind: 'crypto-config',
        platform: PLATFORM,
        object: 'ipsec-sa',
        ...(sa.settings.spi !== undefined ? { name: sa.settings.spi } : {}),
        settings: compact({
          interface: flow.interface,
          peer: flow.peer,
          direction: sa.direction,
          protocol: sa.protocol,
          ...sa.settings,
        }),
      },
      sa.lines,
    );
  }
}

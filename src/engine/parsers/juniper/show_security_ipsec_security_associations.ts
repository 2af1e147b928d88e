/**
 * Juniper SRX `show security ipsec security-associations` — the summary table (one `<` inbound and
 * one `>` outbound row per tunnel) and the `detail` blocks. Written from the Junos CLI reference
 * ("show security ipsec security-associations") and public SRX troubleshooting examples.
 */
import type { IpsecSaFact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import {
  ADDR,
  defined,
  isClusterBanner,
  PLATFORM,
  showParser,
  textOf,
  type Collector,
} from './common.ts';
import { kmdEventSignals } from './kmd_log.ts';

/** Adds the signals an event or down-reason text proves, cited to its line. */
function addEvents(text: string, no: number, out: Collector): void {
  for (const { alsoLines: _also, ...draft } of kmdEventSignals(text, no)) out.add(draft, [no]);
}

// ---- Summary table ----
// Sample: "  Total active tunnels: 1     Total Ipsec sas: 1"   (older Junos: "Total active tunels: 1")
const TOTAL =
  /^\s*Total (?:active|inactive) tunn?els(?: with establish immediately)?:\s*(\d+)(?:\s+Total Ipsec sas:\s*(\d+))?\s*$/i;
// `show security ipsec inactive-tunnels`:
// Sample: "  ID     Port  Nego#  Fail#  Flag       Gateway          Tunnel Down Reason"
const INACTIVE_HEADER = /^\s*ID\s+Port\s+Nego#\s+Fail#\s+Flag\s+Gateway\s+Tunnel Down Reason\s*$/;
// Sample: "  131073 500   3      3      600a29     198.51.100.2     Negotiation failed with error code TS_UNACCEPTABLE received from peer"
const INACTIVE_ROW = new RegExp(
  String.raw`^\s*(\d{1,12})\s+(\d{1,5})\s+(\d{1,9})\s+(\d{1,9})\s+(?:0x)?([0-9a-fA-F]{1,16})\s+(${ADDR}|[\w.:-]+)(?:\s+(\S.{0,300}))?$`,
);
// Sample: "  ID    Algorithm       SPI      Life:sec/kb  Mon lsys Port  Gateway"
const HEADER = /^\s*ID\s+Algorithm\s+SPI\s+Life:sec\/kb\s+Mon\s+(?:vsys|lsys)\s+Port\s+Gateway\s*$/;
// Older releases: "  ID    Gateway          Port  Algorithm       SPI      Life:sec/kb  Mon vsys"
const HEADER_OLD =
  /^\s*ID\s+Gateway\s+Port\s+Algorithm\s+SPI\s+Life:sec\/kb\s+Mon\s+(?:vsys|lsys)\s*$/;
// Sample: "  <131073 ESP:aes-cbc-256/sha256 3e2a1f10 3597/ unlim - root 500 198.51.100.2"
const ROW = new RegExp(
  String.raw`^\s*([<>])(\d{1,12})\s+((?:ESP|AH):\S+)\s+([0-9a-fA-F]{8})\s+([^\s/]{1,12})/\s*(\S{1,12})\s+(\S{1,3})\s+(\S{1,64})\s+(\d{1,5})\s+(${ADDR}|[\w.:-]+)\s*$`,
);
// Sample: "  <131073 198.51.100.2    500   ESP:3des/sha1   b3b9c5e3 3597/ unlim   -   root"
const ROW_OLD = new RegExp(
  String.raw`^\s*([<>])(\d{1,12})\s+(${ADDR}|[\w.:-]+)\s+(\d{1,5})\s+((?:ESP|AH):\S+)\s+([0-9a-fA-F]{8})\s+([^\s/]{1,12})/\s*(\S{1,12})\s+(\S{1,3})\s+(\S{1,64})\s*$`,
);

// ---- Detail blocks ----
// Sample: "  ID: 131073 Virtual-system: root, VPN Name: vpn-branch"
const D_START = /^\s*ID:\s*(\d{1,12})\s+Virtual-system:\s*(\S+),\s*VPN Name:\s*(\S+)/;
// Sample: "  Local Gateway: 203.0.113.1, Remote Gateway: 198.51.100.2"
const D_GATEWAYS = /^\s*Local Gateway:\s*(\S+?),\s*Remote Gateway:\s*(\S+)/;
// Sample: "  Local Identity: ipv4_subnet(any:0,[0..7]=10.1.0.0/16)"
const D_LOCAL_ID = /^\s*Local Identity:\s*(\S.{0,200})$/;
// Sample: "  Remote Identity: ipv4_subnet(any:0,[0..7]=10.2.0.0/16)"
const D_REMOTE_ID = /^\s*Remote Identity:\s*(\S.{0,200})$/;
// Sample: "    DF-bit: clear, Copy-Outer-DSCP Disabled, Bind-interface: st0.0"
const D_BIND = /Bind-interface:\s*([\w./-]+)/;
// Sample: "  Port: 500, Nego#: 1, Fail#: 0, Def-Del#: 0 Flag: 0x600a29"
const D_PORT = /^\s*Port:\s*(\d{1,5}),\s*Nego#:\s*(\d+),\s*Fail#:\s*(\d+)/;
// Sample: "  Direction: inbound, SPI: 3e2a1f10, AUX-SPI: 0"
const D_DIRECTION =
  /^\s*Direction:\s*(inbound|outbound),\s*SPI:\s*(?:0x)?([0-9a-fA-F]{1,8}),\s*AUX-SPI:\s*\w+/;
// Sample: "    Hard lifetime: Expires in 3597 seconds"
const D_HARD = /^\s*Hard lifetime:\s*Expires in (\d+) seconds/;
// Sample: "    Mode: Tunnel(0 0), Type: dynamic, State: installed"
const D_MODE = /^\s*Mode:\s*(Tunnel|Transport)\b[^,]{0,40},\s*Type:\s*(\w+),\s*State:\s*(\w+)/;
// Sample: "    Protocol: ESP, Authentication: hmac-sha256-128, Encryption: aes-cbc (256 bits)"
const D_PROTOCOL =
  /^\s*Protocol:\s*(ESP|AH),\s*Authentication:\s*([\w-]+),\s*Encryption:\s*([\w-]+(?: \(\d+ bits\))?)/;
// Lines of a detail block understood without a fact of their own.
// Samples: "  Version: IKEv1", "    Anti-replay service: counter-based enabled, Replay window size: 64", "  Tunnel events:"
const D_OTHER =
  /^\s*(?:Version:\s*IKEv[12]|DF-bit:|Copy-Outer-DSCP|Bind-interface:|Multi-sa,|Tunnel events:|,\s*VPN Monitoring:|VPN Monitoring:|Soft lifetime:|Lifesize Remaining:|Anti-replay service:|Last Tunnel Down Reason:|Location:|Anchorship:|Distribution-Profile:|IKE SA Index:|Extended-Sequence-Number:|tunnel-establishment:|Tunnel MTU:|Traffic Selector Name:|Monitoring:|Lifetime:|Hard lifetime:|Mode:|Protocol:|Direction:|Local Identity:|Remote Identity:|Port:)/;
// A tunnel event line (its meaning is read by the kmd log rules, which know every event text).
// Sample: "    Tue Jun 22 2021 10:27:01 +0200: IPSec SA negotiation successfully completed (1 times)"
const D_EVENT =
  /^\s*[A-Z][a-z]{2} [A-Z][a-z]{2} {1,2}\d{1,2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}: .{1,300}\(\d+ times?\)\s*$/;

type Draft = Omit<IpsecSaFact, 'format' | 'lines' | 'kind' | 'platform'>;
type Mutable<T> = { -readonly [K in keyof T]?: T[K] | undefined };

interface Pair {
  sa: Mutable<Draft>;
  lines: number[];
}

function readTable(lines: readonly Line[], out: Collector): void {
  let inTable = false;
  let inInactive = false;
  const pairs = new Map<string, Pair>();
  const order: string[] = [];
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') {
      inTable = false;
      inInactive = false;
      continue;
    }
    if (isClusterBanner(text)) {
      out.claim(line.no);
      continue;
    }
    if (TOTAL.test(text)) {
      out.claim(line.no);
      continue;
    }
    if (INACTIVE_HEADER.test(text)) {
      inInactive = true;
      out.claim(line.no);
      continue;
    }
    if (inInactive) {
      const r = INACTIVE_ROW.exec(text);
      if (r) {
        // A tunnel that is configured but has no SA, and why it went down.
        out.add(
          {
            kind: 'session',
            platform: PLATFORM,
            name: r[1] ?? '',
            status: 'inactive',
            ...defined({ peer: r[6] }),
          },
          [line.no],
        );
        if (r[7] !== undefined) addEvents(r[7], line.no, out);
        continue;
      }
      inInactive = false;
    }
    if (HEADER.test(text) || HEADER_OLD.test(text)) {
      inTable = true;
      out.claim(line.no);
      continue;
    }
    if (!inTable) continue;
    let dir: string | undefined;
    let id: string | undefined;
    let transform: string | undefined;
    let spi: string | undefined;
    let lifeSec: string | undefined;
    let lifeKb: string | undefined;
    let mon: string | undefined;
    let port: string | undefined;
    let gateway: string | undefined;
    let m = ROW.exec(text);
    if (m) {
      [, dir, id, transform, spi, lifeSec, lifeKb, mon, , port, gateway] = m;
    } else if ((m = ROW_OLD.exec(text))) {
      [, dir, id, gateway, port, transform, spi, lifeSec, lifeKb, mon] = m;
    } else {
      inTable = false;
      continue;
    }
    if (id === undefined) continue;
    let pair = pairs.get(id);
    if (pair === undefined) {
      pair = { sa: { name: id }, lines: [] };
      pairs.set(id, pair);
      order.push(id);
    }
    pair.lines.push(line.no);
    const sa = pair.sa;
    if (dir === '<') sa.spiIn = spi;
    else sa.spiOut = spi;
    Object.assign(
      sa,
      defined({
        peer: gateway,
        transform,
        lifetime: lifeSec !== undefined ? `${lifeSec}/ ${lifeKb ?? ''}`.trim() : undefined,
        natT: port === undefined ? undefined : port === '4500',
        // VPN monitoring column: U = up, D = down, - = not monitored.
        status: mon === 'U' ? 'UP' : mon === 'D' ? 'DOWN' : undefined,
      }),
    );
  }
  for (const id of order) {
    const pair = pairs.get(id);
    if (pair === undefined) continue;
    out.add({ kind: 'ipsec-sa', platform: PLATFORM, ...defined(pair.sa) }, pair.lines);
  }
}

interface Detail {
  sa: Mutable<Draft>;
  lines: number[];
  direction?: string | undefined;
}

function readDetail(lines: readonly Line[], out: Collector): void {
  let block: Detail | null = null;
  const flush = () => {
    // Inactive tunnels (`show security ipsec inactive-tunnels detail`) print the same block without SPIs.
    if (block !== null && (block.sa.spiIn !== undefined || block.sa.spiOut !== undefined)) {
      out.add({ kind: 'ipsec-sa', platform: PLATFORM, ...defined(block.sa) }, block.lines);
    } else if (block !== null) out.claim(...block.lines);
    block = null;
  };
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    const start = D_START.exec(text);
    if (start) {
      flush();
      block = { sa: { name: start[3] ?? start[1] ?? '' }, lines: [line.no] };
      continue;
    }
    if (block === null) continue;
    const b: Detail = block;
    const sa = b.sa;
    let m: RegExpExecArray | null;
    let hit = true;
    if ((m = D_GATEWAYS.exec(text))) {
      sa.local = m[1];
      sa.peer = m[2];
    } else if ((m = D_LOCAL_ID.exec(text))) {
      sa.localSelector = m[1]?.trim();
    } else if ((m = D_REMOTE_ID.exec(text))) {
      sa.remoteSelector = m[1]?.trim();
    } else if ((m = D_PORT.exec(text))) {
      sa.natT = m[1] === '4500';
    } else if ((m = D_DIRECTION.exec(text))) {
      b.direction = m[1];
      if (m[1] === 'inbound') sa.spiIn ??= m[2];
      else sa.spiOut ??= m[2];
    } else if ((m = D_HARD.exec(text))) {
      sa.lifetime ??= `${m[1] ?? ''} seconds`;
    } else if ((m = D_MODE.exec(text))) {
      sa.mode ??= m[1]?.toLowerCase();
      if (b.direction !== 'outbound' || sa.status === undefined) sa.status = m[3];
    } else if ((m = D_PROTOCOL.exec(text))) {
      sa.transform ??= `${m[1] ?? ''} ${m[3] ?? ''} ${m[2] ?? ''}`.replace(/\s+/g, ' ').trim();
    } else if (D_EVENT.test(text)) {
      addEvents(text, line.no, out);
    } else if (!D_OTHER.test(text)) {
      hit = false;
    }
    // "DF-bit: clear, Copy-Outer-DSCP Disabled, Bind-interface: st0.0" (also on a line of its own)
    const bind = D_BIND.exec(text);
    if (bind) {
      sa.interface = bind[1];
      hit = true;
    }
    if (hit) b.lines.push(line.no);
  }
  flush();
}

/** `show security ipsec security-associations [detail]` on an SRX. */
export const showSecurityIpsecSecurityAssociations = showParser({
  id: 'juniper-srx-show-security-ipsec-security-associations',
  command: 'show security ipsec security-associations',
  marker:
    /Total (?:active|inactive) tunn?els|^\s*ID\s+(?:Algorithm|Gateway)\s+\S+\s+\S+\s+\S+\s+Mon\b|^\s*ID:\s*\d+\s+Virtual-system:/i,
  read: (lines, out) => {
    readTable(lines, out);
    readDetail(lines, out);
  },
});

/**
 * PAN-OS `show vpn flow` (the tunnel summary table) and `show vpn flow tunnel-id <n>` (one tunnel's
 * data-plane state: SPIs, proxy IDs and counters). Written from the PAN-OS CLI reference and Palo
 * Alto Networks knowledge base examples.
 */
import type { IpsecSaFact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import { defined, num, PLATFORM, showParser, textOf, type Collector } from './common.ts';

// ---- Summary ----
// Sample: "total tunnels configured:                                    2"
// Sample: "filter - type IPSec, state any"
// Sample: "total IPSec tunnel configured:                               2"
// Sample: "total IPSec tunnel shown:                                    2"
const SUMMARY_INFO =
  /^\s*(?:total (?:IPSec )?tunnels? (?:configured|shown|successfully set up|failed)\b[^:]{0,30}:\s*\d+|filter - type \w+, state \w+)\s*$/i;
// Sample: "id      name                              state   monitor local-ip                                 peer-ip                                  tunnel-i/f"
const SUMMARY_HEADER = /^\s*id\s+name\s+state\s+monitor\s+local-ip\s+peer-ip\s+tunnel-i\/f\s*$/;
// Sample: "1       tunnel-Branch                     active  up      203.0.113.1                              198.51.100.2                             tunnel.1"
const SUMMARY_ROW =
  /^\s*(\d{1,9})\s+(\S{1,63})\s+(active|init|inactive|\w{1,12})\s+(up|down|off|on|\w{1,8})\s+(\S{1,45})\s+(\S{1,45})\s+(\S{1,30})\s*$/;
const DASHES = /^\s*-{10,}\s*$/;

// ---- Detail (tunnel-id) ----
// Sample: "tunnel  tunnel-Branch"
const D_START = /^\s*tunnel\s+(\S{1,63})\s*$/;
// Sample: "        local ip:               203.0.113.1"   (every field is "name: value")
const D_FIELD = /^\s*([a-z][a-z /()-]{1,40}?)\s*:\s*(\S.{0,200})?$/;
// Sample: "        traffic selector:"  /  "        proxy-id:"  /  "        packets received"
const D_SUBHEADER = /^\s*(?:traffic selector|proxy-id|packets received)\s*:?\s*$/;
// Sample: "          when lifetime expired:0"
const D_WHEN = /^\s*when (?:lifetime|lifesize) expired\s*:\s*\d+\s*$/;

type Mutable<T> = { -readonly [K in keyof T]?: T[K] | undefined };

function readSummary(lines: readonly Line[], out: Collector): void {
  let inTable = false;
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    if (SUMMARY_INFO.test(text)) {
      out.claim(line.no);
      continue;
    }
    if (SUMMARY_HEADER.test(text)) {
      inTable = true;
      out.claim(line.no);
      continue;
    }
    if (!inTable) continue;
    if (DASHES.test(text)) {
      out.claim(line.no);
      continue;
    }
    const m = SUMMARY_ROW.exec(text);
    if (!m) {
      inTable = false;
      continue;
    }
    out.add(
      {
        kind: 'session',
        platform: PLATFORM,
        ...defined({ name: m[2], status: m[3], peer: m[6], interface: m[7] }),
      },
      [line.no],
    );
    // Tunnel monitor down: the peer behind the tunnel does not answer.
    if (m[4] === 'down')
      out.add(
        {
          kind: 'signal',
          signal: 'tunnel.down',
          platform: PLATFORM,
          value: `${m[7] ?? ''} monitor down`,
        },
        [line.no],
      );
  }
}

function readDetail(lines: readonly Line[], out: Collector): void {
  let sa: Mutable<Omit<IpsecSaFact, 'kind' | 'platform' | 'format' | 'lines'>> | null = null;
  let nos: number[] = [];
  let sub = '';
  let isTunnel = false;
  const flush = () => {
    if (sa !== null && isTunnel)
      out.add({ kind: 'ipsec-sa', platform: PLATFORM, ...defined(sa) }, nos);
    sa = null;
    nos = [];
    isTunnel = false;
  };
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    const start = D_START.exec(text);
    if (start) {
      flush();
      sa = { name: start[1] };
      nos = [line.no];
      sub = '';
      continue;
    }
    if (sa === null) continue;
    const cur: Mutable<Omit<IpsecSaFact, 'kind' | 'platform' | 'format' | 'lines'>> = sa;
    if (D_SUBHEADER.test(text)) {
      sub = text.trim().replace(/:$/, '');
      nos.push(line.no);
      continue;
    }
    if (D_WHEN.test(text)) {
      nos.push(line.no);
      continue;
    }
    const f = D_FIELD.exec(text);
    if (!f) {
      flush();
      continue;
    }
    const key = (f[1] ?? '').trim();
    const value = (f[2] ?? '').trim();
    const n = num(value);
    nos.push(line.no);
    switch (key) {
      case 'id':
        isTunnel = true;
        break;
      case 'local ip':
        if (sub === 'proxy-id') cur.localSelector = value;
        else cur.local = value;
        break;
      case 'peer ip':
        cur.peer = value;
        break;
      case 'remote ip':
        if (sub === 'proxy-id') cur.remoteSelector = value;
        break;
      case 'local':
        if (sub === 'traffic selector') cur.localSelector ??= value;
        break;
      case 'remote':
        if (sub === 'traffic selector') cur.remoteSelector ??= value;
        break;
      case 'inner interface':
        cur.interface = value;
        break;
      case 'state':
        cur.status = value;
        break;
      case 'local spi':
        cur.spiIn = value;
        break;
      case 'remote spi':
        cur.spiOut = value;
        break;
      case 'protocol':
        if (sub !== 'proxy-id') cur.transform = value + (cur.transform ?? '');
        break;
      case 'auth algorithm':
      case 'enc  algorithm':
      case 'enc algorithm':
        cur.transform = `${cur.transform ?? ''} ${value}`.trim();
        break;
      case 'hard lifetime':
        cur.lifetime = `${value} seconds`;
        break;
      case 'authentication errors':
        cur.verifyFailed = n;
        break;
      case 'decryption errors':
        cur.recvErrors = n;
        break;
      case 'replay packets':
        cur.replayFailed = n;
        break;
      case 'encap packets':
        cur.encaps = n;
        cur.encrypt = n;
        break;
      case 'decap packets':
        cur.decaps = n;
        cur.decrypt = n;
        break;
      default:
        break;
    }
  }
  flush();
}

/** `show vpn flow [tunnel-id <n>]` on PAN-OS. */
export const showVpnFlow = showParser({
  id: 'paloalto-show-vpn-flow',
  command: 'show vpn flow',
  marker:
    /^\s*id\s+name\s+state\s+monitor\s+local-ip|^\s*total IPSec tunnel configured:|^\s*(?:encap|decap) packets\s*:|^\s*en\/decap context\s*:/,
  read: (lines, out) => {
    readSummary(lines, out);
    readDetail(lines, out);
  },
});

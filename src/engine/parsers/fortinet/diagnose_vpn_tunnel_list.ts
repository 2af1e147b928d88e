/**
 * FortiGate `diagnose vpn tunnel list`: one block per phase 1 tunnel, one `proxyid=` sub-block per
 * phase 2 selector pair, with the installed SAs (`sa=` counts them: 0 = no SA, selectors refused or
 * never negotiated; 1 = up; 2 = rekey in progress).
 * Sources: PeteNetLive KB 0001720 (seed 000); Fortinet Document Library, "Understanding VPN related
 * logs / diagnose vpn tunnel list" (FortiOS 6.x / 7.x output).
 */
import type { Fact, IpsecSaFact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import { readerParser, type ParseResult, type Parser } from '../../parse/types.ts';

const ID = 'fortigate-diagnose-vpn-tunnel-list';

// "list all ipsec tunnel in vd 0"
const LIST_HEADER = /list all ipsec tunnel in vd \d+/;
// "name=Tunnel-To-SiteB ver=2 serial=1 192.168.100.100:0->192.168.100.111:0 dst_mtu=1500"
// (IPv6: "name=v6 ver=2 serial=3 2001:db8::1:0->2001:db8::2:0 ..."; the port follows the last colon)
const TUNNEL_START = /\bname=(\S+) ver=(\d) serial=\w+ (\S+):(\d+)->(\S+):(\d+)/;
// "bound_if=4 lgwy=static/1 tun=intf/0 mode=auto/1 encap=none/512 options[0200]=frag-rfc  run_state=0 …"
const BOUND_IF = /\bbound_if=\d+ lgwy=/;
// "proxyid_num=1 child_num=0 refcnt=14 ilast=1 olast=782 ad=/0"
const PROXYID_NUM = /\bproxyid_num=\d+ child_num=\d+/;
// "stat: rxp=0 txp=0 rxb=0 txb=0"
const STAT = /\bstat: rxp=(\d+) txp=(\d+) rxb=(\d+) txb=(\d+)/;
// "dpd: mode=on-demand on=1 idle=20000ms retry=3 count=0 seqno=0"
const DPD = /\bdpd: mode=\S+/;
// "natt: mode=none draft=0 interval=0 remote_port=0"
const NATT = /\bnatt: mode=(\S+)/;
// "fec: egress=0 ingress=0"
const FEC = /^\s*fec: egress=\d+/;
// "proxyid=Tunnel-To-SiteB proto=0 sa=0 ref=1 serial=2"
const PROXYID = /\bproxyid=(\S+) proto=\d+ sa=(\d+)/;
// "  src: 0:192.168.1.0/255.255.255.0:0" (range: "  src: 0:10.1.1.1-10.1.1.20:0")
const SELECTOR = /^\s*(src|dst): (\d+):(\S+):(\d+)\s*$/;
// "  SA:  ref=3 options=10226 type=00 soft=0 mtu=1438 expire=42819/0B replaywin=2048"
const SA_LINE = /^\s*SA: {1,2}ref=\d+ options=\w+/;
// "       seqno=1 esn=0 replaywin_lastseq=00000000 itn=0 qat=0 hash_search_len=1"
const SA_CONT = /^\s*seqno=\w+ esn=\d/;
// "  life: type=01 bytes=0/0 timeout=43148/43200"
const LIFE = /^\s*life: type=\d+ bytes=\d+\/\d+ timeout=(\d+\/\d+)/;
// "  dec: spi=e89f8b77 esp=aes key=16 6a8b…" / "  enc: spi=… esp=aes-gcm key=36 …"
const KEY_LINE = /^\s*(dec|enc): spi=([0-9a-f]+) esp=(\S+) key=(\d+)/;
// "       ah=sha1 key=20 0b6e…"
const AH_LINE = /^\s*ah=(\S+) key=\d+/;
// "  dec:pkts/bytes=1234/98765, enc:pkts/bytes=1300/156000"
const COUNTERS = /\bdec:pkts\/bytes=(\d+)\/(\d+),\s*enc:pkts\/bytes=(\d+)\/(\d+)/;
// "  npu_flag=00 npu_rgwy=192.168.100.111 npu_lgwy=192.168.100.100 npu_selid=1 dec_npuid=0 enc_npuid=0"
const NPU = /^\s*npu_flag=\w+/;
// "run_tally=1"
const RUN_TALLY = /^\s*run_tally=\d+\s*$/;
const MARKER =
  /\bproxyid=\S+ proto=\d+ sa=\d+|\bname=\S+ ver=\d serial=\w+ \S+:\d+->|list all ipsec tunnel in vd/;

interface Draft {
  name?: string | undefined;
  peer?: string | undefined;
  local?: string | undefined;
  natT?: boolean | undefined;
  saCount?: number | undefined;
  src: string[];
  dst: string[];
  spiIn?: string | undefined;
  spiOut?: string | undefined;
  esp?: string | undefined;
  ah?: string | undefined;
  keyBytes?: number | undefined;
  lifetime?: string | undefined;
  decaps?: number | undefined;
  encaps?: number | undefined;
  lines: number[];
}

/** `0:10.1.1.0/255.255.255.0:0` → `10.1.1.0/255.255.255.0/0/0` (the IOS ident shape). */
const selector = (proto: string, addr: string, port: string): string => `${addr}/${proto}/${port}`;

/** The FortiOS proposal name for an ESP cipher: `aes` key 16 → `aes128`, `aes-gcm` key 36 → `aes256gcm`. */
function transformOf(d: Draft): string | undefined {
  if (d.esp === undefined) return undefined;
  const bytes = d.keyBytes ?? 0;
  let enc = d.esp;
  if (d.esp === 'aes') enc = `aes${bytes * 8}`;
  else if (d.esp === 'aes-gcm') enc = `aes${(bytes - 4) * 8}gcm`;
  else if (d.esp === 'aria' || d.esp === 'seed' || d.esp === 'camellia')
    enc = `${d.esp}${bytes * 8}`;
  return d.ah !== undefined && d.ah !== 'null' ? `${enc}-${d.ah}` : enc;
}

function parse(lines: readonly Line[]): ParseResult {
  const facts: Fact[] = [];
  const claimed = new Set<number>();
  let tunnel: { name: string; peer: string; local: string; natT?: boolean } | null = null;
  let proxy: Draft | null = null;
  let lastKey: 'dec' | 'enc' | null = null;
  let saBlocks = 0;

  const flush = () => {
    if (proxy === null) return;
    const d = proxy;
    const transform = transformOf(d);
    const fact: IpsecSaFact = {
      kind: 'ipsec-sa',
      platform: 'fortigate',
      format: ID,
      lines: [...new Set(d.lines)].sort((a, b) => a - b),
      ...(d.name !== undefined ? { name: d.name } : {}),
      ...(d.peer !== undefined ? { peer: d.peer } : {}),
      ...(d.local !== undefined ? { local: d.local } : {}),
      ...(d.src.length > 0 ? { localSelector: d.src.join(', ') } : {}),
      ...(d.dst.length > 0 ? { remoteSelector: d.dst.join(', ') } : {}),
      ...(d.saCount !== undefined ? { saCount: d.saCount } : {}),
      ...(d.spiIn !== undefined ? { spiIn: d.spiIn } : {}),
      ...(d.spiOut !== undefined ? { spiOut: d.spiOut } : {}),
      ...(transform !== undefined ? { transform } : {}),
      ...(d.lifetime !== undefined ? { lifetime: d.lifetime } : {}),
      ...(d.encaps !== undefined ? { encaps: d.encaps } : {}),
      ...(d.decaps !== undefined ? { decaps: d.decaps } : {}),
      ...(d.natT !== undefined ? { natT: d.natT } : {}),
    };
    facts.push(fact);
    proxy = null;
  };

  for (const line of lines) {
    const text = line.text;
    if (text.trim() === '') continue;
    const claim = () => claimed.add(line.no);
    let m: RegExpExecArray | null;
    if (LIST_HEADER.test(text)) {
      claim();
      continue;
    }
    if ((m = TUNNEL_START.exec(text))) {
      flush();
      tunnel = { name: m[1] ?? '', local: m[3] ?? '', peer: m[5] ?? '' };
      claim();
      continue;
    }
    if ((m = PROXYID.exec(text))) {
      flush();
      proxy = {
        name: m[1],
        saCount: Number(m[2]),
        src: [],
        dst: [],
        lines: [line.no],
        ...(tunnel ? { peer: tunnel.peer, local: tunnel.local } : {}),
        ...(tunnel?.natT !== undefined ? { natT: tunnel.natT } : {}),
      };
      saBlocks = 0;
      lastKey = null;
      claim();
      continue;
    }
    if (tunnel === null && proxy === null) continue;
    // Lines of the tunnel header.
    if ((m = NATT.exec(text))) {
      if (tunnel) tunnel.natT = m[1] !== 'none';
      claim();
      continue;
    }
    if (
      BOUND_IF.test(text) ||
      PROXYID_NUM.test(text) ||
      STAT.test(text) ||
      DPD.test(text) ||
      FEC.test(text) ||
      RUN_TALLY.test(text)
    ) {
      claim();
      if (RUN_TALLY.test(text)) {
        flush();
        tunnel = null;
      }
      continue;
    }
    if (proxy === null) continue;
    const p: Draft = proxy;
    // Lines of a proxy ID block.
    if ((m = SELECTOR.exec(text))) {
      (m[1] === 'src' ? p.src : p.dst).push(selector(m[2] ?? '0', m[3] ?? '', m[4] ?? '0'));
      p.lines.push(line.no);
      claim();
    } else if (SA_LINE.test(text)) {
      saBlocks++;
      claim();
    } else if (SA_CONT.test(text)) {
      claim();
    } else if ((m = LIFE.exec(text))) {
      if (saBlocks <= 1) p.lifetime = m[1];
      claim();
    } else if ((m = KEY_LINE.exec(text))) {
      lastKey = m[1] === 'dec' ? 'dec' : 'enc';
      // With two SAs (rekey), the first printed is reported; counters are summed.
      if (saBlocks <= 1) {
        if (lastKey === 'dec') p.spiIn = m[2];
        else p.spiOut = m[2];
        p.esp = m[3];
        p.keyBytes = Number(m[4]);
      }
      p.lines.push(line.no);
      claim();
    } else if ((m = AH_LINE.exec(text))) {
      if (saBlocks <= 1 && lastKey !== null) p.ah = m[1];
      claim();
    } else if ((m = COUNTERS.exec(text))) {
      p.decaps = (p.decaps ?? 0) + Number(m[1]);
      p.encaps = (p.encaps ?? 0) + Number(m[3]);
      p.lines.push(line.no);
      claim();
    } else if (NPU.test(text)) {
      claim();
    }
  }
  flush();
  return { facts, claimed };
}

/** `diagnose vpn tunnel list` on FortiOS. */
export const diagnoseVpnTunnelList: Parser = readerParser({
  id: ID,
  platform: 'fortigate',
  command: 'diagnose vpn tunnel list',
  marker: MARKER,
  read: parse,
});

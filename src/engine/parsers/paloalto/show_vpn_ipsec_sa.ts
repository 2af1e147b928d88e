/**
 * PAN-OS `show vpn ipsec-sa [tunnel <name>]`: one row per IPsec tunnel with both SPIs. Written from
 * the PAN-OS CLI reference and Palo Alto Networks knowledge base examples.
 */
import type { Line } from '../../parse/lines.ts';
import { defined, PLATFORM, showParser, textOf, type Collector } from './common.ts';

// Sample: "GwID/client IP  TnID   Peer-Address           Tunnel(Gateway)                                Algorithm          SPI(in)  SPI(out) life(Sec/KB)             remain-time(Sec)"
const HEADER =
  /^\s*GwID(?:\/client IP)?\s+TnID\s+Peer-Address\s+Tunnel\(Gateway\)\s+Algorithm\s+SPI\(in\)\s+SPI\(out\)\s+life\(Sec\/KB\)/;
// Sample: "1               1      198.51.100.2           tunnel-Branch(GW-Branch)                       ESP/A128/SHA1      C1F3A2B4 9E8D7C6B 3600/Unlimited           3120"
const ROW =
  /^\s*(\S{1,45})\s+(\d{1,9})\s+(\S{1,45})\s+([^\s(]{1,63})\(([^\s)]{1,63})\)\s+(\S{1,40})\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})\s+(\S{1,30})\s+(\d{1,10})\s*$/;
// Sample: "--------------  ----   ------------           ---------------"
const DASHES = /^\s*-+(?:\s+-+){2,}\s*$/;
// Sample: "Show IPSec SA: Total 1 tunnels found. 1 ipsec sa found."
const TOTAL = /^\s*Show IPSec SA: Total (\d+) tunnels? found\.\s*(\d+) ipsec sa found\./i;
// Sample: "There is no IPSec SA found."
const NONE = /^\s*There is no IPSec SA found\.?\s*$/i;

function read(lines: readonly Line[], out: Collector): void {
  let inTable = false;
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    if (HEADER.test(text) || TOTAL.test(text) || NONE.test(text)) {
      inTable = HEADER.test(text);
      out.claim(line.no);
      continue;
    }
    if (!inTable) continue;
    if (DASHES.test(text)) {
      out.claim(line.no);
      continue;
    }
    const m = ROW.exec(text);
    if (!m) {
      inTable = false;
      continue;
    }
    const [, , , peer, tunnel, gateway, alg, spiIn, spiOut, life, remain] = m;
    out.add(
      {
        kind: 'ipsec-sa',
        platform: PLATFORM,
        ...defined({
          peer,
          name: tunnel,
          cryptoMap: gateway,
          transform: alg,
          spiIn,
          spiOut,
          lifetime: life !== undefined ? `${life} (${remain ?? '?'} s left)` : undefined,
        }),
      },
      [line.no],
    );
  }
}

/** `show vpn ipsec-sa` on PAN-OS. */
export const showVpnIpsecSa = showParser({
  id: 'paloalto-show-vpn-ipsec-sa',
  command: 'show vpn ipsec-sa',
  marker:
    /^\s*GwID(?:\/client IP)?\s+TnID\s+Peer-Address\s+Tunnel\(Gateway\)|^\s*Show IPSec SA: Total/,
  read,
});

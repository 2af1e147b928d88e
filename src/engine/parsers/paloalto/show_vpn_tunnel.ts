/**
 * PAN-OS `show vpn tunnel [name <tunnel>]`: the configured IPsec tunnels with their proxy IDs and
 * phase 2 proposals. Written from the PAN-OS CLI reference and Palo Alto Networks knowledge base
 * examples.
 */
import type { Line } from '../../parse/lines.ts';
import { defined, PLATFORM, showParser, textOf, type Collector } from './common.ts';

// Sample: "TnID    Name                              Gateway                           Local Proxy IP           Ptl:Port     Remote Proxy IP          Ptl:Port     Proposals"
const HEADER =
  /^\s*TnID\s+Name(?:\(Gateway\))?\s+(?:Gateway\s+)?Local Proxy IP\s+Ptl:Port\s+Remote Proxy IP\s+Ptl:Port\s+Proposals\s*$/;
// Sample: "1       tunnel-Branch                     GW-Branch                         10.1.0.0/16              0:0          10.2.0.0/16              0:0          ESP tunl [DH2][AES128,3DES][SHA1] 3600-sec 0-kb"
const ROW =
  /^\s*(\d{1,9})\s+([^\s(]{1,63})(?:\(([^\s)]{1,63})\)|\s+(\S{1,63}))\s+(\S{1,64})\s+(\d{1,3}:\d{1,5})\s+(\S{1,64})\s+(\d{1,3}:\d{1,5})\s+(\S.{0,300})$/;
// Sample: "---------------------------------------------------------------------------------"
const DASHES = /^\s*-{2,}(?:\s+-{2,})*\s*$/;
// Sample: "Show IPSec tunnel config: Total 1 tunnels found."
const TOTAL = /^\s*Show IPSec tunnel config: Total \d+ tunnels? found\.?\s*$/i;

function read(lines: readonly Line[], out: Collector): void {
  let inTable = false;
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    if (HEADER.test(text) || TOTAL.test(text)) {
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
    const [, id, name, gwParen, gwCol, localProxy, localPort, remoteProxy, remotePort, proposals] =
      m;
    const pfs = /\[(DH\d+|no-pfs|nopfs)\]/i.exec(proposals ?? '')?.[1];
    out.add(
      {
        kind: 'crypto-config',
        platform: PLATFORM,
        object: 'ipsec-tunnel',
        ...defined({ name }),
        settings: defined({
          id,
          gateway: gwParen ?? gwCol,
          localProxyId: localProxy,
          localProtocolPort: localPort,
          remoteProxyId: remoteProxy,
          remoteProtocolPort: remotePort,
          proposals: proposals?.trim(),
          pfs,
        }) as Record<string, string>,
      },
      [line.no],
    );
  }
}

/** `show vpn tunnel` on PAN-OS. */
export const showVpnTunnel = showParser({
  id: 'paloalto-show-vpn-tunnel',
  command: 'show vpn tunnel',
  marker: /^\s*TnID\s+Name\b.{0,80}Local Proxy IP|^\s*Show IPSec tunnel config: Total/,
  read,
});

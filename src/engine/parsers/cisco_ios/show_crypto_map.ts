/**
 * Cisco IOS / IOS-XE `show crypto map`: one `crypto-config` record (`crypto-map`) per map entry,
 * named `<map> <seq>`, with peers, ACL and its entries, transform sets, PFS, lifetime, profiles and
 * the interfaces the map is applied to.
 */
import { ADDR, PLATFORM, showParser, textOf, commandRe } from './show_common.ts';

// Sample: "Crypto Map IPv4 "CMAP" 10 ipsec-isakmp" / "Crypto Map "CMAP" 10 ipsec-isakmp"
// Sample: "Crypto Map IPv4 "CMAP" 65535 ipsec-isakmp dynamic DYN"
const ENTRY_RE =
  /^\s*Crypto Map(?: IPv[46])?\s+"([^"]{1,80})"\s+(\d+)\s+([\w-]+)(?:\s+dynamic\s+(\S+))?/;
// Sample: "        Peer = 203.0.113.2"
const PEER_RE = new RegExp(String.raw`^\s*Peer\s*=\s*(${ADDR}|\S+)\s*$`);
// Sample: "        Extended IP access list 101" / "        IPv6 access list ACL6"
const ACL_RE = /^\s*(?:Extended IP|IP|IPv6) access list\s+(\S+)\s*$/;
// Sample: "            access-list 101 permit ip 192.168.1.0 0.0.0.255 192.168.2.0 0.0.0.255"
const ACE_RE = /^\s*access-list\s+\S+\s+((?:permit|deny)\s.{1,200}?)\s*$/;
// Sample: "        Current peer: 203.0.113.2"
const CURRENT_PEER_RE = /^\s*Current peer:\s*(\S+)\s*$/;
// Sample: "        Security association lifetime: 4608000 kilobytes/3600 seconds"
const LIFETIME_RE = /^\s*Security association lifetime:\s*(.{1,80}?)\s*$/;
// Sample: "        Responder-Only (Y/N): N"
const RESPONDER_RE = /^\s*Responder-Only \(Y\/N\):\s*([YN])/;
// Sample: "        PFS (Y/N): Y" / "        DH group:  group14"
const PFS_RE = /^\s*PFS \(Y\/N\):\s*([YN])/;
const DH_RE = /^\s*DH group:\s*(\S+)/;
// Sample: "        Mixed-mode : Disabled"
const MIXED_RE = /^\s*Mixed-mode\s*:\s*(\S+)/;
// Sample: "        Transform sets={ " / "        Transform sets={ TSET, }"
const TSETS_RE = /^\s*Transform sets\s*=\s*\{\s*([^{}]{0,200}?)\s*(\}?)\s*$/;
// Sample: "                TSET:  { esp-aes esp-sha-hmac  } ,"
const TSET_ITEM_RE = /^\s*([\w#$!.-]+):\s*\{\s*([^{}]{0,200}?)\s*\}\s*,?\s*$/;
// Sample: "        }"
const CLOSE_RE = /^\s*\}\s*$/;
// Samples: "        ISAKMP Profile: PROF", "        IKEv2 Profile: default", "        Profile name: default"
const PROFILE_RE = /^\s*(ISAKMP Profile|IKEv2 Profile|Profile name)\s*:\s*(\S+)\s*$/;
// Other lines of an entry. Samples: "        Map is a PROFILE INSTANCE.", "        Reverse Route Injection Enabled",
// "        QOS pre-classification", "        Default IP access list", "        Dynamic crypto map template tag: DYN"
const OTHER_RE =
  /^\s*(?:Map is a PROFILE INSTANCE|Reverse Route Injection|QOS pre-classification|Default IP access list|Dynamic crypto map template tag|Interfaces using crypto map \S+:\s*$|No matching address list set)/;
// Sample: "        Interfaces using crypto map CMAP:"
const INTERFACES_RE = /^\s*Interfaces using crypto map\s+(\S+?):?\s*$/;
// Sample: "                GigabitEthernet0/0"
const INTERFACE_NAME_RE = /^\s+([A-Z][\w-]*\d[\w/.:]*)\s*$/;

interface Entry {
  map: string;
  seq: string;
  settings: Record<string, string>;
  lines: number[];
}

const append = (r: Record<string, string>, key: string, v: string): void => {
  r[key] = r[key] === undefined || r[key] === '' ? v : `${r[key]}, ${v}`;
};

/** `show crypto map`. */
export const showCryptoMap = showParser({
  id: 'cisco-ios-show-crypto-map',
  command: 'show crypto map',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['map', 3],
  ]),
  marker: /^\s*Crypto Map(?: IPv[46])?\s+"/,
  read(lines, out) {
    const entries: Entry[] = [];
    let entry: Entry | null = null;
    let inSets = false;
    let ifaceMap: string | null = null;
    const ifaces = new Map<string, { names: string[]; lines: number[] }>();
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      let m = ENTRY_RE.exec(text);
      if (m) {
        entry = {
          map: m[1] ?? '',
          seq: m[2] ?? '',
          settings: { map: m[1] ?? '', seq: m[2] ?? '', type: m[3] ?? '' },
          lines: [line.no],
        };
        if (m[4] !== undefined) entry.settings.dynamicMap = m[4];
        entries.push(entry);
        inSets = false;
        ifaceMap = null;
        continue;
      }
      if ((m = INTERFACES_RE.exec(text))) {
        // Also printed before the entries, e.g. "Interfaces using crypto map NiStTeSt1:".
        ifaceMap = m[1] ?? '';
        // The same output pasted twice lists the interfaces twice: cite the first listing only.
        if (!ifaces.has(ifaceMap)) ifaces.set(ifaceMap, { names: [], lines: [line.no] });
        out.claim(line.no);
        continue;
      }
      const e = entry as Entry | null;
      if (e === null) continue;
      if (ifaceMap !== null && (m = INTERFACE_NAME_RE.exec(text))) {
        const rec = ifaces.get(ifaceMap);
        const name = m[1] ?? '';
        if (rec !== undefined && !rec.names.includes(name)) {
          rec.names.push(name);
          rec.lines.push(line.no);
        }
        continue;
      }
      if (!/^\s/.test(text)) {
        entry = null;
        continue;
      }
      const s = e.settings;
      let hit = true;
      if (inSets && (m = TSET_ITEM_RE.exec(text))) {
        append(s, 'transformSets', m[1] ?? '');
        append(s, 'transforms', (m[2] ?? '').replace(/\s+/g, ' '));
      } else if (inSets && CLOSE_RE.test(text)) inSets = false;
      else if ((m = TSETS_RE.exec(text))) {
        // "{ TSET, TSET2, }" lists names on one line; "{" alone opens a list of "name: { … }" lines.
        for (const n of (m[1] ?? '')
          .split(',')
          .map((x) => x.trim())
          .filter((x) => x !== ''))
          append(s, 'transformSets', n);
        inSets = m[2] !== '}';
      } else if ((m = PEER_RE.exec(text))) append(s, 'peers', m[1] ?? '');
      else if ((m = ACL_RE.exec(text))) s.acl = m[1] ?? '';
      else if ((m = ACE_RE.exec(text))) {
        const ace = m[1] ?? '';
        s.aclEntries = s.aclEntries === undefined ? ace : `${s.aclEntries}; ${ace}`;
      } else if ((m = CURRENT_PEER_RE.exec(text))) s.currentPeer = m[1] ?? '';
      else if ((m = LIFETIME_RE.exec(text))) s.lifetime = m[1] ?? '';
      else if ((m = RESPONDER_RE.exec(text))) s.responderOnly = m[1] ?? '';
      else if ((m = PFS_RE.exec(text))) s.pfs = m[1] ?? '';
      else if ((m = DH_RE.exec(text))) s.dhGroup = m[1] ?? '';
      else if ((m = MIXED_RE.exec(text))) s.mixedMode = m[1] ?? '';
      else if ((m = PROFILE_RE.exec(text)))
        s[
          m[1] === 'ISAKMP Profile'
            ? 'isakmpProfile'
            : m[1] === 'IKEv2 Profile'
              ? 'ikev2Profile'
              : 'profile'
        ] = m[2] ?? '';
      else if (OTHER_RE.test(text)) hit = true;
      else hit = false;
      if (hit) e.lines.push(line.no);
    }
    for (const e of entries) {
      const rec = ifaces.get(e.map);
      const settings = { ...e.settings };
      if (rec !== undefined && rec.names.length > 0) settings.interfaces = rec.names.join(', ');
      out.add(
        {
          kind: 'crypto-config',
          platform: PLATFORM,
          object: 'crypto-map',
          name: `${e.map} ${e.seq}`,
          settings,
        },
        [...e.lines, ...(rec?.lines ?? [])],
      );
    }
  },
});

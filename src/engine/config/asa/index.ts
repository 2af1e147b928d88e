/**
 * Cisco ASA (and PIX) configuration → `PeerConfig`: `show running-config` or its crypto parts,
 * ASA 8.3+ syntax (`crypto ikev1 …`, objects, twice NAT) and the older 8.2 / PIX forms
 * (`crypto isakmp …`, `isakmp policy`, `nat (inside) 0 access-list`), pasted with or without the
 * prompt. Each part of the model is read by its own module; this file wires them together.
 */
import type { Statement } from '../blocks.ts';
import { type ConfigParser, emptyPeer, type Interface, type PeerConfig } from '../model.ts';
import { addressOf } from '../normalise.ts';
import { readAcls } from './acl.ts';
import { addressBook } from './addresses.ts';
import type { Binding } from './crypto_map_entries.ts';
import { connections } from './crypto_maps.ts';
import { espProposals } from './esp.ts';
import { globalNotes } from './globals.ts';
import { ikeProposals } from './ike.ts';
import { hostname, ikeEnabled, interfaces, routes } from './interfaces.ts';
import { natRules } from './nat.ts';
import { note, prepare, reader, type Reader } from './text.ts';
import { tunnelGroups } from './tunnel_groups.ts';

/**
 * Lines only an ASA or PIX prints, with a weight each (10 = proof on its own). Run over the text
 * with prompts removed.
 */
const MARKERS: readonly (readonly [RegExp, number])[] = [
  // "ASA Version 9.8(4)20", "PIX Version 6.3(5)"
  [/^(?:ASA|PIX) Version \d/m, 10],
  // " nameif outside" / " security-level 100" under an interface
  [/^[ \t]+nameif \S/m, 3],
  [/^[ \t]+security-level \d/m, 3],
  // PIX 6 "nameif ethernet0 outside security0"
  [/^nameif \S{1,40} \S{1,64} security\d/m, 5],
  // "tunnel-group 198.51.100.2 type ipsec-l2l"
  [/^tunnel-group \S{1,64} (?:type|ipsec-attributes|general-attributes)/m, 4],
  // "crypto ikev1 policy 10", "crypto ikev1 enable outside"
  [/^crypto ikev1 (?:policy|enable) /m, 4],
  // "crypto ipsec ikev2 ipsec-proposal FORTIGATE"
  [/^crypto ipsec ikev2 ipsec-proposal /m, 5],
  // "crypto ipsec ikev1 transform-set ESP-AES-256-SHA esp-aes-256 esp-sha-hmac"
  [/^crypto ipsec ikev1 transform-set /m, 5],
  // one-line crypto map entries: "crypto map outside_map 1 set peer 192.0.2.1"
  [/^crypto map \S+ \d+ (?:set|match) /m, 3],
  // "crypto map outside_map interface outside"
  [/^crypto map \S+ interface \S/m, 4],
  // "object network obj-10.1.1.0"
  [/^object network \S/m, 2],
  // "nat (inside,outside) source static …", 8.2 "nat (inside) 0 access-list NONAT"
  [/^nat \([\w-]+(?:,[\w-]+)?\) /m, 3],
  // PIX / ASA 7.0 "isakmp policy 10 authentication pre-share", "isakmp enable outside"
  [/^isakmp (?:policy|enable|key) /m, 3],
  // "access-list outside_cryptomap extended permit ip …" (IOS writes "ip access-list extended NAME")
  [/^access-list \S+ extended /m, 2],
  // 8.2 "crypto isakmp enable outside"
  [/^crypto isakmp enable /m, 3],
];

/**
 * How strongly the text looks like an ASA/PIX configuration: the sum of the weights of the
 * markers present (0 = none; a full `show running-config` scores 30–50). Unbounded like the IOS
 * parser's line count, so an ASA text beats the few IOS-looking lines it shares with IOS.
 */
export function sniffAsa(text: string): number {
  const prepared = prepare(text).text;
  return MARKERS.reduce((n, [re, weight]) => n + (re.test(prepared) ? weight : 0), 0);
}

/** Reads an ASA/PIX configuration; never throws. */
export function parseAsa(text: string): PeerConfig {
  try {
    return read(text);
  } catch {
    // A reader bug must not take the page down: report what could not be read instead.
    return {
      ...emptyPeer('cisco-asa'),
      notes: [{ message: 'the configuration could not be read (internal error)', lines: [] }],
      unread: text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').length,
    };
  }
}

function read(text: string): PeerConfig {
  const prepared = prepare(text);
  const r = reader(prepared.text);
  const host = hostname(r, prepared.promptHost);
  const ifaces = interfaces(r);
  const staticRoutes = routes(r);
  const enabled = ikeEnabled(r);
  const book = addressBook(r, (nameif) => {
    const a = ifaces.find((i) => i.nameif === nameif)?.addresses[0];
    return a ? addressOf(a) : undefined;
  });
  const acls = readAcls(r, book);
  const ike = ikeProposals(r);
  const esp = espProposals(r);
  const groups = tunnelGroups(r);
  const maps = connections(r, {
    book,
    acls,
    interfaces: ifaces,
    enabled,
    tunnelGroups: groups.names,
  });
  const nat = natRules(r, book, acls);
  globalNotes(r);
  const defined = new Set(esp.map((p) => p.name));
  for (const c of maps.connections) {
    const missing = c.espProposals.filter((n) => !defined.has(n));
    if (missing.length > 0 && esp.length > 0) {
      note(r, `crypto map ${c.name}: ${missing.join(', ')} not defined in the input`, [
        c.lines[0] ?? 0,
      ]);
    }
  }
  return {
    ...emptyPeer('cisco-asa'),
    ...(host ? { hostname: host } : {}),
    interfaces: bindMaps(ifaces, maps.bindings),
    routes: staticRoutes,
    ikeProposals: ike,
    espProposals: esp,
    keys: groups.keys,
    profiles: groups.profiles,
    connections: maps.connections,
    nat,
    ...(enabled.length > 0 ? { ikeEnabled: enabled } : {}),
    notes: r.notes,
    unread: unread(r),
  };
}

/** `crypto map X interface Y` → the interface whose nameif is Y carries map X. */
function bindMaps(ifaces: readonly Interface[], bindings: readonly Binding[]): Interface[] {
  return ifaces.map((i) => {
    const b = bindings.find((x) => x.nameif === i.nameif);
    return b ? { ...i, cryptoMap: b.map, lines: [...i.lines, b.line] } : i;
  });
}

/** Statements not read into the model; `: Saved`-style comments and `end` do not count. */
function unread(r: Reader): number {
  const count = (s: Statement): number =>
    (r.used.has(s.line) || s.text.startsWith(':') || s.text === 'end' ? 0 : 1) +
    s.children.reduce((n, c) => n + count(c), 0);
  return r.top.reduce((n, s) => n + count(s), 0);
}

/** The Cisco ASA / PIX configuration parser. */
export const ASA_CONFIG: ConfigParser = {
  platform: 'cisco-asa',
  sniff: sniffAsa,
  parse: parseAsa,
};

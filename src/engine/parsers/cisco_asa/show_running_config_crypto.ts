/**
 * Cisco ASA / FTD `show running-config crypto` and its parts (`… crypto map`, `… all crypto map`,
 * `… crypto ikev1`, `… crypto ikev2`, `… crypto ipsec`, `… tunnel-group`): one `crypto-config`
 * fact per crypto map entry, IKE policy, transform set, IPsec proposal and tunnel group.
 * Sources: Cisco ASA command reference; ntc-templates test data; PeteNetLive (seed 000, 001).
 */
import type { CryptoConfigFact, Fact } from '../../../knowledge/facts.ts';
import { foundBy } from '../../parse/gate.ts';
import type { Line } from '../../parse/lines.ts';
import type { Parser, ParseResult } from '../../parse/types.ts';
import { PLATFORM } from './common.ts';

const ID = 'cisco-asa-show-running-config-crypto';

// "crypto map WAN1_CMAP 10 set peer 192.0.2.1" / "no crypto map WAN1_CMAP 10 set tfc-packets"
const MAP_ENTRY =
  /^\s*(no )?crypto (map|dynamic-map) (\S+) (\d+) (match address|set|ipsec-isakmp dynamic) ?(.*)$/;
// "crypto map WAN1_CMAP interface WAN1"
const MAP_INTERFACE = /^\s*crypto map (\S+) interface (\S+)/;
// "crypto ikev1 policy 10" / "crypto ikev2 policy 1"
const POLICY = /^\s*crypto (ikev1|ikev2) policy (\d+)\s*$/;
// " encryption aes-256", " hash sha", " group 5", " lifetime 86400", " lifetime seconds 86400", " prf sha256"
const POLICY_LINE = /^\s+(authentication|encryption|hash|integrity|group|prf|lifetime)\s+(.+?)\s*$/;
// "crypto ipsec ikev1 transform-set AES-256_SHA esp-aes-256 esp-sha-hmac" (8.2: "crypto ipsec transform-set …")
const TRANSFORM_SET = /^\s*crypto ipsec (?:(ikev1) )?transform-set (\S+) (.+?)\s*$/;
// "crypto ipsec ikev2 ipsec-proposal IKE2"
const PROPOSAL = /^\s*crypto ipsec ikev2 ipsec-proposal (\S+)\s*$/;
// " protocol esp encryption aes-gcm-256 aes-256" / " protocol esp integrity sha-256 sha-1"
const PROPOSAL_LINE = /^\s+protocol (esp|ah) (encryption|integrity) (.+?)\s*$/;
// "crypto ikev1 enable outside" / "crypto ikev2 enable outside client-services port 443"
const ENABLE = /^\s*crypto (ikev1|ikev2|isakmp) enable (\S+)/;
// "crypto ipsec security-association lifetime seconds 28800", "crypto ipsec security-association pmtu-aging infinite",
// "crypto ipsec df-bit clear-df outside", "crypto ikev1 am-disable", "crypto isakmp identity address", "crypto ikev2 remote-access trustpoint X"
const GLOBAL =
  /^\s*crypto (ipsec|ikev1|ikev2|isakmp) ((?:security-association|df-bit|fragmentation|identity|am-disable|nat-traversal|ipsec-over-tcp|limit|cookie-challenge|notify|remote-access|redirect|enable-fragmentation)\b.*?)\s*$/;
// "tunnel-group 10.0.0.2 type ipsec-l2l" / "tunnel-group 10.0.0.2 ipsec-attributes"
const TUNNEL_GROUP = /^\s*tunnel-group (\S+) (type|ipsec-attributes|general-attributes) ?(\S*)\s*$/;
// " ikev1 pre-shared-key *****", " ikev2 remote-authentication pre-shared-key *****", " peer-id-validate nocheck", " isakmp keepalive threshold 10 retry 2"
const TG_LINE =
  /^\s+(ikev1 pre-shared-key|ikev2 (?:remote|local)-authentication (?:pre-shared-key|certificate)|pre-shared-key|peer-id-validate|isakmp keepalive|ikev1 trust-point|ikev2 (?:local|remote)-authentication|chain|default-group-policy|ikev1 user-authentication)\b ?(.*?)\s*$/;

const camel = (s: string): string => s.replace(/[- ]+(\w)/g, (_m, c: string) => c.toUpperCase());

interface Obj {
  object: string;
  name: string;
  settings: Record<string, string>;
  lines: number[];
}

// ASA-only forms (IOS puts `set` lines under the map entry and names IKEv2 proposals differently).
const DETECT =
  /^\s*(?:no )?crypto (?:map \S+ \d+ (?:set|match) |ikev[12] (?:policy \d|enable )|ipsec (?:ikev1 transform-set|ikev2 ipsec-proposal) )/;

/** `show running-config crypto …` on ASA / FTD. */
export const showRunningConfigCrypto: Parser = {
  id: ID,
  platform: PLATFORM,
  command: 'show running-config crypto',
  ...foundBy(DETECT),
  parse(lines: readonly Line[]): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      const objs = new Map<string, Obj>();
      const get = (object: string, name: string, settings: Record<string, string> = {}): Obj => {
        const key = `${object}\u0000${name}`;
        let o = objs.get(key);
        if (!o) {
          o = { object, name, settings: { ...settings }, lines: [] };
          objs.set(key, o);
        }
        return o;
      };
      const mapInterfaces = new Map<string, { iface: string; line: number }>();
      let block: Obj | null = null;
      let blockKind: 'policy' | 'proposal' | 'tunnel-group' | null = null;
      for (const l of lines) {
        const t = l.text;
        let m: RegExpExecArray | null;
        const add = (o: Obj) => {
          o.lines.push(l.no);
          claimed.add(l.no);
        };
        if (block && blockKind === 'policy' && (m = POLICY_LINE.exec(t))) {
          const key = m[1] === 'lifetime' ? 'lifetime' : (m[1] ?? '');
          block.settings[key] = (m[2] ?? '').replace(/^seconds /, '');
          add(block);
          continue;
        }
        if (block && blockKind === 'proposal' && (m = PROPOSAL_LINE.exec(t))) {
          block.settings[m[2] ?? ''] = m[3] ?? '';
          block.settings.protocol = m[1] ?? 'esp';
          add(block);
          continue;
        }
        if (block && blockKind === 'tunnel-group' && (m = TG_LINE.exec(t))) {
          block.settings[camel(m[1] ?? '')] = m[2] ?? '';
          add(block);
          continue;
        }
        if (/^\S/.test(t) || t.trim() === '') {
          block = null;
          blockKind = null;
        }
        if ((m = MAP_ENTRY.exec(t))) {
          const [, no, kind, map, seq, verb, rest] = m;
          const o = get(
            kind === 'map' ? 'crypto-map' : 'dynamic-map',
            `${map ?? ''} ${seq ?? ''}`,
            { map: map ?? '', seq: seq ?? '' },
          );
          const r = (rest ?? '').trim();
          if (verb === 'match address') o.settings.matchAddress = r;
          else if (verb === 'ipsec-isakmp dynamic') o.settings.dynamic = r;
          else {
            const sm =
              /^(peer|pfs|connection-type|ikev1 transform-set|ikev1 phase1-mode|ikev2 ipsec-proposal|ikev2 mode|ikev2 pre-shared-key|security-association lifetime|reverse-route|nat-t-disable|trustpoint|tfc-packets|inheritance|validate-icmp-errors|df-bit|ikev1 set pfs)\b ?(.*)$/.exec(
                r,
              );
            const key = sm ? camel(sm[1] ?? '') : camel(r.split(' ')[0] ?? 'set');
            let value = sm ? (sm[2] ?? '') : r.split(' ').slice(1).join(' ');
            if (key === 'pfs' && value === '') value = 'group2';
            if (no) value = 'no';
            if (key === 'securityAssociationLifetime') {
              const sec = /seconds (\d+)/.exec(value);
              const kb = /kilobytes (\d+|unlimited)/.exec(value);
              if (sec) o.settings.lifetimeSeconds = sec[1] ?? '';
              if (kb) o.settings.lifetimeKilobytes = kb[1] ?? '';
            } else o.settings[key] = value === '' ? 'yes' : value;
          }
          add(o);
          continue;
        }
        if ((m = MAP_INTERFACE.exec(t))) {
          mapInterfaces.set(m[1] ?? '', { iface: m[2] ?? '', line: l.no });
          claimed.add(l.no);
          continue;
        }
        if ((m = POLICY.exec(t))) {
          block = get('ike-policy', `${m[1] ?? ''} ${m[2] ?? ''}`, {
            ikeVersion: m[1] ?? '',
            priority: m[2] ?? '',
          });
          blockKind = 'policy';
          add(block);
          continue;
        }
        if ((m = TRANSFORM_SET.exec(t))) {
          const parts = (m[3] ?? '').split(/\s+/);
          const settings: Record<string, string> = { ikeVersion: 'ikev1' };
          if (parts[0] === 'mode') settings.mode = parts[1] ?? '';
          else {
            const enc = parts.filter(
              (p) => !/-(?:hmac|none)$|^esp-none$/.test(p) || /^esp-null$/.test(p),
            );
            const integ = parts.filter(
              (p) => /-(?:hmac|none)$|^esp-none$/.test(p) && !/^esp-null$/.test(p),
            );
            settings.encryption = enc.join(' ');
            if (integ.length > 0) settings.integrity = integ.join(' ');
          }
          const o = get('transform-set', m[2] ?? '', {});
          Object.assign(o.settings, settings);
          add(o);
          continue;
        }
        if ((m = PROPOSAL.exec(t))) {
          block = get('ipsec-proposal', m[1] ?? '', { ikeVersion: 'ikev2' });
          blockKind = 'proposal';
          add(block);
          continue;
        }
        if ((m = ENABLE.exec(t))) {
          add(
            get('ike-enable', m[2] ?? '', {
              ikeVersion: m[1] === 'ikev2' ? 'ikev2' : 'ikev1',
              interface: m[2] ?? '',
            }),
          );
          continue;
        }
        if ((m = GLOBAL.exec(t))) {
          const o = get(`${m[1] === 'ipsec' ? 'ipsec' : 'ike'}-global`, m[1] ?? '');
          const words = (m[2] ?? '').split(' ');
          o.settings[camel(words.slice(0, words.length > 1 ? words.length - 1 : 1).join(' '))] =
            words.length > 1 ? (words[words.length - 1] ?? '') : 'yes';
          add(o);
          continue;
        }
        if ((m = TUNNEL_GROUP.exec(t))) {
          const o = get('tunnel-group', m[1] ?? '');
          if (m[2] === 'type') o.settings.type = m[3] ?? '';
          block = o;
          blockKind = 'tunnel-group';
          add(o);
          continue;
        }
      }
      for (const o of objs.values()) {
        if (o.object === 'crypto-map') {
          const mi = mapInterfaces.get(o.settings.map ?? '');
          if (mi) {
            o.settings.interface = mi.iface;
            o.lines.push(mi.line);
          }
        }
        const f: CryptoConfigFact = {
          kind: 'crypto-config',
          platform: PLATFORM,
          object: o.object,
          name: o.name,
          settings: o.settings,
          format: ID,
          lines: [...new Set(o.lines)].sort((a, b) => a - b),
        };
        facts.push(f);
      }
    } catch {
      // keep what was read
    }
    return { facts, claimed };
  },
};

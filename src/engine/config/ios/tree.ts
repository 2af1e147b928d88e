/**
 * IOS configuration text as blocks of statements, repaired for the way configurations are pasted:
 * indentation lost (web pages, PDFs, `show run | section` copied from a document), config-mode
 * prompts in front of commands, and `!comment` words after a command.
 *
 * `statements()` (blocks.ts) nests by indentation. When a block header arrives with no indented
 * sub-commands, the lines after it that can only be sub-commands of that kind of block (`encr`,
 * `hash`, `set peer`, `pre-shared-key` …) are moved under it, so a flattened paste reads the same
 * as the device's own output.
 */
import { statements, type Statement } from '../blocks.ts';

/** One statement of an IOS configuration. */
export interface Node {
  readonly line: number;
  /** Words as written, trailing `!comment` words removed. */
  readonly words: readonly string[];
  /** `words` in lower case, for keyword tests. */
  readonly key: readonly string[];
  /** Words as written including any `!…` word: secrets are read from these, since `!` may be part of a key. */
  readonly raw: readonly string[];
  readonly children: Node[];
}

/** The kinds of block the parser reads. */
export type BlockKind =
  | 'interface'
  | 'isakmp-policy'
  | 'isakmp-profile'
  | 'keyring'
  | 'ikev2-proposal'
  | 'ikev2-policy'
  | 'ikev2-keyring'
  | 'ikev2-profile'
  | 'transform-set'
  | 'ipsec-profile'
  | 'crypto-map'
  | 'dynamic-map'
  | 'acl'
  | 'object-group'
  | 'route-map'
  | 'gdoi';

/** A config-mode prompt glued to a command: `R1(config-isakmp)#encr aes`. */
const CONFIG_PROMPT = /^[\w.-]{1,63}\(config[\w-]{0,40}\)#/;
/** A whole number: a crypto map or ACE sequence (`10`), an access-list number, a lifetime (`86400`). */
export const NUMBER = /^\d{1,10}$/;
/** A dotted quad, as the first word of an object-group member (`10.1.1.0 255.255.255.0`). */
const DOTTED = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Does `key` start with these words? */
export function is(key: readonly string[], ...words: string[]): boolean {
  return words.every((w, i) => key[i] === w);
}

/** The kind of block a statement opens, or null. */
export function blockKind(key: readonly string[]): BlockKind | null {
  if (is(key, 'interface') && key.length >= 2) return 'interface';
  if (is(key, 'crypto', 'isakmp', 'policy')) return 'isakmp-policy';
  if (is(key, 'crypto', 'isakmp', 'profile')) return 'isakmp-profile';
  if (is(key, 'crypto', 'keyring')) return 'keyring';
  if (is(key, 'crypto', 'ikev2', 'proposal')) return 'ikev2-proposal';
  if (is(key, 'crypto', 'ikev2', 'policy')) return 'ikev2-policy';
  if (is(key, 'crypto', 'ikev2', 'keyring')) return 'ikev2-keyring';
  if (is(key, 'crypto', 'ikev2', 'profile')) return 'ikev2-profile';
  if (is(key, 'crypto', 'ipsec', 'transform-set')) return 'transform-set';
  if (is(key, 'crypto', 'ipsec', 'profile')) return 'ipsec-profile';
  if (is(key, 'crypto', 'map') && NUMBER.test(key[3] ?? '')) return 'crypto-map';
  if (is(key, 'crypto', 'dynamic-map') && NUMBER.test(key[3] ?? '')) return 'dynamic-map';
  if (is(key, 'ip', 'access-list') && key.length >= 4) return 'acl';
  if (is(key, 'object-group', 'network')) return 'object-group';
  if (is(key, 'route-map')) return 'route-map';
  if (is(key, 'crypto', 'gdoi', 'group')) return 'gdoi';
  return null;
}

const IF_WORDS = new Set([
  'description',
  'shutdown',
  'bandwidth',
  'mtu',
  'duplex',
  'half-duplex',
  'full-duplex',
  'speed',
  'negotiation',
  'encapsulation',
  'keepalive',
  'media-type',
  'switchport',
  'load-interval',
  'service-policy',
  'standby',
  'vrrp',
  'zone-member',
  'tunnel',
  'pppoe',
  'pppoe-client',
  'dialer',
  'delay',
  'hold-queue',
  'mac-address',
  'channel-group',
]);
const IF_IP_WORDS = new Set([
  'address',
  'vrf',
  'mtu',
  'nhrp',
  'ospf',
  'helper-address',
  'pim',
  'virtual-reassembly',
  'access-group',
  'unnumbered',
  'redirects',
  'unreachables',
  'proxy-arp',
  'policy',
  'verify',
  'split-horizon',
  'summary-address',
  'hello-interval',
  'directed-broadcast',
  'route-cache',
  'mroute-cache',
  'authentication',
  'bandwidth-percent',
  'hold-time',
  'igmp',
  'rip',
  'load-sharing',
  'wccp',
]);
const IF_IPV6_WORDS = new Set(['address', 'enable', 'mtu', 'nd', 'ospf', 'traffic-filter']);

/** Can this line only be an interface sub-command? (`ip route`, `ipv6 unicast-routing` are global.) */
function interfaceChild(k: readonly string[]): boolean {
  const [w0 = '', w1 = '', w2 = ''] = k;
  if (w0 === 'no') return k.length === 1 ? false : interfaceChild(k.slice(1));
  if (IF_WORDS.has(w0)) return true;
  if (w0 === 'ip') {
    if (w1 === 'nat') return k.length === 3 && (w2 === 'inside' || w2 === 'outside');
    if (w1 === 'tcp') return w2 === 'adjust-mss';
    if (w1 === 'flow') return w2 === 'ingress' || w2 === 'egress';
    return IF_IP_WORDS.has(w1);
  }
  if (w0 === 'ipv6') return IF_IPV6_WORDS.has(w1);
  if (w0 === 'vrf') return w1 === 'forwarding';
  if (w0 === 'crypto') return (w1 === 'map' && k.length === 3) || w1 === 'ipsec';
  if (w0 === 'cdp') return w1 === 'enable';
  return false;
}

function firstWordIn(...words: string[]): (k: readonly string[]) => boolean {
  const set = new Set(words);
  return (k) => set.has(k[0] ?? '');
}

/** For each block kind: can a line be one of its sub-commands (when the paste lost indentation)? */
const CHILD: Record<BlockKind, (k: readonly string[]) => boolean> = {
  interface: interfaceChild,
  'isakmp-policy': firstWordIn('encr', 'encryption', 'hash', 'authentication', 'group', 'lifetime'),
  'isakmp-profile': (k) =>
    (k[0] === 'vrf' && k.length === 2) ||
    firstWordIn(
      'keyring',
      'match',
      'self-identity',
      'ca',
      'keepalive',
      'initiate',
      'local-address',
      'description',
      'isakmp',
      'client',
      'virtual-template',
      'qos-group',
      'accounting',
    )(k),
  keyring: firstWordIn('pre-shared-key', 'description', 'local-address', 'rsa-pubkey'),
  'ikev2-proposal': firstWordIn('encryption', 'integrity', 'prf', 'group'),
  'ikev2-policy': firstWordIn('proposal', 'match', 'description'),
  // `hostname` is left out: in a flat paste it is far more likely the global command.
  'ikev2-keyring': firstWordIn('peer', 'address', 'identity', 'pre-shared-key', 'description'),
  'ikev2-profile': firstWordIn(
    'match',
    'identity',
    'authentication',
    'keyring',
    'lifetime',
    'dpd',
    'aaa',
    'virtual-template',
    'description',
    'nat',
    'config-exchange',
    'pki',
    'ivrf',
    'redirect',
  ),
  'transform-set': firstWordIn('mode'),
  'ipsec-profile': firstWordIn('set', 'description', 'responder-only'),
  'crypto-map': firstWordIn('set', 'match', 'description', 'reverse-route', 'qos'),
  'dynamic-map': firstWordIn('set', 'match', 'description', 'reverse-route', 'qos'),
  acl: (k) => NUMBER.test(k[0] ?? '') || firstWordIn('permit', 'deny', 'remark', 'evaluate')(k),
  'object-group': (k) =>
    DOTTED.test(k[0] ?? '') ||
    firstWordIn('host', 'range', 'description', 'group-object', 'any')(k),
  'route-map': firstWordIn('match', 'set', 'description', 'continue'),
  gdoi: firstWordIn(
    'identity',
    'server',
    'rekey',
    'sa',
    'profile',
    'match',
    'replay',
    'address',
    'client',
    'passive',
  ),
};

function toNode(s: Statement): Node {
  let raw = s.words;
  const prompt = CONFIG_PROMPT.exec(raw[0] ?? '');
  if (prompt) {
    const rest = (raw[0] ?? '').slice(prompt[0].length);
    raw = rest === '' ? raw.slice(1) : [rest, ...raw.slice(1)];
  }
  const bang = raw.findIndex((w, i) => i > 0 && w.startsWith('!'));
  const words = bang < 0 ? raw : raw.slice(0, bang);
  return {
    line: s.line,
    words,
    key: words.map((w) => w.toLowerCase()),
    raw,
    children: s.children.map(toNode),
  };
}

/** The configuration as top-level IOS statements, flat pastes re-nested. */
export function iosTree(text: string): Node[] {
  const flat = statements(text)
    .map(toNode)
    .filter((n) => n.words.length > 0);
  const out: Node[] = [];
  for (let i = 0; i < flat.length; i++) {
    const node = flat[i];
    if (!node) continue;
    out.push(node);
    const kind = blockKind(node.key);
    if (!kind || node.children.length > 0) continue;
    const child = CHILD[kind];
    while (i + 1 < flat.length) {
      const next = flat[i + 1];
      if (!next || blockKind(next.key) !== null || !child(next.key)) break;
      node.children.push(next);
      i++;
    }
  }
  return out;
}

/** A node and all its descendants, in order. */
export function descendants(node: Node): Node[] {
  return [node, ...node.children.flatMap(descendants)];
}

/**
 * strongSwan configuration → `PeerConfig`: `ipsec.conf` (+ `ipsec.secrets` lines pasted with it)
 * or `swanctl.conf`. One `Connection` per loaded `conn` / swanctl connection; selectors and PFS
 * come from its CHILD_SA settings. Parts live in `strongswan/`; defaults are documented there.
 */
import { emptyPeer, type ConfigNote, type ConfigParser, type PeerConfig } from './model.ts';
import { assemble, type ConnSpec } from './strongswan/assemble.ts';
import { connSpec, localIdsOf } from './strongswan/conn.ts';
import { includedNames, readIpsecConf, resolveConns } from './strongswan/ipsecconf.ts';
import { idKey, keysFromSecrets, readSecretLines, type SecretEntry } from './strongswan/secrets.ts';
import {
  readSwanctl,
  swanctlConns,
  swanctlLocalIds,
  swanctlSecrets,
} from './strongswan/swanctl.ts';
import { stripComment } from './strongswan/values.ts';

// "conn net-net"
const CONN = /^[ \t]*conn[ \t]+\S/m;
// "  keyexchange=ikev2"
const KEYEXCHANGE = /^[ \t]*keyexchange[ \t]*=/m;
// "  leftsubnet=10.1.0.0/16"
const SUBNET = /^[ \t]*(?:left|right)subnet[ \t]*=/m;
// "connections {"
const CONNECTIONS = /^[ \t]*connections[ \t]*\{/m;
// "      children {"
const CHILDREN = /^[ \t]*children[ \t]*\{/m;
// ": PSK "secret"", "moon sun : PSK 0x…"
const PSK_LINE = /(?:^|\s):\s{1,8}PSK\s/m;
// "connections {" / "secrets {" at the start of a line: the text is swanctl.conf
const SWANCTL = /^[ \t]*(?:connections|secrets)[ \t]*\{/m;

/** How strongly the text looks like a strongSwan configuration, 0 … 1. */
function sniff(text: string): number {
  let score = 0;
  if (CONN.test(text)) score += 0.3;
  if (KEYEXCHANGE.test(text)) score += 0.3;
  if (SUBNET.test(text)) score += 0.3;
  if (CONNECTIONS.test(text)) score += 0.4;
  if (CHILDREN.test(text)) score += 0.3;
  if (PSK_LINE.test(text)) score += 0.3;
  return Math.min(1, score);
}

interface Read {
  readonly specs: ConnSpec[];
  readonly secrets: SecretEntry[];
  readonly localIds: string[];
  readonly read: ReadonlySet<number>;
}

function readSwanctlText(text: string, notes: ConfigNote[]): Read {
  const conf = readSwanctl(text);
  return {
    specs: swanctlConns(conf, notes),
    secrets: swanctlSecrets(conf),
    localIds: swanctlLocalIds(conf),
    read: conf.read,
  };
}

function readIpsecText(text: string, secrets: SecretEntry[], notes: ConfigNote[]): Read {
  const secretLines = new Set(secrets.flatMap((s) => s.lines));
  const conf = readIpsecConf(text, (l) => secretLines.has(l));
  const templates = includedNames(conf);
  const conns = resolveConns(conf).filter(
    // A conn only included by others and never given auto= is a template, not a tunnel.
    (c) => !(templates.has(c.name) && !c.params.has('auto')),
  );
  return {
    specs: conns.flatMap((c) => connSpec(c, notes) ?? []),
    secrets,
    localIds: conns.flatMap(localIdsOf),
    read: new Set([...conf.read, ...secretLines]),
  };
}

/** Non-blank, non-comment lines not read as configuration. */
function unreadLines(text: string, read: ReadonlySet<number>): number {
  let n = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    if (stripComment(raw).trim() !== '' && !read.has(i + 1)) n++;
  });
  return n;
}

/** Reads strongSwan configuration text; never throws. */
function parse(text: string): PeerConfig {
  const notes: ConfigNote[] = [];
  const secretLines = readSecretLines(text);
  const r = SWANCTL.test(text)
    ? readSwanctlText(text, notes)
    : readIpsecText(text, secretLines, notes);
  const secrets = r.secrets === secretLines ? r.secrets : [...r.secrets, ...secretLines];
  const parts = r.specs.map(assemble);
  const keys = keysFromSecrets(secrets, new Set(r.localIds.map(idKey)));
  const read = new Set([...r.read, ...secretLines.flatMap((s) => s.lines)]);
  return {
    ...emptyPeer('strongswan'),
    ikeProposals: parts.flatMap((p) => p.ikeProposals),
    espProposals: parts.flatMap((p) => p.espProposals),
    keys: keys.keys,
    profiles: parts.map((p) => p.profile),
    connections: parts.map((p) => p.connection),
    notes: [...notes, ...parts.flatMap((p) => p.notes), ...keys.notes],
    unread: unreadLines(text, read),
  };
}

/** The strongSwan configuration parser. */
export const STRONGSWAN_CONFIG: ConfigParser = { platform: 'strongswan', sniff, parse };

/**
 * strongSwan secrets: `ipsec.secrets` lines (`[ID …] : PSK secret`, ipsec.secrets(5)) and the
 * `ike-…` sections of swanctl.conf's `secrets { }` (`id…` keys and `secret`), as pre-shared keys.
 *
 * The IDs of an entry are not marked local or remote: strongSwan takes the entry whose IDs best
 * match both ends. Here an ID that is one of this host's own (a conn's `left`/`leftid`,
 * `local_addrs`, `local.id`) is treated as local, the others as the peer; no ID means any peer.
 * Secrets other than PSK (RSA, EAP, XAUTH …) are only counted, and no secret text is ever put
 * in a note.
 */
import type { ConfigNote, PreSharedKey } from '../model.ts';
import { isAddress, secretBytes, stripComment, tokens } from './values.ts';

/** One secrets entry, read; `written` is the secret as written and never leaves this module. */
export interface SecretEntry {
  readonly ids: readonly string[];
  readonly type: string;
  readonly written: string;
  /** swanctl section name (`ike-gw`), absent for ipsec.secrets. */
  readonly section?: string;
  readonly lines: readonly number[];
}

const TYPES = new Set([
  'PSK',
  'RSA',
  'ECDSA',
  'ED25519',
  'ED448',
  'BLISS',
  'PKCS8',
  'P12',
  'PKCS12',
  'EAP',
  'XAUTH',
  'NTLM',
  'PIN',
  'PPK',
]);

/** Reads the ipsec.secrets lines of a text; other lines are ignored. */
export function readSecretLines(text: string): SecretEntry[] {
  const out: SecretEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const t = tokens(stripComment(raw).trim());
    const colon = t.findIndex(
      (w, j) =>
        (w === ':' || (w.endsWith(':') && j === 0)) && TYPES.has((t[j + 1] ?? '').toUpperCase()),
    );
    if (colon < 0) return;
    const head = t.slice(0, colon + 1);
    const last = head[head.length - 1] ?? ':';
    const ids = [...head.slice(0, -1), ...(last === ':' ? [] : [last.slice(0, -1)])];
    out.push({
      ids,
      type: (t[colon + 1] ?? '').toUpperCase(),
      written: t.slice(colon + 2).join(' '),
      lines: [i + 1],
    });
  });
  return out;
}

/** An ID as compared: without the `@` that marks an FQDN, lower-case. */
export function idKey(id: string): string {
  return id.replace(/^@{1,2}/, '').toLowerCase();
}

/** PSK entries as keys; other types counted in one note. */
export function keysFromSecrets(
  entries: readonly SecretEntry[],
  localIds: ReadonlySet<string>,
): { keys: PreSharedKey[]; notes: ConfigNote[] } {
  const keys: PreSharedKey[] = [];
  const notes: ConfigNote[] = [];
  const others = entries.filter((e) => e.type !== 'PSK');
  if (others.length > 0)
    notes.push({
      message: `${others.length} secret(s) other than PSK (${[...new Set(others.map((o) => o.type))].join(', ')}) not read.`,
      lines: others.flatMap((o) => o.lines),
    });
  for (const e of entries.filter((x) => x.type === 'PSK')) {
    const bytes = secretBytes(e.written);
    if (!bytes) {
      notes.push({
        message: 'A PSK secret could not be read (empty or malformed hex/base64).',
        lines: e.lines,
      });
      continue;
    }
    const remote = e.ids.filter((id) => !localIds.has(idKey(id)));
    const peers = remote.length > 0 ? remote : ['%any'];
    for (const id of peers) {
      const bare = id.replace(/^@{1,2}/, '');
      const isAny = id === '%any' || id === '%any6';
      keys.push({
        scope: 'secrets',
        ...(e.section
          ? { container: e.section }
          : e.ids.length > 0
            ? { container: e.ids.join(' ') }
            : {}),
        ...(isAny ? { peer: 'any' } : isAddress(bare) ? { peer: bare } : { identity: bare }),
        direction: 'both',
        bytesHex: bytes.bytesHex,
        encoding: bytes.encoding,
        lines: e.lines,
      });
    }
  }
  return { keys, notes };
}

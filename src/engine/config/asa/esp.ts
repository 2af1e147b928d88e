/**
 * ESP proposals: IKEv1 transform sets (`crypto ipsec ikev1 transform-set T esp-aes-256
 * esp-sha-hmac`; 8.2/PIX `crypto ipsec transform-set T …`) and IKEv2 IPsec proposals
 * (`crypto ipsec ikev2 ipsec-proposal P` with `protocol esp encryption …` / `protocol esp
 * integrity …`).
 *
 * AES-GCM and AES-GMAC carry their own authentication: the ASA ignores `protocol esp integrity`
 * for them ("WARNING: GCM\GMAC are authenticated encryption algorithms.esp integrity config is
 * ignored", seed 000). The configured list is kept as written and a note says it does not apply
 * to those ciphers; the comparison knows AEAD ciphers negotiate no integrity.
 */
import type { Statement } from '../blocks.ts';
import type { EspProposal } from '../model.ts';
import {
  ESP_TRANSFORM_ENCRYPTION,
  ESP_TRANSFORM_INTEGRITY,
  isAead,
  PROPOSAL_ENCRYPTION,
  PROPOSAL_INTEGRITY,
  readAlgorithms,
} from './algorithms.ts';
import { note, type Reader, topLevel, use, word } from './text.ts';

interface Draft {
  name: string;
  version: 'ikev1' | 'ikev2';
  encryption: string[];
  integrity: string[];
  integrityWritten: boolean;
  mode?: 'tunnel' | 'transport';
  lines: number[];
}

/** Transform sets then IPsec proposals, each in input order. */
export function espProposals(r: Reader): EspProposal[] {
  const drafts = new Map<string, Draft>();
  const get = (version: Draft['version'], name: string): Draft => {
    const key = `${version} ${name}`;
    let d = drafts.get(key);
    if (!d) {
      d = { name, version, encryption: [], integrity: [], integrityWritten: false, lines: [] };
      drafts.set(key, d);
    }
    return d;
  };
  for (const s of topLevel(r, 'crypto', 'ipsec')) {
    // "crypto ipsec ikev1 transform-set T …" / "crypto ipsec transform-set T …"
    const at = word(s, 2) === 'ikev1' ? 3 : 2;
    if (word(s, at) === 'transform-set' && s.words[at + 1]) {
      transformSet(r, get('ikev1', s.words[at + 1] ?? ''), s, s.words.slice(at + 2));
    } else if (word(s, 2) === 'ikev2' && word(s, 3) === 'ipsec-proposal' && s.words[4]) {
      ipsecProposal(r, get('ikev2', s.words[4]), s);
    }
  }
  return [...drafts.values()].map((d) => finish(r, d));
}

function transformSet(r: Reader, d: Draft, s: Statement, words: readonly string[]): void {
  d.lines.push(s.line);
  // "crypto ipsec ikev1 transform-set T mode transport"
  if (words[0]?.toLowerCase() === 'mode') {
    const mode = words[1]?.toLowerCase();
    if (mode === 'transport' || mode === 'tunnel') d.mode = mode;
    return;
  }
  const unknown: string[] = [];
  for (const w of words) {
    const enc = readAlgorithms([w], ESP_TRANSFORM_ENCRYPTION).values[0];
    const integ = readAlgorithms([w], ESP_TRANSFORM_INTEGRITY).values[0];
    if (enc !== undefined) d.encryption.push(enc);
    else if (integ !== undefined) {
      d.integrity.push(integ);
      d.integrityWritten = true;
    } else unknown.push(w);
  }
  if (unknown.length > 0) {
    note(r, `transform-set ${d.name}: "${unknown.join(' ')}" not understood (AH is not modelled)`, [
      s.line,
    ]);
  }
}

// " protocol esp encryption aes-gcm-256 aes-256", " protocol esp integrity sha-256 sha-1"
function ipsecProposal(r: Reader, d: Draft, s: Statement): void {
  d.lines.push(s.line);
  for (const c of s.children) {
    if (word(c, 0) !== 'protocol' || word(c, 1) !== 'esp') continue;
    const which = word(c, 2);
    if (which !== 'encryption' && which !== 'integrity') continue;
    const read = readAlgorithms(
      c.words.slice(3),
      which === 'encryption' ? PROPOSAL_ENCRYPTION : PROPOSAL_INTEGRITY,
    );
    if (which === 'encryption') d.encryption.push(...read.values);
    else {
      d.integrity.push(...read.values);
      d.integrityWritten = true;
    }
    d.lines.push(c.line);
    if (read.rest.length > 0) {
      note(
        r,
        `ipsec-proposal ${d.name}: words after "${c.words.slice(0, 3).join(' ')}" ignored from "${read.rest[0] ?? ''}" on`,
        [c.line],
      );
    }
  }
}

function finish(r: Reader, d: Draft): EspProposal {
  use(r, ...d.lines);
  const encryption = [...new Set(d.encryption)];
  const integrity = [...new Set(d.integrity)];
  const header = [d.lines[0] ?? 0];
  if (encryption.some(isAead) && integrity.some((i) => i !== 'none')) {
    note(
      r,
      `ipsec-proposal ${d.name}: AES-GCM/GMAC ignore "protocol esp integrity"; it applies only to the other ciphers`,
      header,
    );
  }
  if (!d.integrityWritten && encryption.some((e) => !isAead(e) && e !== 'null')) {
    note(
      r,
      `${d.version === 'ikev1' ? 'transform-set' : 'ipsec-proposal'} ${d.name}: no integrity algorithm written; read as none`,
      header,
    );
  }
  return {
    name: d.name,
    version: d.version,
    encryption,
    integrity: integrity.length > 0 ? integrity : ['none'],
    ...(d.mode ? { mode: d.mode } : {}),
    lines: d.lines,
  };
}

/**
 * Payload lists for IOS `debug crypto ikev2` packets. IOS prints the list after the packet line
 * ("Payload contents:" then one or more lines of payload names), and for an encrypted message the
 * clear payloads earlier, under "Building packet for encryption.". A pass after the line rules
 * adds the list (and its lines) to each `ike.sent` / `ike.received` fact.
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press), chapter 14.
 */
import type { Fact, SignalFact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import type { ParseResult, Parser } from '../../parse/types.ts';

// "Payload contents:" alone, or with the list on the same line (a collapsed paste).
const CONTENTS_HEADER = /^\s*Payload contents:\s*/;
// One payload name: "SA", "KE", "N", "VID", "IDi", "NOTIFY(NAT_DETECTION_SOURCE_IP)" …
const PAYLOAD_NAME =
  /^(?:SA|KE|N|VID|IDi|IDr|CERT|CERTREQ|AUTH|CFG|TSi|TSr|ENCR|SK|DELETE|EAP|NOTIFY\([A-Z0-9_]{1,60}\))$/;
// "Building packet for encryption.": the clear payloads of the next encrypted message follow.
const BUILDING = /Building packet for encryption/;
// How far a payload list may start after its packet line, and how long it may run.
const MAX_GAP = 2;
const MAX_LIST_LINES = 6;

/** The payload names of a line, or null when the line is not a payload list. */
function namesOf(text: string): string[] | null {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '' || words.length > 40) return null;
  return words.every((w) => PAYLOAD_NAME.test(w)) ? words : null;
}

/** The payload list starting at `index` ("Payload contents:" line), with the lines it spans. */
function listAt(
  lines: readonly Line[],
  index: number,
): { names: string[]; lines: number[] } | null {
  const header = lines[index];
  if (header === undefined || !CONTENTS_HEADER.test(header.text)) return null;
  const names: string[] = [];
  const used = [header.no];
  const inline = namesOf(header.text.replace(CONTENTS_HEADER, ''));
  if (inline) names.push(...inline);
  for (let k = index + 1; k < lines.length && k <= index + MAX_LIST_LINES; k++) {
    const more = namesOf((lines[k] as Line).text);
    if (more === null) break;
    names.push(...more);
    used.push((lines[k] as Line).no);
  }
  return names.length > 0 ? { names, lines: used } : null;
}

/** The list printed right after a packet's lines. */
function listAfter(lines: readonly Line[], lastLine: number) {
  for (let i = lastLine; i < lines.length && i <= lastLine + MAX_GAP; i++) {
    const list = listAt(lines, i);
    if (list) return list;
  }
  return null;
}

/** The clear list of "Building packet for encryption." shortly before `firstLine`, after `floor`. */
function clearListBefore(lines: readonly Line[], firstLine: number, floor: number) {
  for (let i = firstLine - 2; i >= 0 && i > floor - 1 && i >= firstLine - 15; i--) {
    if (!BUILDING.test((lines[i] as Line).text)) continue;
    return listAfter(lines, i + 1);
  }
  return null;
}

function withList(f: SignalFact, lines: readonly Line[], floor: number): SignalFact {
  const first = f.lines[0] ?? 0;
  const last = f.lines.at(-1) ?? 0;
  const outer = listAfter(lines, last);
  const encrypted = outer !== null && outer.names.every((n) => n === 'ENCR' || n === 'SK');
  const clear = outer === null || encrypted ? clearListBefore(lines, first, floor) : null;
  const chosen = clear ?? outer;
  if (chosen === null) return f;
  const used = [...f.lines, ...chosen.lines, ...(clear && outer ? outer.lines : [])];
  return {
    ...f,
    payloads: chosen.names.join(' '),
    lines: [...new Set(used)].sort((a, b) => a - b),
  };
}

/** Adds payload lists to the packet facts of an IOS IKEv2 debug parser. */
export function withPayloadLists(parser: Parser): Parser {
  return {
    ...parser,
    parse(lines: readonly Line[]): ParseResult {
      const result = parser.parse(lines);
      let floor = 0;
      const facts: Fact[] = result.facts.map((f) => {
        if (f.kind !== 'signal' || (f.signal !== 'ike.sent' && f.signal !== 'ike.received'))
          return f;
        const out = withList(f, lines, floor);
        floor = out.lines.at(-1) ?? floor;
        return out;
      });
      return { facts, claimed: result.claimed };
    },
  };
}

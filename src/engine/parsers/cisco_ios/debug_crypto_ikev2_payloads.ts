/**
 * Payload lists for IOS `debug crypto ikev2` packets. IOS prints the list after the packet line
 * ("Payload contents:" then one or more lines of payload names), and for an encrypted message the
 * clear payloads earlier, under "Building packet for encryption.". A pass after the line rules
 * adds the list (and its lines) to each `ike.sent` / `ike.received` fact.
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press), chapter 14.
 */
import type { Fact, SignalFact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import { widen } from '../../parse/gate.ts';
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

/**
 * The payload list starting at `index` ("Payload contents:" line), with the lines it spans.
 * `lines` may be a parser's view of the paste: a list runs only over consecutive line numbers.
 */
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
  for (let k = index + 1; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.no !== header.no + (k - index) || line.no > header.no + MAX_LIST_LINES) break;
    const more = namesOf(line.text);
    if (more === null) break;
    names.push(...more);
    used.push(line.no);
  }
  return names.length > 0 ? { names, lines: used } : null;
}

/** The list printed right after line `lastNo` (the index of that line is `at`). */
function listAfter(lines: readonly Line[], at: number, lastNo: number) {
  for (let i = at + 1; i < lines.length && (lines[i] as Line).no <= lastNo + MAX_GAP + 1; i++) {
    const list = listAt(lines, i);
    if (list) return list;
  }
  return null;
}

/** The clear list of "Building packet for encryption." shortly before line `firstNo` (at index `at`), after `floor`. */
function clearListBefore(lines: readonly Line[], at: number, firstNo: number, floor: number) {
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (line.no <= floor || line.no < firstNo - 14) break;
    if (BUILDING.test(line.text)) return listAfter(lines, i, line.no);
  }
  return null;
}

function withList(
  f: SignalFact,
  lines: readonly Line[],
  indexOf: ReadonlyMap<number, number>,
  floor: number,
): SignalFact {
  const first = f.lines[0] ?? 0;
  const last = f.lines.at(-1) ?? 0;
  const outer = listAfter(lines, indexOf.get(last) ?? lines.length, last);
  const encrypted = outer !== null && outer.names.every((n) => n === 'ENCR' || n === 'SK');
  const clear =
    outer === null || encrypted
      ? clearListBefore(lines, indexOf.get(first) ?? -1, first, floor)
      : null;
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
    // The lists and the "Building packet" line may hold none of the table's literals.
    ...(parser.gate === undefined
      ? {}
      : {
          gate: widen(parser.gate, {
            needles: ['payload contents', 'building packet for encryption'],
            also: (line) => namesOf(line.text) !== null,
          }),
        }),
    parse(lines: readonly Line[]): ParseResult {
      const result = parser.parse(lines);
      const indexOf = new Map(lines.map((l, i) => [l.no, i]));
      let floor = 0;
      const facts: Fact[] = result.facts.map((f) => {
        if (f.kind !== 'signal' || (f.signal !== 'ike.sent' && f.signal !== 'ike.received'))
          return f;
        const out = withList(f, lines, indexOf, floor);
        floor = out.lines.at(-1) ?? floor;
        return out;
      });
      return { facts, claimed: result.claimed };
    },
  };
}

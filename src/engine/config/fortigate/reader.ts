/**
 * FortiOS configuration text (`show`, `show full-configuration`, a backup file) as a tree:
 * `config PATH … end` blocks holding `set KEY VALUE…` settings and `edit NAME … next` entries,
 * which may hold nested `config` blocks (`config secondaryip` under an interface, every section
 * under `config vdom` / `edit root` on a multi-VDOM unit).
 *
 * Line numbers are 1-based lines of the input as given. Lines that are not FortiOS syntax (prompt
 * echoes, `--More--`, pasted prose) are listed in `unknown`.
 */

/** One `set KEY VALUE…` line (values unquoted). */
export interface FgSetting {
  readonly key: string;
  readonly values: readonly string[];
  readonly line: number;
}

/** An `edit NAME … next` entry. */
export interface FgEntry {
  readonly name: string;
  readonly line: number;
  /** The `next` line, or the last line seen when the entry was never closed. */
  endLine: number;
  readonly settings: Map<string, FgSetting>;
  readonly blocks: FgBlock[];
}

/** A `config PATH … end` block. */
export interface FgBlock {
  /** `vpn ipsec phase1-interface`, lower-case words joined by one blank. */
  readonly path: string;
  readonly line: number;
  endLine: number;
  readonly settings: Map<string, FgSetting>;
  readonly entries: FgEntry[];
  readonly blocks: FgBlock[];
}

/** The whole text read as FortiOS configuration. */
export interface FgTree {
  readonly blocks: readonly FgBlock[];
  /** `#config-version=FGT60F-7.2.5-FW-build1517-…` → `7.2.5`. */
  readonly version?: string;
  /** Non-blank lines that are not FortiOS configuration syntax. */
  readonly unknown: readonly number[];
  /** Non-blank lines other than `#` comments. */
  readonly nonBlank: number;
}

// "#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin"
const CONFIG_VERSION = /^#config-version=[A-Z0-9]{1,20}-(\d{1,2}\.\d{1,2}\.\d{1,3})-/;

/** Splits a FortiOS line into words; `"…"` and `'…'` group, `\"` escapes inside quotes. */
export function words(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quote) {
      if (ch === '\\' && i + 1 < line.length) current += line[++i] ?? '';
      else if (ch === quote) quote = '';
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === ' ' || ch === '\t') {
      if (inWord) out.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(current);
  return out;
}

type Frame = { kind: 'block'; block: FgBlock } | { kind: 'entry'; entry: FgEntry };

function newBlock(path: string, line: number): FgBlock {
  return { path, line, endLine: line, settings: new Map(), entries: [], blocks: [] };
}

/** Reads a FortiOS configuration into blocks; never throws. */
export function readFortiConfig(text: string): FgTree {
  const lines = text.split(/\r\n|\r|\n/);
  const root: FgBlock[] = [];
  const stack: Frame[] = [];
  const unknown: number[] = [];
  let version: string | undefined;
  let nonBlank = 0;
  const top = (): Frame | undefined => stack[stack.length - 1];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const v = CONFIG_VERSION.exec(raw);
    if (v) version = v[1];
    if (raw.startsWith('#')) continue;
    nonBlank++;
    const w = words(raw);
    const verb = (w[0] ?? '').toLowerCase();
    const frame = top();
    if (verb === 'config' && w.length > 1) {
      const block = newBlock(w.slice(1).join(' ').toLowerCase(), lineNo);
      if (!frame) root.push(block);
      else if (frame.kind === 'block') frame.block.blocks.push(block);
      else frame.entry.blocks.push(block);
      stack.push({ kind: 'block', block });
    } else if (verb === 'edit' && w.length > 1 && frame?.kind === 'block') {
      const entry: FgEntry = {
        name: w.slice(1).join(' '),
        line: lineNo,
        endLine: lineNo,
        settings: new Map(),
        blocks: [],
      };
      frame.block.entries.push(entry);
      stack.push({ kind: 'entry', entry });
    } else if ((verb === 'set' || verb === 'append') && w.length > 1 && frame) {
      const key = (w[1] ?? '').toLowerCase();
      const settings = frame.kind === 'block' ? frame.block.settings : frame.entry.settings;
      const before = verb === 'append' ? (settings.get(key)?.values ?? []) : [];
      settings.set(key, { key, values: [...before, ...w.slice(2)], line: lineNo });
    } else if ((verb === 'unset' || verb === 'select' || verb === 'unselect') && frame) {
      // Accepted syntax that changes nothing the model holds.
    } else if (verb === 'next' && frame?.kind === 'entry') {
      frame.entry.endLine = lineNo;
      stack.pop();
    } else if (verb === 'end' && frame) {
      closeBlock(stack, lineNo);
    } else {
      unknown.push(lineNo);
    }
  }
  // A paste cut short leaves blocks open: they end at the last line.
  while (stack.length > 0) closeBlock(stack, lines.length);
  return { blocks: root, unknown, nonBlank, ...(version ? { version } : {}) };
}

/** Pops an entry left without `next` and then the block `end` closes. */
function closeBlock(stack: Frame[], lineNo: number): void {
  let frame = stack.pop();
  while (frame?.kind === 'entry') {
    frame.entry.endLine = lineNo;
    frame = stack.pop();
  }
  if (frame) frame.block.endLine = lineNo;
}

/** Every block with this path, at any depth (a multi-VDOM configuration nests them). */
export function findBlocks(blocks: readonly FgBlock[], path: string): FgBlock[] {
  const out: FgBlock[] = [];
  const visit = (list: readonly FgBlock[]): void => {
    for (const b of list) {
      if (b.path === path) out.push(b);
      visit(b.blocks);
      for (const e of b.entries) visit(e.blocks);
    }
  };
  visit(blocks);
  return out;
}

/** All `edit` entries of every block with this path, in input order. */
export function entriesOf(tree: FgTree, path: string): FgEntry[] {
  return findBlocks(tree.blocks, path).flatMap((b) => b.entries);
}

/** The first value of a setting, lower-cased when `lower`. */
export function value(
  settings: ReadonlyMap<string, FgSetting>,
  key: string,
  lower = false,
): string | undefined {
  const v = settings.get(key)?.values[0];
  return v === undefined ? undefined : lower ? v.toLowerCase() : v;
}

/** The line of a setting, when written. */
export function lineOf(settings: ReadonlyMap<string, FgSetting>, key: string): number[] {
  const s = settings.get(key);
  return s ? [s.line] : [];
}

/** Model line lists: the defining line first, then the others once each, in input order. */
export function ordered(lines: readonly number[]): number[] {
  const [first, ...rest] = lines;
  if (first === undefined) return [];
  return [first, ...[...new Set(rest)].filter((l) => l !== first).sort((a, b) => a - b)];
}

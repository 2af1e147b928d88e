/**
 * Indentation-structured configuration text (Cisco IOS/ASA `show running-config`,
 * FortiGate `config … end` is handled by its own parser) as a tree of statements.
 *
 * A statement is one line; lines indented deeper than the statement above belong
 * to it as sub-commands. `!`, blank lines and `exit` end nothing by themselves
 * (Cisco ends a block by the next line at a lower indent), but they are skipped.
 * Line numbers are 1-based lines of the input as given.
 */

/** One statement with its sub-commands. */
export interface Statement {
  readonly line: number;
  /** The statement without leading/trailing blanks, inner runs of blanks collapsed. */
  readonly text: string;
  /** The words of `text`. */
  readonly words: readonly string[];
  readonly indent: number;
  readonly children: readonly Statement[];
}

interface MutableStatement {
  line: number;
  text: string;
  words: string[];
  indent: number;
  children: MutableStatement[];
}

/** Prompt echo like `R1#show run` or `ciscoasa(config)# …` at the start of a line. */
const PROMPT = /^[\w.-]{1,63}(?:\([\w-]{1,40}\))?[#>]\s?/;

/** Splits a configuration into top-level statements with nested sub-commands. */
export function statements(text: string): Statement[] {
  const root: MutableStatement[] = [];
  const stack: MutableStatement[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').replace(/\t/g, '    ').replace(/\u00a0/g, ' ');
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed === '!' || trimmed.startsWith('!') || trimmed === 'exit')
      continue;
    if (PROMPT.test(trimmed) && /[#>]\s?(?:sh|show|more|wr)/i.test(trimmed)) continue;
    const indent = raw.length - raw.trimStart().length;
    const words = trimmed.split(/\s+/);
    const stmt: MutableStatement = {
      line: i + 1,
      text: words.join(' '),
      words,
      indent,
      children: [],
    };
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(stmt);
    else root.push(stmt);
    stack.push(stmt);
  }
  return root;
}

/** The line numbers of a statement and, recursively, its sub-commands. */
export function linesOf(s: Statement): number[] {
  return [s.line, ...s.children.flatMap(linesOf)];
}

/** Does the statement start with these words (case-insensitive)? */
export function startsWith(s: Statement, ...words: string[]): boolean {
  return words.every((w, i) => s.words[i]?.toLowerCase() === w.toLowerCase());
}

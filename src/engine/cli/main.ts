/**
 * The command line, as `contracts.md` fixes it:
 *
 *   cli kb | diagnose <file|-> | parse <file|->
 *
 * `main` touches no globals: the process is injected, so tests fake it.
 */
import { TREE } from '../../knowledge/tree.ts';
import { diagnoseParsed, factsByKind, parse } from '../diagnose.ts';
import { knowledgeJson } from './kb.ts';

/** What `main` needs from the process. */
export interface Proc {
  readonly argv: readonly string[];
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
}

const USAGE = 'usage: cli kb | diagnose <file|-> | parse <file|->';

async function readInput(proc: Proc, arg: string | undefined): Promise<string | { error: string }> {
  if (arg === undefined) return { error: `${USAGE}` };
  try {
    return arg === '-' ? await proc.readStdin() : await proc.readFile(arg);
  } catch (e) {
    const reason =
      e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'unreadable';
    return { error: `cannot read ${arg}: ${reason}` };
  }
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** Runs one command; resolves to the exit status. */
export async function main(proc: Proc): Promise<number> {
  const [command, arg] = proc.argv;
  switch (command) {
    case 'kb':
      proc.stdout.write(json(knowledgeJson(TREE)));
      return 0;
    case 'diagnose':
    case 'parse': {
      const input = await readInput(proc, arg);
      if (typeof input !== 'string') {
        proc.stderr.write(`${input.error}\n`);
        return 2;
      }
      const parsed = parse(input);
      if (command === 'parse') {
        proc.stdout.write(json({ inputs: parsed.inputs, facts: factsByKind(parsed.facts) }));
        return 0;
      }
      const { inputs, findings, context } = diagnoseParsed(parsed);
      proc.stdout.write(
        json({
          inputs,
          context,
          findings: findings.map(({ diagnosis, stage, confidence, evidence, rules }) => ({
            diagnosis,
            stage,
            confidence,
            evidence,
            rules,
          })),
        }),
      );
      return 0;
    }
    default:
      proc.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

/**
 * The command line, as `contracts.md` fixes it:
 *
 *   cli kb | diagnose <file|-> | parse <file|-> | redact <file|-> [--mask-addresses]
 *       | report <file|-> [--html] [--mask-addresses] | compare <peerA> <peerB>
 *
 * `main` touches no globals: the process is injected, so tests fake it.
 */
import { TREE } from '../../knowledge/tree.ts';
import { diagnoseParsed, factsByKind, parse } from '../diagnose.ts';
import { knowledgeJson } from './kb.ts';
import { compareTexts } from '../config/index.ts';
import { createRedactor } from '../redact/index.ts';
import { prepareShare } from '../share/prepare.ts';
import { INITIAL_STATE } from '../walk/state.ts';
import { transition } from '../walk/transition.ts';

/** What `main` needs from the process. */
export interface Proc {
  readonly argv: readonly string[];
  readonly stdout: { write(s: string): unknown };
  readonly stderr: { write(s: string): unknown };
  readStdin(): Promise<string>;
  readFile(path: string): Promise<string>;
}

const USAGE =
  'usage: cli kb | diagnose <file|-> | parse <file|-> | redact <file|-> [--mask-addresses] | report <file|-> [--html] [--mask-addresses] | compare <peerA> <peerB>';

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

function fail(proc: Proc, message: string): number {
  proc.stderr.write(`${message}\n`);
  return 2;
}

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** Runs one command; resolves to the exit status. */
export async function main(proc: Proc): Promise<number> {
  const flags = new Set(proc.argv.filter((a) => a.startsWith('--')));
  const [command, arg, arg2] = proc.argv.filter((a) => !a.startsWith('--'));
  const mask = flags.has('--mask-addresses');
  switch (command) {
    case 'redact': {
      const input = await readInput(proc, arg);
      if (typeof input !== 'string') return fail(proc, input.error);
      proc.stdout.write(createRedactor({ addresses: mask, hostnames: mask }).redact(input).text);
      return 0;
    }
    case 'report': {
      const input = await readInput(proc, arg);
      if (typeof input !== 'string') return fail(proc, input.error);
      const { findings, context } = diagnoseParsed(parse(input));
      const state = transition(TREE, INITIAL_STATE, {
        type: 'evidence',
        findings: findings.map((f) => f.diagnosis),
        context,
      });
      const shared = prepareShare(
        {
          tree: TREE,
          state,
          paste: input,
          findings,
          createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
        { addresses: mask, hostnames: mask },
      );
      proc.stdout.write(flags.has('--html') ? shared.html : shared.markdown);
      return 0;
    }
    case 'compare': {
      const a = await readInput(proc, arg);
      if (typeof a !== 'string') return fail(proc, a.error);
      const b = await readInput(proc, arg2);
      if (typeof b !== 'string') return fail(proc, b.error);
      const result = compareTexts(a, b);
      if (!result.ok) return fail(proc, `${result.side === 'a' ? arg : arg2}: ${result.problem}`);
      proc.stdout.write(json(result.result));
      return 0;
    }
    case 'kb':
      proc.stdout.write(json(knowledgeJson(TREE)));
      return 0;
    case 'diagnose':
    case 'parse': {
      const input = await readInput(proc, arg);
      if (typeof input !== 'string') return fail(proc, input.error);
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

/**
 * The case as it may leave the page: what the user told us, what the evidence
 * proved, where the walk ended and what to do. Built once, redacted once, then
 * written as Markdown (`markdown.ts`) or a standalone HTML file (`html.ts`).
 *
 * Only device text is redacted (evidence lines, the ladder, an excerpt); the
 * knowledge base's own words carry no secrets. One redactor is used for the
 * whole case, so an address keeps the same placeholder everywhere in it.
 */
import type { DiagnosisId } from '../../knowledge/catalogue.ts';
import type { Context, Tree } from '../../knowledge/schema.ts';
import { PLATFORM_NAMES } from '../../knowledge/schema.ts';
import type { Finding } from '../classify/classify.ts';
import type { ExcerptLine } from '../share/excerpt.ts';
import { commandsFor, roleReading, type ShownCommands } from '../walk/present.ts';
import { resolve } from '../walk/resolve.ts';
import type { WalkState } from '../walk/state.ts';

/** What the report needs from a redactor (see `engine/redact`). */
export interface TextRedactor {
  redact(text: string): { text: string; redactions: readonly { kind: string }[] };
}

/** Everything known about the case on the page (or in the CLI). */
export interface CaseInput {
  readonly tree: Tree;
  readonly state: WalkState;
  /** The pasted text, when the report is made where it was pasted. */
  readonly paste?: string;
  /**
   * The paste's cited lines, already redacted, by line number: stands for `paste` when the paste
   * was redacted elsewhere (the page's worker, see `share/redact.ts`).
   */
  readonly redactedPaste?: ReadonlyMap<number, string>;
  /** The paste's findings (from `diagnose`). */
  readonly findings?: readonly Finding[];
  /** Proving lines carried by a link, when there is no paste. */
  readonly excerpt?: readonly ExcerptLine[];
  /** The exchange ladder as plain text, when one was drawn. */
  readonly ladderText?: string;
  /** When the report was made (ISO 8601); the caller decides, so reports are reproducible. */
  readonly createdAt?: string;
}

/** One finding with its proving lines, redacted. */
export interface CaseFinding {
  readonly id: DiagnosisId;
  readonly title: string;
  readonly confidence?: string;
  readonly lines: readonly ExcerptLine[];
}

/** The current step, when it is a diagnosis: the fix and the commands. */
export interface CaseDiagnosis {
  readonly id: string;
  readonly title: string;
  readonly explanation: string;
  readonly reading: readonly { role: string; text: string }[];
  readonly fix: readonly { text: string; config?: { platform: string; text: string } }[];
  readonly confirm: readonly ShownCommands[];
  readonly verify: readonly ShownCommands[];
  readonly sources: readonly string[];
}

/** The case, ready to write. */
export interface CaseReport {
  readonly title: string;
  readonly createdAt?: string;
  readonly context: readonly { label: string; value: string }[];
  readonly answers: readonly { question: string; answer: string }[];
  readonly current: { readonly id: string; readonly kind: 'question' | 'diagnosis'; title: string };
  readonly diagnosis?: CaseDiagnosis;
  readonly findings: readonly CaseFinding[];
  readonly ladder?: string;
  /** How many items of each kind redaction removed. */
  readonly removed: Readonly<Record<string, number>>;
}

/** How many proving lines the report prints per finding. */
export const REPORT_LINES_PER_FINDING = 20;

function contextRows(ctx: Context): { label: string; value: string }[] {
  return [
    { label: 'This device', value: ctx.platform ? PLATFORM_NAMES[ctx.platform] : 'not known' },
    { label: 'Peer', value: ctx.peerPlatform ? PLATFORM_NAMES[ctx.peerPlatform] : 'not known' },
    { label: 'IKE version', value: ctx.ikeVersion ? ctx.ikeVersion.toUpperCase() : 'not known' },
    { label: 'Role of this device', value: ctx.role ?? 'not known' },
  ];
}

/** Redacts the device text of a case: the paste (line count kept), the excerpt and the ladder. */
function redactor(input: CaseInput, r: TextRedactor) {
  const removed: Record<string, number> = {};
  const count = (rs: readonly { kind: string }[]) => {
    for (const x of rs) removed[x.kind] = (removed[x.kind] ?? 0) + 1;
  };
  let pasteLines: string[] | null = null;
  const lineOf = (no: number): string => {
    if (input.redactedPaste) return input.redactedPaste.get(no) ?? '';
    if (pasteLines === null) {
      const out = r.redact(input.paste ?? '');
      count(out.redactions);
      pasteLines = out.text.split(/\r\n|\r|\n/);
    }
    return pasteLines[no - 1] ?? '';
  };
  const text = (t: string): string => {
    const out = r.redact(t);
    count(out.redactions);
    return out.text;
  };
  return { lineOf, text, removed };
}

/** Builds the case report. Pure: the same input and redactor give the same report. */
export function buildCase(input: CaseInput, r: TextRedactor): CaseReport {
  const { tree, state } = input;
  const resolved = resolve(tree, state);
  const root = tree.nodes.get(tree.root);
  const node = resolved.ok ? resolved.node : root;
  const ctx = resolved.ok ? resolved.context : {};
  const red = redactor(input, r);

  const answers = resolved.ok
    ? resolved.path.map((p) => ({
        question: p.node.title,
        answer:
          p.step.kind === 'jump' ? `went straight to “${p.label}” (evidence or a link)` : p.label,
      }))
    : [];

  const titleOf = (id: string): string => tree.nodes.get(id as never)?.title ?? id;
  const findings: CaseFinding[] =
    input.findings && (input.paste !== undefined || input.redactedPaste !== undefined)
      ? input.findings.map((f) => ({
          id: f.diagnosis,
          title: titleOf(f.diagnosis),
          confidence: f.confidence,
          lines: f.evidence
            .slice(0, REPORT_LINES_PER_FINDING)
            .map((e) => ({ no: e.line, text: red.lineOf(e.line) })),
        }))
      : (state.evidence?.findings ?? []).map((id, i) => ({
          id,
          title: titleOf(id),
          // A link's excerpt holds the proving lines of the findings together; show them once.
          lines:
            i === 0 && input.excerpt
              ? input.excerpt.map((l) => ({ no: l.no, text: red.text(l.text) }))
              : [],
        }));

  const diagnosis: CaseDiagnosis | undefined =
    node?.kind === 'diagnosis'
      ? {
          id: node.id,
          title: node.title,
          explanation: node.explanation,
          reading: roleReading(node.byRole, ctx),
          fix: node.fix.map((step) => {
            const platform = ctx.platform ?? (step.config ? firstKey(step.config) : undefined);
            const text = platform ? step.config?.[platform] : undefined;
            return text && platform
              ? { text: step.text, config: { platform: PLATFORM_NAMES[platform], text } }
              : { text: step.text };
          }),
          confirm: ownCommands(commandsFor(node.confirm, ctx), ctx),
          verify: ownCommands(commandsFor(node.verify, ctx), ctx),
          sources: [...node.sources],
        }
      : undefined;

  return {
    title: node ? `IPsec Triage case: ${node.title}` : 'IPsec Triage case',
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    context: contextRows(ctx),
    answers,
    current: node
      ? { id: node.id, kind: node.kind, title: node.title }
      : { id: tree.root, kind: 'question', title: '' },
    ...(diagnosis ? { diagnosis } : {}),
    findings,
    ...(input.ladderText ? { ladder: red.text(input.ladderText) } : {}),
    removed: red.removed,
  };
}

/** With the platforms known, only theirs; otherwise every platform's. */
function ownCommands(shown: readonly ShownCommands[], ctx: Context): ShownCommands[] {
  const mine = shown.filter((s) => s.platform === ctx.platform || s.platform === ctx.peerPlatform);
  return mine.length > 0 ? mine : [...shown];
}

function firstKey<K extends string>(o: Partial<Record<K, unknown>>): K | undefined {
  return Object.keys(o)[0] as K | undefined;
}

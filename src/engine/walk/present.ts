/**
 * What a step shows for the user's context: the answers that apply, the
 * commands for their platform first, the reading for their role. The page
 * renders this; it never decides it.
 */
import type {
  Answer,
  Condition,
  Context,
  KnowledgeNode,
  NodeId,
  NoEquivalent,
  Platform,
  PlatformCommands,
  RoleText,
  Tree,
} from '../../knowledge/schema.ts';
import { PLATFORM_NAMES, PLATFORMS } from '../../knowledge/schema.ts';
import { answersOf } from './resolve.ts';

/** An answer as shown: its index in the trail encoding and its key (1-9, then none). */
export interface ShownAnswer {
  readonly index: number;
  readonly answer: Answer;
}

/** One platform's commands, or why it has none. */
export interface ShownCommands {
  readonly platform: Platform;
  readonly name: string;
  readonly commands: readonly string[];
  readonly none?: string;
}

/** True when a condition holds; unknown context fields match everything. */
export function matches(when: Condition | undefined, ctx: Context): boolean {
  if (when === undefined) return true;
  if (when.platform && ctx.platform && !when.platform.includes(ctx.platform)) return false;
  if (when.ikeVersion && ctx.ikeVersion && when.ikeVersion !== ctx.ikeVersion) return false;
  if (when.role && ctx.role && when.role !== ctx.role) return false;
  return true;
}

/** The answers to show in this context, with their trail indices. */
export function visibleAnswers(node: KnowledgeNode, ctx: Context): ShownAnswer[] {
  return answersOf(node)
    .map((answer, index) => ({ index, answer }))
    .filter(({ answer }) => matches(answer.when, ctx));
}

const isNone = (v: readonly string[] | NoEquivalent): v is NoEquivalent => !Array.isArray(v);

/** Commands per platform, the user's platform first (then the peer's, then the rest). */
export function commandsFor(commands: PlatformCommands, ctx: Context): ShownCommands[] {
  const order = [ctx.platform, ctx.peerPlatform, ...PLATFORMS].filter(
    (p, i, all): p is Platform => p !== undefined && all.indexOf(p) === i,
  );
  const out: ShownCommands[] = [];
  for (const platform of order) {
    const v = commands[platform];
    if (v === undefined) continue;
    out.push(
      isNone(v)
        ? { platform, name: PLATFORM_NAMES[platform], commands: [], none: v.none }
        : { platform, name: PLATFORM_NAMES[platform], commands: v },
    );
  }
  return out;
}

/** The role-specific reading to show: the user's role only, or both when the role is unknown. */
export function roleReading(
  text: RoleText | undefined,
  ctx: Context,
): { role: 'initiator' | 'responder'; text: string }[] {
  if (text === undefined) return [];
  const all = (['initiator', 'responder'] as const).flatMap((role) => {
    const t = text[role];
    return t ? [{ role, text: t }] : [];
  });
  return ctx.role ? all.filter((r) => r.role === ctx.role) : all;
}

/** When the two leading findings are look-alikes, the knowledge says how to tell them apart. */
export interface Distinction {
  readonly leading: NodeId;
  readonly other: NodeId;
  readonly howToTell: string;
}

/** The look-alike note between the first finding and the next ones it is known to be confused with. */
export function distinguish(tree: Tree, findings: readonly string[]): Distinction | null {
  const [first, ...rest] = findings;
  const lead = first === undefined ? undefined : tree.nodes.get(first as NodeId);
  if (lead?.kind !== 'diagnosis') return null;
  for (const other of rest.slice(0, 2)) {
    const hit = lead.lookAlikes.find((l) => l.id === other);
    if (hit) return { leading: lead.id, other: hit.id, howToTell: hit.howToTell };
    const back = tree.nodes.get(other as NodeId);
    const rev =
      back?.kind === 'diagnosis' ? back.lookAlikes.find((l) => l.id === lead.id) : undefined;
    if (back && rev) return { leading: lead.id, other: back.id, howToTell: rev.howToTell };
  }
  return null;
}

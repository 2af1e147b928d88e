/**
 * Where the exchange stopped: the first failure in protocol order (an error notify, a message that
 * could not be decrypted, a failure the log reports), else a message retransmitted without an
 * answer, else the end of the log before the last expected message. No stop when it completed.
 */
import type { Signal } from '../../knowledge/facts.ts';
import type { Role } from '../../knowledge/schema.ts';
import type { SideModel } from './drafts.ts';
import { expectedText, messageName, phase1Length, type StepKey } from './flow.ts';
import type { Placed } from './merge.ts';
import { failurePhase } from './place.ts';
import { mostSpecific, NOTIFY_REASONS, SIGNAL_REASONS } from './reasons.ts';
import type { LadderMessage, LadderStop } from './types.ts';

/** What finding the stop needs. */
export interface StopContext {
  readonly version: 'ikev1' | 'ikev2';
  readonly aggressive: boolean;
  readonly flow: readonly StepKey[];
  readonly quickInitiator: Role;
}

/** The stop (if any) and whether the exchange completed. */
export interface StopResult {
  readonly stop?: LadderStop;
  readonly complete: boolean;
}

interface FailurePoint {
  readonly pos: number;
  readonly signals: Signal[];
  readonly lines: number[];
}

/** Finds the stop of a merged ladder. */
export function findStop(
  placed: readonly Placed[],
  models: readonly SideModel[],
  ctx: StopContext,
): StopResult {
  const failure = firstFailure(placed, models);
  if (failure !== null) return { stop: failureStop(failure, placed, ctx), complete: false };
  const noReply = noReplyStop(placed, models, ctx) ?? waitingStop(placed, models, ctx);
  if (noReply !== null) return { stop: noReply, complete: false };
  if (isComplete(placed, models, ctx)) return { complete: true };
  const last = placed.at(-1);
  if (last === undefined) return { complete: false };
  const expected = nextStep(placed, ctx);
  return {
    complete: false,
    stop: {
      afterMessage: last.message.n,
      kind: 'log-ends',
      reason: `The log ends after ${nameOf(last.message)}${expected ? `; ${expected} does not appear` : ''}.`,
      ...(expected ? { expected } : {}),
      lines: last.message.lines,
    },
  };
}

const nameOf = (m: LadderMessage): string => messageName(m.exchange, m.kind);

/** The earliest failure on the ladder, with every failure signal that explains it. */
function firstFailure(
  placed: readonly Placed[],
  models: readonly SideModel[],
): FailurePoint | null {
  const points: FailurePoint[] = [];
  placed.forEach((p, pos) => {
    if (p.message.notify !== undefined || p.message.error !== undefined)
      points.push({ pos, signals: [], lines: [...p.message.lines] });
  });
  for (const m of models)
    for (const f of m.failures) {
      const pos = f.explained
        ? placed.findIndex(
            (p) =>
              p.message.notify !== undefined && f.lines.some((l) => p.message.lines.includes(l)),
          )
        : f.step === null
          ? -1
          : placed.findIndex((p) => p.step === f.step);
      points.push({
        pos: f.explained && pos < 0 ? -1 : pos,
        signals: [f.signal],
        lines: [...f.lines],
      });
    }
  if (points.length === 0) return null;
  const first = Math.min(...points.map((p) => p.pos));
  // The notify answering the failure ends the cluster: a failure at MM5 and the INVALID_ID_INFORMATION
  // the responder sends about it are one stop.
  const end = clusterEnd(placed, first);
  const cluster = points.filter((p) => p.pos >= first && p.pos <= end);
  return {
    pos: end,
    signals: cluster.flatMap((p) => p.signals),
    lines: [...new Set(cluster.flatMap((p) => p.lines))].sort((a, b) => a - b),
  };
}

/** The last message of a failure: the error notify sent about it, if one follows before the flow moves on. */
function clusterEnd(placed: readonly Placed[], first: number): number {
  if (first < 0) return first;
  const start = placed[first];
  if (start === undefined || start.message.notify !== undefined) return first;
  for (let i = first + 1; i < placed.length; i++) {
    const p = placed[i] as Placed;
    if (p.message.notify !== undefined && p.message.from !== start.message.from) return i;
    if (p.step !== null && p.anchor > (start.anchor ?? -1) + 1) break;
  }
  return first;
}

function failureStop(f: FailurePoint, placed: readonly Placed[], ctx: StopContext): LadderStop {
  const at = f.pos >= 0 ? placed[f.pos] : undefined;
  const message = at?.message;
  const signal = mostSpecific(f.signals);
  const notify = message?.notify;
  const phase =
    signal !== undefined
      ? phaseOf(signal, notify, at, ctx)
      : at
        ? phaseOfPlaced(at, ctx)
        : undefined;
  const what =
    (signal !== undefined ? SIGNAL_REASONS[signal] : undefined) ??
    (notify !== undefined ? NOTIFY_REASONS[notify] : undefined) ??
    'see the proving lines';
  const where = message
    ? message.error !== undefined
      ? `${nameOf(message)} ${message.error}`
      : notify !== undefined
        ? `The ${message.from} answered ${notify}`
        : `The ${message.from === 'initiator' ? 'responder' : 'initiator'} rejected ${nameOf(message)}`
    : 'It stopped before any message';
  const reason = `${where}: ${what}.`;
  const expected = at ? nextAfter(at, placed, ctx) : firstExpected(ctx);
  const lines = [...new Set([...f.lines, ...(message?.lines ?? [])])].sort((a, b) => a - b);
  return {
    afterMessage: message?.n ?? null,
    kind: notify !== undefined ? 'notify' : 'error',
    reason,
    ...(expected ? { expected } : {}),
    ...(notify ? { notify } : {}),
    ...(phase ? { phase } : {}),
    ...(signal ? { cause: signal } : notify ? { cause: notify } : {}),
    lines,
  };
}

function phaseOf(
  signal: Signal,
  notify: string | undefined,
  at: Placed | undefined,
  ctx: StopContext,
): 1 | 2 {
  if (failurePhase(signal) === 2) return 2;
  if (notify === 'TS_UNACCEPTABLE') return 2;
  return at ? phaseOfPlaced(at, ctx) : 1;
}

function phaseOfPlaced(p: Placed, ctx: StopContext): 1 | 2 {
  if (ctx.version === 'ikev2')
    return p.message.exchange === 'IKE_SA_INIT'
      ? 1
      : p.message.exchange === 'IKE_AUTH' &&
          p.message.notify !== 'NO_PROPOSAL_CHOSEN' &&
          p.message.notify !== 'TS_UNACCEPTABLE'
        ? 1
        : 2;
  return p.anchor >= phase1Length(ctx.version, ctx.aggressive) ? 2 : 1;
}

/** A message re-sent without an answer from the other end. */
function noReplyStop(
  placed: readonly Placed[],
  models: readonly SideModel[],
  ctx: StopContext,
): LadderStop | null {
  const gaveUp = models.find((m) => m.gaveUp !== undefined)?.gaveUp;
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i] as Placed;
    const answered = placed
      .slice(i + 1)
      .some((q) => q.message.from !== p.message.from && !q.message.inferred);
    if (answered) return null;
    const gave =
      gaveUp !== undefined &&
      (gaveUp.draft === undefined
        ? i === lastSentBy(placed, p.message.from)
        : p.drafts.includes(gaveUp.draft));
    if (p.message.retransmits === 0 && !gave) continue;
    const sent = p.message.retransmits + 1;
    const expected = nextAfter(p, placed, ctx);
    return {
      afterMessage: p.message.n,
      kind: 'no-reply',
      reason: `No reply to ${nameOf(p.message)}: the ${p.message.from} sent it ${sent === 1 ? 'once' : `${sent} times`}${
        gave ? ' and gave up' : ''
      }; nothing came back from the ${p.message.from === 'initiator' ? 'responder' : 'initiator'}.`,
      ...(expected ? { expected } : {}),
      phase: phaseOfPlaced(p, ctx),
      cause: 'no-reply',
      lines: [...new Set([...p.message.lines, ...(gave ? (gaveUp?.lines ?? []) : [])])].sort(
        (a, b) => a - b,
      ),
    };
  }
  return null;
}

/** A state that waits for a message no log shows arriving (MM_WAIT_MSG3: MM2 sent, no MM3). */
function waitingStop(
  placed: readonly Placed[],
  models: readonly SideModel[],
  ctx: StopContext,
): LadderStop | null {
  for (const m of models) {
    const w = m.waiting;
    if (w === undefined || placed.some((p) => p.step === w.step && !p.message.inferred)) continue;
    const before = placed.findLast(
      (p) => p.step !== null && ctx.flow.indexOf(p.step) < ctx.flow.indexOf(w.step),
    );
    const who = m.role ?? 'device';
    const prev = before ? nameOf(before.message) : 'its message';
    return {
      afterMessage: before?.message.n ?? null,
      kind: 'no-reply',
      reason: `The ${who} waits in ${w.state}: it sent ${prev} and no ${w.step} came back.`,
      expected: expectedText(w.step, ctx.quickInitiator),
      phase: ctx.flow.indexOf(w.step) < phase1Length(ctx.version, ctx.aggressive) ? 1 : 2,
      cause: 'no-reply',
      lines: [...w.lines],
    };
  }
  return null;
}

function lastSentBy(placed: readonly Placed[], from: Role): number {
  return placed.findLastIndex((p) => p.message.from === from);
}

function isComplete(
  placed: readonly Placed[],
  models: readonly SideModel[],
  ctx: StopContext,
): boolean {
  const seen = (step: StepKey | undefined) =>
    step !== undefined && placed.some((p) => p.step === step && !p.message.inferred);
  const p1Len = phase1Length(ctx.version, ctx.aggressive);
  const p1 = models.some((m) => m.done[1] !== undefined) || seen(ctx.flow[p1Len - 1]);
  if (ctx.version === 'ikev2')
    return p1 && (seen('IKE_AUTH:response') || models.some((m) => m.done[1] !== undefined));
  const quick = placed.some((p) => p.step !== null && p.step.startsWith('QM'));
  const p2 = models.some((m) => m.done[2] !== undefined) || seen('QM3');
  return p1 && (!quick || p2);
}

/** The flow message after the one at `p` (or after the flow message an extra follows). */
function nextAfter(p: Placed, placed: readonly Placed[], ctx: StopContext): string | undefined {
  const next = ctx.flow[p.anchor + 1];
  if (next === undefined) return undefined;
  // Phase 2 is only expected once phase 1 is done.
  if (
    ctx.version === 'ikev1' &&
    p.anchor + 1 === phase1Length(ctx.version, ctx.aggressive) &&
    !placed.some((q) => q.step?.startsWith('QM'))
  )
    return undefined;
  return expectedText(next, ctx.quickInitiator);
}

function nextStep(placed: readonly Placed[], ctx: StopContext): string | undefined {
  const lastFlow = placed.findLast((p) => p.step !== null);
  return lastFlow ? nextAfter(lastFlow, placed, ctx) : firstExpected(ctx);
}

const firstExpected = (ctx: StopContext): string | undefined =>
  ctx.flow[0] ? expectedText(ctx.flow[0], ctx.quickInitiator) : undefined;

/**
 * The sides' drafts → one ordered list of messages: the flow in protocol order up to the furthest
 * message any log proves, messages no log shows filled in as inferred, and the others
 * (informational, child SAs) after the flow message they followed. Both sides' sightings of one
 * message become one arrow.
 */
import type { Role } from '../../knowledge/schema.ts';
import { compatible, type Draft, type SideModel } from './drafts.ts';
import { CONTENTS, messageName, other, senderOf, splitStep, type StepKey } from './flow.ts';
import type { LadderMessage } from './types.ts';
import { normaliseNotify } from '../parsers/strongswan/notify.ts';

/** A placed message and where it came from. */
export interface Placed {
  readonly message: LadderMessage;
  /** Flow index (its own, or the one it follows). */
  readonly anchor: number;
  readonly step: StepKey | null;
  /** The sightings behind it. */
  readonly drafts: readonly Draft[];
}

/** What merging needs. */
export interface MergeContext {
  readonly flow: readonly StepKey[];
  readonly quickInitiator: Role;
}

/** Orders and merges the sides' messages. */
export function mergeSides(models: readonly SideModel[], ctx: MergeContext): Placed[] {
  const reached = Math.max(
    -1,
    ...models.map((m) => m.reached),
    ...models.flatMap((m) => m.drafts.map((d) => (d.step ? ctx.flow.indexOf(d.step) : -1))),
  );
  const extras = groupExtras(models);
  const out: Placed[] = [];
  const emitExtras = (anchor: number) => {
    for (const group of extras.filter((g) => g.anchor === anchor))
      out.push({
        message: extraMessage(group.drafts, models, out.length + 1),
        anchor,
        step: null,
        drafts: group.drafts,
      });
  };
  emitExtras(-1);
  for (let i = 0; i <= reached; i++) {
    const step = ctx.flow[i] as StepKey;
    const drafts = models.flatMap((m) => m.drafts.filter((d) => d.step === step));
    out.push({
      message: flowMessage(step, drafts, models, ctx, out.length + 1),
      anchor: i,
      step,
      drafts,
    });
    emitExtras(i);
  }
  // Extras anchored past the last flow message cannot happen (anchors are reached steps), but
  // never lose one.
  for (const group of extras.filter((g) => g.anchor > reached))
    out.push({
      message: extraMessage(group.drafts, models, out.length + 1),
      anchor: group.anchor,
      step: null,
      drafts: group.drafts,
    });
  return out;
}

interface ExtraGroup {
  readonly anchor: number;
  readonly drafts: Draft[];
}

/** Messages outside the flow, a sighting on each side of the same message merged. */
function groupExtras(models: readonly SideModel[]): ExtraGroup[] {
  const groups: ExtraGroup[] = [];
  for (const m of models)
    for (const d of m.drafts) {
      if (d.step !== null) continue;
      const twin = groups.find(
        (g) =>
          g.drafts.every((x) => x.side !== d.side) &&
          g.drafts.some(
            (x) => mirrored(x, d) && senderOfDraft(x, models) === senderOfDraft(d, models),
          ),
      );
      if (twin) {
        twin.drafts.push(d);
        continue;
      }
      groups.push({ anchor: d.anchor, drafts: [d] });
    }
  return groups.sort(
    (a, b) => a.anchor - b.anchor || (a.drafts[0]?.first ?? 0) - (b.drafts[0]?.first ?? 0),
  );
}

/** The same message seen sent on one side and received on the other. */
function mirrored(a: Draft, b: Draft): boolean {
  return a.dir !== b.dir && compatible({ ...a, dir: b.dir, lines: a.lines }, b);
}

const roleOfSide = (models: readonly SideModel[], side: 0 | 1): Role | undefined =>
  models.find((m) => m.side === side)?.role;

function senderOfDraft(d: Draft, models: readonly SideModel[]): Role {
  if (d.sender !== undefined) return d.sender;
  const role = roleOfSide(models, d.side);
  if (role !== undefined) return d.dir === 'sent' ? role : other(role);
  return 'initiator';
}

/** Which end's log shows a draft. */
function seenByOf(drafts: readonly Draft[], models: readonly SideModel[], from: Role): Role[] {
  const out = new Set<Role>();
  for (const d of drafts) {
    if (!d.explicit) continue;
    out.add(roleOfSide(models, d.side) ?? (d.dir === 'sent' ? from : other(from)));
  }
  return [...out];
}

function flowMessage(
  step: StepKey,
  drafts: readonly Draft[],
  models: readonly SideModel[],
  ctx: MergeContext,
  n: number,
): LadderMessage {
  const from = senderOf(step, ctx.quickInitiator);
  const { exchange, kind } = splitStep(step);
  const errors = models.map((m) => m.errors.get(step)).filter((e) => e !== undefined);
  const states = models.map((m) => m.states.get(step)).filter((s) => s !== undefined);
  const lines = new Set<number>();
  for (const d of drafts) for (const l of d.lines) lines.add(l);
  for (const e of errors) for (const l of e.lines) lines.add(l);
  const base = common(drafts);
  const state = drafts.findLast((d) => d.state !== undefined)?.state ?? states[0];
  const error = errors[0]?.text;
  return {
    n,
    from,
    exchange,
    ...(kind ? { kind } : {}),
    label: labelOf(exchange, kind, base.payloads, base.notify, CONTENTS[step]),
    ...base,
    retransmits: retransmitsOf(drafts),
    lines: [...lines].sort((a, b) => a - b),
    inferred: !drafts.some((d) => d.explicit),
    ...(state ? { state } : {}),
    ...(error ? { error } : {}),
    seenBy: seenByOf(drafts, models, from),
  };
}

function extraMessage(
  drafts: readonly Draft[],
  models: readonly SideModel[],
  n: number,
): LadderMessage {
  const first = drafts[0] as Draft;
  const from = senderOfDraft(first, models);
  const lines = new Set<number>();
  for (const d of drafts) for (const l of d.lines) lines.add(l);
  const base = common(drafts);
  const state = drafts.findLast((d) => d.state !== undefined)?.state;
  return {
    n,
    from,
    exchange: first.exchange,
    ...(first.kind ? { kind: first.kind } : {}),
    label: labelOf(first.exchange, first.kind, base.payloads, base.notify, undefined),
    ...base,
    retransmits: retransmitsOf(drafts),
    lines: [...lines].sort((a, b) => a - b),
    inferred: !drafts.some((d) => d.explicit),
    ...(state ? { state } : {}),
    seenBy: seenByOf(drafts, models, from),
  };
}

/** Fields any sighting may carry. */
function common(drafts: readonly Draft[]) {
  const pick = <K extends 'payloads' | 'notify' | 'messageId' | 'spi'>(k: K) =>
    drafts.find((d) => d[k] !== undefined)?.[k];
  const payloads = pick('payloads');
  const notify = pick('notify');
  const messageId = pick('messageId');
  const spi = pick('spi');
  return {
    ...(payloads ? { payloads } : {}),
    ...(notify ? { notify } : {}),
    ...(messageId ? { messageId } : {}),
    ...(spi ? { spi } : {}),
  };
}

const retransmitsOf = (drafts: readonly Draft[]): number =>
  Math.max(0, ...drafts.map((d) => Math.max(d.retransmitSum, d.retransmitTotal)));

// A notify in a payload list: "N(AUTH_FAILED)" (strongSwan), "NOTIFY(NO_PROPOSAL_CHOSEN)" (IOS).
const LISTED_NOTIFY = /\bN(?:OTIFY)?\(([A-Za-z0-9_-]{1,60})\)/g;

/** Whether the payload list already shows the notify, in whatever spelling. */
function listsNotify(payloads: string | undefined, notify: string): boolean {
  if (payloads === undefined) return false;
  for (const m of payloads.matchAll(LISTED_NOTIFY))
    if (normaliseNotify(m[1] ?? '') === notify) return true;
  return false;
}

/** `MM3  KE, NONCE`, `IKE_AUTH response  N(AUTHENTICATION_FAILED)`. */
function labelOf(
  exchange: string,
  kind: 'request' | 'response' | undefined,
  payloads: string | undefined,
  notify: string | undefined,
  contents: string | undefined,
): string {
  const name = messageName(exchange, kind);
  const notified = notify !== undefined && !listsNotify(payloads, notify) ? `N(${notify})` : '';
  const body = [payloads ?? (notify ? '' : (contents ?? '')), notified]
    .filter((s) => s !== '')
    .join(' ');
  return body === '' ? name : `${name}  ${body}`;
}

/**
 * One side's log → its messages (drafts) in line order, with the notifies, retransmissions,
 * states and failures attached where they belong.
 */
import type { Signal } from '../../knowledge/facts.ts';
import type { Role } from '../../knowledge/schema.ts';
import type { MessageEvent, SideEvent } from './events.ts';
import { other, phase1Length, stepOf, type StepKey } from './flow.ts';
import {
  failurePhase,
  failureStep,
  isErrorNotify,
  placeNotify,
  type PlaceContext,
} from './place.ts';
import { meaningOfState } from './states.ts';

/** A message as one side's log shows it, before the two sides are merged. */
export interface Draft {
  readonly side: 0 | 1;
  readonly dir: 'sent' | 'received';
  readonly exchange: string;
  kind?: 'request' | 'response' | undefined;
  readonly step: StepKey | null;
  messageId?: string | undefined;
  spi?: string | undefined;
  payloads?: string | undefined;
  notify?: string | undefined;
  state?: string | undefined;
  readonly lines: Set<number>;
  first: number;
  last: number;
  retransmitSum: number;
  retransmitTotal: number;
  explicit: boolean;
  /** Flow index the message follows (its own index for flow messages; -1: before all). */
  anchor: number;
  /** Who sends it, when a placement rule decided. */
  sender?: Role | undefined;
}

/** A failure the side's log shows. */
export interface SideFailure {
  readonly signal: Signal;
  readonly lines: readonly number[];
  readonly step: StepKey | null;
  /** The failure came with a notify on the same line: the notify message tells it. */
  readonly explained: boolean;
}

/** Everything one side's log says. */
export interface SideModel {
  readonly side: 0 | 1;
  readonly role?: Role;
  readonly drafts: Draft[];
  /** Highest flow index the log proves was reached (-1: none). */
  reached: number;
  readonly done: { 1?: readonly number[]; 2?: readonly number[] };
  readonly failures: SideFailure[];
  gaveUp?: { readonly lines: readonly number[]; readonly draft?: Draft };
  /** The last state printed says the device waits for this message. */
  waiting?: { readonly state: string; readonly step: StepKey; readonly lines: readonly number[] };
  /** Decrypt problems by flow step: the message arrived but could not be read. */
  readonly errors: Map<StepKey, { readonly text: string; readonly lines: readonly number[] }>;
  readonly states: Map<StepKey, string>;
  local?: string;
  peer?: string;
}

/** What building a side needs to know. */
export interface SideContext extends PlaceContext {
  readonly flow: readonly StepKey[];
}

// Palo Alto names only the phase of a retransmission: "MM" (phase 1) or "QM" (phase 2).
const PHASE_WIDE: ReadonlySet<string> = new Set(['MM', 'QM']);
// "MM_KEY_EXCH", "I_WAIT_AUTH", "EXIT": a state name rather than a sentence.
const STATE_NAME = /^[A-Z][A-Z0-9_]{1,40}$/;
// How far apart a notify line and the message carrying it may be.
const NOTIFY_WINDOW = 12;
// An exchange-less packet line ("comes 10.0.0.2:500->…", "sending packet: from …") joins a message this close.
const PACKET_WINDOW = 3;

/** Builds one side's model from its events (in line order). */
export function buildSide(side: 0 | 1, events: readonly SideEvent[], ctx: SideContext): SideModel {
  const model: SideModel = {
    side,
    ...(ctx.role ? { role: ctx.role } : {}),
    drafts: [],
    reached: -1,
    done: {},
    failures: [],
    errors: new Map(),
    states: new Map(),
  };
  const index = (step: StepKey | null | undefined) => (step ? ctx.flow.indexOf(step) : -1);
  const reach = (step: StepKey | null | undefined) => {
    model.reached = Math.max(model.reached, index(step));
  };
  const notifyLines = new Set(events.flatMap((e) => (e.t === 'notify' ? e.lines : [])));
  const anyMessage = events.some((e) => e.t === 'msg');
  const pending: MessageEvent[] = [];
  const phase1Done = () => model.done[1] !== undefined;
  let failedAt = -1;

  const push = (d: Draft, window: number) => {
    const last = model.drafts.at(-1);
    if (last !== undefined && compatible(last, d) && d.first - last.last <= window) merge(last, d);
    else model.drafts.push(d);
    if (d.step !== null) reach(d.step);
  };

  for (const ev of events) {
    switch (ev.t) {
      case 'msg': {
        if (ev.exchange === undefined || PHASE_WIDE.has(ev.exchange)) {
          const last = model.drafts.at(-1);
          const first = ev.lines[0] ?? 0;
          if (last !== undefined && last.dir === ev.dir && first - last.last <= PACKET_WINDOW)
            addLines(last, ev.lines);
          else pending.push(ev);
          noteAddresses(model, ev);
          break;
        }
        const d = draftOf(side, ev, ctx, model.reached);
        for (const p of pending.splice(0))
          if (p.dir === d.dir && d.first - (p.lines.at(-1) ?? 0) <= PACKET_WINDOW)
            addLines(d, p.lines);
        noteAddresses(model, ev);
        push(d, d.step === null ? NOTIFY_WINDOW : Number.MAX_SAFE_INTEGER);
        break;
      }
      case 'notify': {
        if (!isErrorNotify(ev.notify)) break;
        const phase2Hint = events.some(
          (e) =>
            e.t === 'fail' &&
            failurePhase(e.signal) === 2 &&
            e.lines.some((l) => ev.lines.includes(l)),
        );
        const phase =
          /^(?:QM\d|IKE_AUTH|CREATE_CHILD_SA)$/.test(ev.exchange ?? '') ||
          phase2Hint ||
          (phase1Done() && !colocatedPhase1(events, ev.lines))
            ? 2
            : 1;
        const place = placeNotify(ev.notify, ev.dir, phase, ev.exchange, ctx);
        const step = stepOf(place.exchange, place.kind);
        // After a failure this side reported, a notify is about that failure, not where the
        // notify's name alone would put it.
        const after = Math.max(failedAt >= 0 ? failedAt : index(place.after), index(ev.exchange));
        if (failedAt < 0 && place.after !== undefined) reach(place.after);
        const d = newDraft(side, ev.dir, place.exchange, place.kind, step, ev.lines, true);
        d.notify = ev.notify;
        d.sender = place.sender;
        d.anchor = step === null ? Math.max(after, model.reached) : index(step);
        push(d, NOTIFY_WINDOW);
        break;
      }
      case 'retransmit': {
        const target = findSent(model, ev.exchange) ?? createSent(side, model, ev, ctx);
        target.retransmitSum += ev.count;
        target.retransmitTotal = Math.max(target.retransmitTotal, ev.total ?? 0);
        addLines(target, ev.lines);
        if (ev.spi !== undefined) target.spi ??= ev.spi;
        break;
      }
      case 'gave-up': {
        // Giving up with nothing sent in the paste: the first message left, unseen.
        const target =
          findSent(model, ev.exchange) ??
          (model.drafts.length === 0 ? createSent(side, model, ev, ctx, false) : undefined);
        if (target !== undefined && !target.explicit) addLines(target, ev.lines);
        model.gaveUp = { lines: ev.lines, ...(target ? { draft: target } : {}) };
        break;
      }
      case 'state': {
        const meaning = meaningOfState(ev.state, ev.exchange);
        if (meaning.waiting !== undefined)
          model.waiting = { state: ev.state, step: meaning.waiting, lines: ev.lines };
        else if (meaning.reached !== undefined || meaning.done !== undefined) delete model.waiting;
        if (meaning.reached !== undefined && index(meaning.reached) >= 0) {
          reach(meaning.reached);
          model.states.set(meaning.reached, ev.state);
        } else {
          // Only a state name ("MM_KEY_EXCH", "I_WAIT_AUTH") describes the message before it.
          const last = model.drafts.at(-1);
          if (last !== undefined && meaning.done === undefined && STATE_NAME.test(ev.state))
            last.state = ev.state;
        }
        if (meaning.done === 1) markDone(model, 1, ev.lines, ctx);
        break;
      }
      case 'done':
        markDone(model, ev.phase, ev.lines, ctx);
        break;
      case 'fail': {
        const explained = ev.lines.some((l) => notifyLines.has(l));
        const step = explained ? null : failureStep(ev.signal, ctx, anyMessage);
        if (step !== null) reach(step);
        if (step !== null && failedAt < 0) failedAt = index(step);
        model.failures.push({ signal: ev.signal, lines: ev.lines, step, explained });
        if (!explained && step !== null && /^psk\.(?:decrypt-failed|malformed)$/.test(ev.signal)) {
          const before = model.errors.get(step);
          model.errors.set(step, {
            text: before?.text ?? errorText(ev.signal, ctx.version),
            lines: [...(before?.lines ?? []), ...ev.lines],
          });
        }
        break;
      }
    }
  }
  return model;
}

/** What a key mismatch did to the message: IKEv1 encrypts MM5 / MM6 with keys from the PSK; IKEv2 only signs AUTH with it. */
function errorText(signal: Signal, version: 'ikev1' | 'ikev2'): string {
  if (version === 'ikev2') return 'AUTH did not verify';
  return signal === 'psk.malformed' ? 'decrypted to garbage' : 'could not be decrypted';
}

function colocatedPhase1(events: readonly SideEvent[], lines: readonly number[]): boolean {
  return events.some(
    (e) => e.t === 'fail' && failurePhase(e.signal) === 1 && e.lines.some((l) => lines.includes(l)),
  );
}

function markDone(model: SideModel, phase: 1 | 2, lines: readonly number[], ctx: SideContext) {
  if (model.done[phase] === undefined) model.done[phase] = lines;
  const last = phase === 1 ? phase1Length(ctx.version, ctx.aggressive) - 1 : ctx.flow.length - 1;
  model.reached = Math.max(model.reached, last);
}

function noteAddresses(model: SideModel, ev: MessageEvent) {
  if (ev.local !== undefined) model.local ??= ev.local;
  if (ev.peer !== undefined) model.peer ??= ev.peer;
}

/** A draft for a message event; IKEv2 requests and responses are told apart by role when unsaid. */
function draftOf(side: 0 | 1, ev: MessageEvent, ctx: SideContext, reached: number): Draft {
  const exchange = ev.exchange ?? '';
  let kind = ev.kind;
  if (
    kind === undefined &&
    ctx.version === 'ikev2' &&
    /^(?:IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL)$/.test(exchange)
  )
    kind =
      ctx.role === undefined || exchange === 'CREATE_CHILD_SA' || exchange === 'INFORMATIONAL'
        ? ev.dir === 'sent'
          ? 'request'
          : 'response'
        : (ev.dir === 'sent') === (ctx.role === 'initiator')
          ? 'request'
          : 'response';
  const step = stepOf(exchange, kind);
  const d = newDraft(side, ev.dir, exchange, kind, step, ev.lines, true);
  d.anchor = step === null ? reached : ctx.flow.indexOf(step);
  if (ev.messageId !== undefined) d.messageId = ev.messageId;
  if (ev.spi !== undefined) d.spi = ev.spi;
  if (ev.payloads !== undefined) d.payloads = ev.payloads;
  if (ev.notify !== undefined && isErrorNotify(ev.notify)) d.notify = ev.notify;
  if (step === null && ctx.role !== undefined)
    d.sender = ev.dir === 'sent' ? ctx.role : other(ctx.role);
  return d;
}

function newDraft(
  side: 0 | 1,
  dir: 'sent' | 'received',
  exchange: string,
  kind: 'request' | 'response' | undefined,
  step: StepKey | null,
  lines: readonly number[],
  explicit: boolean,
): Draft {
  return {
    side,
    dir,
    exchange,
    ...(kind ? { kind } : {}),
    step,
    lines: new Set(lines),
    first: lines[0] ?? 0,
    last: lines.at(-1) ?? 0,
    retransmitSum: 0,
    retransmitTotal: 0,
    explicit,
    anchor: -1,
  };
}

/** Two sightings of the same message: same direction and exchange, nothing that contradicts. */
export function compatible(a: Draft, b: Draft): boolean {
  const same = <T>(x: T | undefined, y: T | undefined) =>
    x === undefined || y === undefined || x === y;
  return (
    a.dir === b.dir &&
    a.exchange === b.exchange &&
    same(a.kind, b.kind) &&
    same(a.messageId, b.messageId) &&
    same(a.notify, b.notify) &&
    sameSa(a.spi, b.spi)
  );
}

/** Same IKE SA: the initiator SPI (cookie) matches, or one side does not print it. */
function sameSa(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return true;
  return (a.split('/')[0] ?? '').toLowerCase() === (b.split('/')[0] ?? '').toLowerCase();
}

/** Folds `b` into `a`. */
export function merge(a: Draft, b: Draft) {
  addLines(a, [...b.lines]);
  a.kind ??= b.kind;
  a.messageId ??= b.messageId;
  a.spi ??= b.spi;
  a.payloads ??= b.payloads;
  a.notify ??= b.notify;
  a.sender ??= b.sender;
  a.state = b.state ?? a.state;
  a.explicit ||= b.explicit;
  a.retransmitSum += b.retransmitSum;
  a.retransmitTotal = Math.max(a.retransmitTotal, b.retransmitTotal);
  a.anchor = Math.max(a.anchor, b.anchor);
}

function addLines(d: Draft, lines: readonly number[]) {
  for (const l of lines) d.lines.add(l);
  d.first = Math.min(d.first, ...lines);
  d.last = Math.max(d.last, ...lines);
}

function findSent(model: SideModel, exchange: string | undefined): Draft | undefined {
  for (let i = model.drafts.length - 1; i >= 0; i--) {
    const d = model.drafts[i] as Draft;
    if (d.dir !== 'sent') continue;
    if (exchange === undefined || d.exchange === exchange) return d;
    if (exchange === 'MM' && /^(?:MM|AM)\d$/.test(d.exchange)) return d;
    if (exchange === 'QM' && /^QM\d$/.test(d.exchange)) return d;
  }
  return undefined;
}

/** A retransmission of a message whose first sending is not in the paste: the log still shows it leaving. */
function createSent(
  side: 0 | 1,
  model: SideModel,
  ev: { readonly exchange?: string; readonly lines: readonly number[] },
  ctx: SideContext,
  explicit = true,
): Draft {
  const exchange =
    ev.exchange === 'QM'
      ? 'QM1'
      : ev.exchange === undefined || ev.exchange === 'MM'
        ? ((ctx.flow[0] ?? 'MM1').split(':')[0] ?? 'MM1')
        : ev.exchange;
  const kind = /^IKE_(?:SA_INIT|AUTH)$/.test(exchange) ? ('request' as const) : undefined;
  const step = stepOf(exchange, kind);
  const d = newDraft(side, 'sent', exchange, kind, step, [], explicit);
  d.first = ev.lines[0] ?? 0;
  d.last = d.first;
  d.anchor = step === null ? model.reached : ctx.flow.indexOf(step);
  model.drafts.push(d);
  if (step !== null) model.reached = Math.max(model.reached, ctx.flow.indexOf(step));
  return d;
}

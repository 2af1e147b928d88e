/**
 * The shape of the knowledge base: a tree of question and diagnosis nodes.
 *
 * This file is data types only. A network engineer editing a stage file should
 * never need to touch it; the engine reads these types and the tests check them.
 */
import type { SourceTitle } from './sources.ts';

/** A node's stable ID, e.g. `ip.peer-unreachable` or `ike.q.sa-state`. */
export type NodeId = string & { readonly __brand: 'NodeId' };

/** The troubleshooting layers, in the order the documents walk them. `setup` asks who and what. */
export const STAGES = ['setup', 'ip', 'ike', 'auth', 'ipsec', 'routing'] as const;
/** One troubleshooting layer. */
export type Stage = (typeof STAGES)[number];

/** Platforms the tree gives commands and fixes for. */
export const PLATFORMS = [
  'cisco-ios',
  'cisco-asa',
  'fortigate',
  'strongswan',
  'juniper-srx',
  'paloalto',
] as const;
/** A device family. `cisco-ios` covers IOS and IOS-XE. */
export type Platform = (typeof PLATFORMS)[number];

/** Human names for the platforms. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  'cisco-ios': 'Cisco IOS / IOS-XE',
  'cisco-asa': 'Cisco ASA',
  fortigate: 'FortiGate',
  strongswan: 'strongSwan / libreswan',
  'juniper-srx': 'Juniper SRX',
  paloalto: 'Palo Alto PAN-OS',
};

/** Which side of the IKE exchange this device is on. */
export type Role = 'initiator' | 'responder';
/** IKE version in use. */
export type IkeVersion = 'ikev1' | 'ikev2';

/** What the user told us (or the evidence showed) about the case; every field may be unknown. */
export interface Context {
  readonly platform?: Platform;
  readonly peerPlatform?: Platform;
  readonly ikeVersion?: IkeVersion;
  readonly role?: Role;
}

/** Said where a platform has no equivalent command or setting. */
export interface NoEquivalent {
  readonly none: string;
}

/** Commands per platform, in the order to run them; or why the platform has none. */
export type PlatformCommands = {
  readonly [P in Platform]?: readonly string[] | NoEquivalent;
};

/** Configuration snippets per platform (multi-line strings, exactly as typed on the device). */
export type PlatformSnippets = {
  readonly [P in Platform]?: string;
};

/** Shows a node, an answer or a text only when the context matches (unknown context matches all). */
export interface Condition {
  readonly platform?: readonly Platform[];
  readonly ikeVersion?: IkeVersion;
  readonly role?: Role;
}

/** Text that reads differently for the initiator and the responder. */
export interface RoleText {
  readonly initiator?: string;
  readonly responder?: string;
}

/** One answer to a question: where it leads and what it tells us about the case. */
export interface Answer {
  readonly label: string;
  readonly next: NodeId;
  /** A line under the label: what this answer looks like in the output. */
  readonly hint?: string;
  /** Context this answer establishes (platform, role, IKE version). */
  readonly sets?: Context;
  /** Offer this answer only in this context. */
  readonly when?: Condition;
}

/** A step the engineer takes to find out which way to go. */
export interface QuestionNode {
  readonly kind: 'question';
  readonly id: NodeId;
  readonly stage: Stage;
  /** The question, e.g. "Does the peer answer IKE at all?". */
  readonly title: string;
  /** Why we ask and how to read the output. */
  readonly help: string;
  /** Extra reading for one role, shown when the role is known. */
  readonly byRole?: RoleText;
  /** The commands that answer the question, per platform. */
  readonly commands: PlatformCommands;
  readonly answers: readonly Answer[];
  readonly sources: readonly SourceTitle[];
}

/** Device output that shows a diagnosis, quoted exactly from a document. */
export interface EvidenceExample {
  readonly platform: Platform;
  /** One or more lines, quoted exactly as the device printed them. */
  readonly text: string;
  readonly source: SourceTitle;
  readonly note?: string;
}

/** One ordered step of a fix. */
export interface FixStep {
  readonly text: string;
  readonly config?: PlatformSnippets;
}

/** A diagnosis with look-alike symptoms and how to tell the two apart. */
export interface LookAlike {
  readonly id: NodeId;
  readonly howToTell: string;
}

/** A conclusion: a root cause (or a healthy state) with its proof and fix. */
export interface DiagnosisNode {
  readonly kind: 'diagnosis';
  /** Exactly an ID from the diagnosis catalogue. */
  readonly id: NodeId;
  /** The stage it belongs to; `healthy.*` nodes give the stage that is healthy. */
  readonly stage: Stage;
  readonly title: string;
  /** What is wrong and why it shows these symptoms. */
  readonly explanation: string;
  readonly byRole?: RoleText;
  /** Commands that confirm the diagnosis, per platform. */
  readonly confirm: PlatformCommands;
  readonly evidence: readonly EvidenceExample[];
  /** Ordered fix steps. */
  readonly fix: readonly FixStep[];
  /** The check that proves the fix worked, per platform. */
  readonly verify: PlatformCommands;
  readonly lookAlikes: readonly LookAlike[];
  readonly sources: readonly SourceTitle[];
  /** For healthy gates: carry on to the next stage. */
  readonly continueTo?: { readonly label: string; readonly next: NodeId };
}

/** Any node of the tree. */
export type KnowledgeNode = QuestionNode | DiagnosisNode;

/** The whole knowledge base. */
export interface Tree {
  readonly root: NodeId;
  readonly nodes: ReadonlyMap<NodeId, KnowledgeNode>;
}

/** One IKEv1 state in the state dictionary (IOS `MM_*`/`QM_*`/`IKE_I_MM*`, ASA `MM_WAIT_MSGn` …). */
export interface StateEntry {
  /** Exactly as the device prints it, e.g. `MM_WAIT_MSG2`. */
  readonly name: string;
  readonly platforms: readonly Platform[];
  /** Where the state shows up: `show crypto isakmp sa`, `debug crypto isakmp` … */
  readonly seenIn: string;
  /** What it means whatever the role. */
  readonly meaning: string;
  /** What it means when this device initiated / responded (omit when the same). */
  readonly byRole?: RoleText;
  /** Diagnoses a device stuck in this state points to (empty for healthy or transient states). */
  readonly diagnoses: readonly NodeId[];
  readonly sources: readonly SourceTitle[];
}

/** One IKEv2 notify message type in the notify dictionary. */
export interface NotifyEntry {
  /** As RFC 7296 spells it, e.g. `NO_PROPOSAL_CHOSEN`. */
  readonly name: string;
  /** Notify message type number. */
  readonly code: number;
  /** Error (< 16384) or status notify. */
  readonly type: 'error' | 'status';
  readonly meaning: string;
  /** Who sends it and when. */
  readonly sentWhen: string;
  /** How devices log it, quoted exactly where a document shows it. */
  readonly deviceText?: readonly { readonly platform: Platform; readonly text: string }[];
  readonly diagnoses: readonly NodeId[];
  readonly sources: readonly SourceTitle[];
}

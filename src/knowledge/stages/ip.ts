/**
 * The ip stage: can the two peers reach each other with IKE and ESP at all?
 * Entry `ip.q.start`; when IP connectivity is fine it leads to `ike.q.start`.
 * The nodes live in `ip/`: questions, "IKE never starts" diagnoses (trigger),
 * "IKE does not reach the peer" (path), "big IKE or ESP is lost" (transport).
 */
import type { KnowledgeNode } from '../schema.ts';
import { ipPathDiagnoses } from './ip/path.ts';
import { ipQuestions } from './ip/questions.ts';
import { ipTransportDiagnoses } from './ip/transport.ts';
import { ipTriggerDiagnoses } from './ip/trigger.ts';

/** Nodes of the ip stage, questions first. */
export const ipNodes: readonly KnowledgeNode[] = [
  ...ipQuestions,
  ...ipTriggerDiagnoses,
  ...ipPathDiagnoses,
  ...ipTransportDiagnoses,
];

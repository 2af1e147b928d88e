/**
 * The auth stage: authentication and authorization, entered from the IKE stage
 * once the Diffie-Hellman exchange is done (IKEv1 main mode messages 5/6, IKEv2
 * IKE_AUTH). It starts at `auth.q.start` (which method?) and ends either in an
 * `auth.*` diagnosis or, when authentication is fine, at `healthy.phase1-up`.
 *
 * The nodes live in `stages/auth/`, one file per method family:
 * - start.ts    — the entry question;
 * - psk-questions.ts — pre-shared key questions (IKEv1 and IKEv2);
 * - psk.ts      — pre-shared key diagnoses: mismatch, missing key, keyring selection;
 * - cert.ts     — the certificate question; trust chain and validity dates;
 * - cert-checks.ts — revocation, key usage, identity against the certificate;
 * - aaa.ts      — EAP and authorization;
 * - identity.ts — method mismatch and IKE identity mismatch.
 */
import type { KnowledgeNode } from '../schema.ts';
import { aaaNodes } from './auth/aaa.ts';
import { certCheckNodes } from './auth/cert-checks.ts';
import { certNodes } from './auth/cert.ts';
import { identityNodes } from './auth/identity.ts';
import { pskQuestionNodes } from './auth/psk-questions.ts';
import { pskNodes } from './auth/psk.ts';
import { startNodes } from './auth/start.ts';

/** Nodes of the auth stage, in reading order. */
export const authNodes: readonly KnowledgeNode[] = [
  ...startNodes,
  ...pskQuestionNodes,
  ...pskNodes,
  ...certNodes,
  ...certCheckNodes,
  ...aaaNodes,
  ...identityNodes,
];

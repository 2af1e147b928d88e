/** The real knowledge base, checked by rule. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../knowledge/catalogue.ts';
import { IKEV1_STATES } from '../../knowledge/reference/ikev1-states.ts';
import { IKEV2_NOTIFIES } from '../../knowledge/reference/ikev2-notifies.ts';
import { ALL_NODES, TREE } from '../../knowledge/tree.ts';
import { SOURCES } from '../../knowledge/sources.ts';
import { simplePaths } from './paths.ts';
import { platformsWithCommands, validateTree } from './validate.ts';

describe('knowledge base', () => {
  it('has no problems: no dangling targets, nothing unreachable, every catalogue ID a leaf', () => {
    expect(validateTree(ALL_NODES, TREE.root)).toEqual([]);
  });

  it.each(CATALOGUE.map((id) => [id]))(
    '%s is a diagnosis with a fix, sources and commands for two platforms',
    (id) => {
      const node = TREE.nodes.get(id as never);
      expect(node?.kind).toBe('diagnosis');
      if (node?.kind !== 'diagnosis') return;
      expect(node.fix.length).toBeGreaterThan(0);
      expect(node.sources.length).toBeGreaterThan(0);
      expect(platformsWithCommands(node.confirm)).toBeGreaterThanOrEqual(2);
      expect(node.explanation.length).toBeGreaterThan(40);
    },
  );

  it('cites only known documents', () => {
    const known = new Set<string>(Object.values(SOURCES));
    for (const n of ALL_NODES) for (const s of n.sources) expect(known).toContain(s);
  });

  it('the reference dictionaries point only at diagnoses that exist', () => {
    for (const e of [...IKEV1_STATES, ...IKEV2_NOTIFIES])
      for (const d of e.diagnoses)
        expect(TREE.nodes.get(d)?.kind, `${e.name} → ${d}`).toBe('diagnosis');
    expect(IKEV1_STATES.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'MM_WAIT_MSG2',
        'MM_NO_STATE',
        'QM_IDLE',
        'MM_ACTIVE',
        'AG_INIT_EXCH',
      ]),
    );
    expect(IKEV2_NOTIFIES.map((n) => n.name)).toEqual(
      expect.arrayContaining([
        'NO_PROPOSAL_CHOSEN',
        'AUTHENTICATION_FAILED',
        'TS_UNACCEPTABLE',
        'INVALID_KE_PAYLOAD',
        'CHILD_SA_NOT_FOUND',
      ]),
    );
  });

  it('MM_WAIT_MSG2 reads differently for the initiator and the responder', () => {
    const state = IKEV1_STATES.find((s) => s.name === 'MM_WAIT_MSG2');
    expect(state?.byRole?.initiator ?? state?.meaning).toBeTruthy();
  });

  it('keeps the same root-to-leaf paths (a knowledge edit shows up here as a diff)', async () => {
    await expect(simplePaths(TREE).join('\n') + '\n').toMatchFileSnapshot(
      './__snapshots__/tree-paths.txt',
    );
  });
});

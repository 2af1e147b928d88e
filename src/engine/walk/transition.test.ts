import { describe, expect, it } from 'vitest';
import { id } from '../../knowledge/ids.ts';
import type { KnowledgeNode, Tree } from '../../knowledge/schema.ts';
import { SOURCES } from '../../knowledge/sources.ts';
import { resolve } from './resolve.ts';
import { INITIAL_STATE } from './state.ts';
import { transition } from './transition.ts';

const leaf = (name: string): KnowledgeNode => ({
  kind: 'diagnosis',
  id: id(name),
  stage: 'ip',
  title: name,
  explanation: 'x',
  confirm: { 'cisco-ios': ['show x'], 'cisco-asa': ['show y'] },
  evidence: [],
  fix: [{ text: 'fix it' }],
  verify: {},
  lookAlikes: [],
  sources: [SOURCES.troubleshootingIpsecVpns],
});
const nodes: KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('setup.q.role'),
    stage: 'setup',
    title: 'Role?',
    help: '',
    commands: {},
    answers: [
      { label: 'Initiator', next: id('ip.q.start'), sets: { role: 'initiator' } },
      { label: 'Responder', next: id('ip.q.start'), sets: { role: 'responder' } },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'question',
    id: id('ip.q.start'),
    stage: 'ip',
    title: 'Reply?',
    help: '',
    commands: {},
    answers: [
      { label: 'No', next: id('ip.peer-unreachable') },
      { label: 'Yes', next: id('ip.fragmentation') },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  leaf('ip.peer-unreachable'),
  leaf('ip.fragmentation'),
];
const tree: Tree = { root: id('setup.q.role'), nodes: new Map(nodes.map((n) => [n.id, n])) };

const at = (s: typeof INITIAL_STATE) => {
  const r = resolve(tree, s);
  return r.ok ? r.node.id : `error:${r.problem}`;
};

describe('transition', () => {
  it('walks by answering and gathers the context on the way', () => {
    let s = transition(tree, INITIAL_STATE, { type: 'answer', index: 1 });
    s = transition(tree, s, { type: 'answer', index: 0 });
    expect(at(s)).toBe('ip.peer-unreachable');
    const r = resolve(tree, s);
    expect(r.ok && r.context).toEqual({ role: 'responder' });
    expect(r.ok && r.path.map((p) => p.label)).toEqual(['Responder', 'No']);
  });

  it('ignores an answer the node does not have', () => {
    const s = transition(tree, INITIAL_STATE, { type: 'answer', index: 7 });
    expect(s).toBe(INITIAL_STATE);
  });

  it('steps back to any earlier answer and restarts', () => {
    let s = transition(tree, INITIAL_STATE, { type: 'answer', index: 0 });
    s = transition(tree, s, { type: 'answer', index: 1 });
    expect(at(transition(tree, s, { type: 'back', to: 1 }))).toBe('ip.q.start');
    expect(at(transition(tree, s, { type: 'back', to: 0 }))).toBe('setup.q.role');
    expect(transition(tree, s, { type: 'back', to: 9 })).toBe(s);
    expect(transition(tree, s, { type: 'restart' })).toEqual(INITIAL_STATE);
  });

  it('applies evidence: jumps to the leading finding and keeps the context', () => {
    const s = transition(tree, INITIAL_STATE, {
      type: 'evidence',
      findings: ['ip.fragmentation', 'ip.peer-unreachable'],
      context: { platform: 'cisco-ios', role: 'initiator' },
    });
    expect(at(s)).toBe('ip.fragmentation');
    const r = resolve(tree, s);
    expect(r.ok && r.context).toEqual({ platform: 'cisco-ios', role: 'initiator' });
    expect(s.evidence?.findings).toEqual(['ip.fragmentation', 'ip.peer-unreachable']);
  });

  it('keeps one jump of two in a row, so every trail encodes', () => {
    let s = transition(tree, INITIAL_STATE, { type: 'jump', to: id('ip.fragmentation') });
    s = transition(tree, s, { type: 'jump', to: id('ip.peer-unreachable') });
    expect(s.trail).toEqual([{ kind: 'jump', to: 'ip.peer-unreachable' }]);
  });

  it('ignores a jump to an unknown node', () => {
    expect(transition(tree, INITIAL_STATE, { type: 'jump', to: id('no.such-node') })).toBe(
      INITIAL_STATE,
    );
  });

  it('reports a trail that does not resolve', () => {
    expect(
      resolve(tree, { trail: [{ kind: 'jump', to: id('gone.node') }], evidence: null }),
    ).toEqual({ ok: false, problem: 'unknown-node', atStep: 0 });
  });
});

describe('distinguish', () => {
  it('gives the look-alike note between the two leading findings from the real tree', async () => {
    const { TREE } = await import('../../knowledge/tree.ts');
    const { distinguish } = await import('./present.ts');
    const lead = [...TREE.nodes.values()].find(
      (n) => n.kind === 'diagnosis' && n.lookAlikes.length > 0,
    );
    if (lead?.kind !== 'diagnosis') throw new Error('no diagnosis with look-alikes');
    const other = lead.lookAlikes[0]!;
    expect(distinguish(TREE, [lead.id, other.id])).toEqual({
      leading: lead.id,
      other: other.id,
      howToTell: other.howToTell,
    });
    expect(distinguish(TREE, [lead.id])).toBeNull();
    expect(distinguish(TREE, [])).toBeNull();
  });
});

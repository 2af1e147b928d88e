/**
 * Global crypto statements that change how IKE/IPsec behave but have no field in the model:
 * they become notes, so a reader comparing two peers still sees them.
 */
import { note, type Ctx } from './context.ts';
import { is, type Node } from './tree.ts';

/** One global statement and what to say about it. */
const GLOBAL_NOTES: readonly {
  readonly words: readonly string[];
  readonly say: (n: Node) => string;
}[] = [
  {
    words: ['crypto', 'isakmp', 'identity'],
    say: (n) => `IKEv1 sends its identity as ${n.words[3] ?? '?'} (the default is the address)`,
  },
  {
    words: ['crypto', 'isakmp', 'aggressive-mode', 'disable'],
    say: () => 'IKEv1 aggressive mode is refused by this router',
  },
  {
    words: ['no', 'crypto', 'isakmp', 'enable'],
    say: () => 'ISAKMP (IKEv1) is switched off on this router',
  },
  {
    words: ['no', 'crypto', 'ipsec', 'nat-transparency'],
    say: () => 'NAT traversal (UDP 4500 encapsulation) is switched off on this router',
  },
  {
    words: ['crypto', 'ipsec', 'security-association', 'replay'],
    say: (n) => `Anti-replay: ${n.words.slice(4).join(' ')}`,
  },
];

/** Notes for the global crypto statements above. */
export function globalCryptoNotes(nodes: readonly Node[], ctx: Ctx): void {
  for (const n of nodes)
    for (const g of GLOBAL_NOTES) if (is(n.key, ...g.words)) note(ctx, g.say(n), [n.line]);
}

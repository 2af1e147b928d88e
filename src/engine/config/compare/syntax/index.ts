/** The command writer for each platform. */
import type { Platform } from '../../../../knowledge/schema.ts';
import type { Side } from '../types.ts';
import { ASA_DIALECT } from './asa.ts';
import type { Dialect } from './common.ts';
import { SILENT } from './common.ts';
import { FORTIGATE_DIALECT } from './fortigate.ts';
import { IOS_DIALECT } from './ios.ts';
import { STRONGSWAN_DIALECT } from './strongswan.ts';

const DIALECTS: Record<Platform, Dialect> = {
  'cisco-ios': IOS_DIALECT,
  'cisco-asa': ASA_DIALECT,
  fortigate: FORTIGATE_DIALECT,
  strongswan: STRONGSWAN_DIALECT,
  'juniper-srx': SILENT,
  paloalto: SILENT,
};

/** The command writer for a side's platform. */
export function dialect(side: Side): Dialect {
  return DIALECTS[side.peer.platform];
}

export type { Dialect, WantedSelector } from './common.ts';
export { KEY_PLACEHOLDER } from './common.ts';

// Element ids inside report.html. Built from positions, not names, so any target name or
// exchange id (which may hold spaces, quotes or "#") yields a valid, unique id.
import type { Capability } from '../../types.ts';

export const targetAnchor = (target: number) => `t${target}`;
export const capabilityAnchor = (target: number, capability: Capability) => `t${target}-${capability}`;
export const checkAnchor = (target: number, check: number) => `t${target}-c${check}`;
export const exchangeAnchor = (target: number, exchange: number) => `t${target}-x${exchange}`;

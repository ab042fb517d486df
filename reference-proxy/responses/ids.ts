// Ids for the responses and items the proxy makes, shaped as OpenAI's (a prefix and 50 hex
// digits: resp_…, msg_…, fc_…, rs_…), random so that two replicas or two restarts never hand out
// the same id: the conversation store and clients key on them.
import { randomBytes } from 'node:crypto';

export type IdPrefix = 'resp' | 'msg' | 'fc' | 'rs';

/** Makes one id with the given prefix. Tests pass a counter; the proxy uses randomId. */
export type NewId = (prefix: IdPrefix) => string;

export const randomId: NewId = (prefix) => `${prefix}_${randomBytes(25).toString('hex')}`;

/** Deterministic ids for tests: resp_0001…, msg_0002…, padded to OpenAI's length. */
export function countingIds(): NewId {
  let n = 0;
  return (prefix) => `${prefix}_${String(++n).padStart(50, '0')}`;
}

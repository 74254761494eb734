import type { User } from './user.entity.js';

/** Who asks, from where, in which request: what services log and write into audit rows. */
export interface Caller {
  user: User;
  ip?: string;
  requestId?: string;
}

import type { User } from './user.entity.js';

/** Who asks, from where, in which request: what services log and write into audit rows. */
export interface Caller {
  user: User;
  ip?: string;
  requestId?: string;
}

/** A command run on the server (create-admin, demo data): it acts without a signed-in user. */
export interface CommandCaller {
  command: string;
}

export const isCommand = (caller: Caller | CommandCaller): caller is CommandCaller => 'command' in caller;

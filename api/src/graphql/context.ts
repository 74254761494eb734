import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { Caller } from '../modules/users/caller.js';
import type { User } from '../modules/users/user.entity.js';
import type { Services } from '../services.js';
import type { Access } from '../policy/access.js';
import type { Loaders } from './loaders.js';

/** Everything a resolver or rule may use for one request. The EntityManager is this request's own fork. */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  user: User | null;
  em: EntityManager;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  /** The access module for this request's caller; every permission rule asks it. */
  access: Access;
}

/** The signed-in caller of a request, for services that log and audit. */
export const callerOf = (ctx: RequestContext): Caller => ({ user: ctx.user!, ip: ctx.ip, requestId: ctx.requestId });

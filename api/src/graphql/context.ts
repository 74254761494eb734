import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { User } from '../modules/users/user.entity.js';
import type { Services } from '../services.js';
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
}

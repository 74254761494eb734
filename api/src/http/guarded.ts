import type { EntityManager } from '@mikro-orm/postgresql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Access } from '../policy/access.js';
import type { AccessCaller } from '../policy/access-caller.js';
import type { Permission } from '../policy/permissions.js';
import type { Services } from '../services.js';
import type { AppError } from '../shared/errors.js';
import { routeOf } from './loggable-route.js';

const DECLARED = Symbol.for('pixgate.route-permission');

/** What a guarded route uses to ask the access module for its one permission. */
export interface RouteGate {
  permission: Permission;
  /** The access module for `caller` (null: anonymous), asked for the route's permission on `ids`. */
  check(em: EntityManager | undefined, caller: AccessCaller | null, ids?: string[]): Promise<{ access: Access; outcome: true | AppError }>;
  /** A signed link that is not valid: refused and logged by the access module like any denial. */
  refuseLink(em: EntityManager, reason: string, message?: string, answeredReason?: string): AppError;
}

type GuardedRoute = (req: Request<any>, res: Response, gate: RouteGate, next: NextFunction) => unknown;

/**
 * Declares an HTTP route's one permission where the route is mounted, and hands the route a gate to
 * the access module for it. A test enumerates the app's routes: each must be declared, and each must
 * ask the access module for its permission.
 */
export function guarded(services: Services, permission: Permission, route: GuardedRoute): RequestHandler {
  const handler = (req: Request, res: Response, next: NextFunction) => {
    const origin = { ip: req.ip, requestId: String(req.id), via: `http ${req.method} ${routeOf(req)}` };
    const gate: RouteGate = {
      permission,
      async check(em, caller, ids = []) {
        // Without ids nothing is read: the shared EntityManager is never queried then.
        const access = services.accessFor(em ?? services.orm.em, caller, origin);
        return { access, outcome: await access.check(permission, ids) };
      },
      refuseLink(em, reason, message, answeredReason) {
        return services.accessFor(em, null, origin).refuseLink(permission, reason, message, answeredReason);
      },
    };
    Promise.resolve()
      .then(() => route(req, res, gate, next))
      .catch(next);
  };
  return Object.assign(handler, { [DECLARED]: permission });
}

/**
 * A route open to anyone (health, a webhook verified by its own signature, the GraphQL endpoint):
 * it still asks the access module, so a permission that later narrows takes effect here too.
 */
export function open(handler: (req: Request<any>, res: Response, next: NextFunction) => unknown): GuardedRoute {
  return async (req, res, gate, next) => {
    const { outcome } = await gate.check(undefined, null);
    if (outcome !== true) throw outcome;
    return handler(req, res, next);
  };
}

/** The permission a route handler declared, if it went through `guarded`. */
export const declaredPermissionOf = (handler: unknown): Permission | undefined => (handler as { [DECLARED]?: Permission } | null)?.[DECLARED];

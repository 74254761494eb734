import type { EntityManager } from '@mikro-orm/postgresql';
import { createParameterDecorator } from 'type-graphql';
import type { Logger } from '../logger.js';
import type { Caller } from '../modules/users/caller.js';
import type { User } from '../modules/users/user.entity.js';
import type { Services } from '../services.js';
import { unauthenticated } from '../shared/errors.js';
import type { Access } from '../policy/access.js';
import type { SessionCookieWriter } from '../modules/auth/session-cookies.js';
import type { Loaders } from './loaders.js';

/** Everything a resolver or rule may use for one request. The EntityManager is this request's own fork. */
export interface RequestContext {
  requestId: string;
  /**
   * When the request arrived (ms). Short-lived URLs signed in one request use this one clock, so the
   * expiry a response states is the expiry of every URL in it.
   */
  receivedAt: number;
  ip: string | undefined;
  user: User | null;
  em: EntityManager;
  logger: Logger;
  services: Services;
  loaders: Loaders;
  /** The access module for this request's caller; every permission rule asks it. */
  access: Access;
  /** Sign-ins that asked for a cookie session set it here. */
  sessionCookies: SessionCookieWriter;
}

/** A request whose caller is signed in: what resolvers of operations that need a user work with. */
export interface AuthedContext extends RequestContext {
  user: User;
}

export const isSignedIn = (ctx: RequestContext): ctx is AuthedContext => ctx.user !== null;

/** The context of a signed-in caller; UNAUTHENTICATED otherwise (the access check refused such calls already). */
export function signedIn(ctx: RequestContext): AuthedContext {
  if (!isSignedIn(ctx)) throw unauthenticated();
  return ctx;
}

/** `@Authed() ctx: AuthedContext` on a resolver method: the request context with its user, checked, instead of `@Ctx()` and `ctx.user!`. */
export const Authed = () => createParameterDecorator<RequestContext>(({ context }) => signedIn(context));

/** The signed-in caller of a request, for services that log and audit. */
export const callerOf = (ctx: AuthedContext): Caller => ({ user: ctx.user, ip: ctx.ip, requestId: ctx.requestId });

import { rule } from 'graphql-shield';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import { normaliseEmail } from '../modules/users/user.service.js';
import { rateLimited, type LimitName } from '../security/rate-limits.js';
import { signedIn, type RequestContext } from './context.js';
import { isStaffRole } from '../shared/domain/user-role.js';

type Args = Record<string, unknown>;

/** A caller with no identifiable address gets a bucket of its own, never one shared by everyone. */
export const ipKey = (ctx: Pick<RequestContext, 'ip' | 'requestId'>): string => ctx.ip ?? `unidentified:${ctx.requestId}`;


/**
 * A shield rule that counts one attempt per field resolution — so 15 aliased `login` calls in one
 * request are 15 attempts — against each (limit, key) the request maps to.
 */
function limitRule(checks: (args: Args, ctx: RequestContext) => [LimitName, string][]) {
  return rule({ cache: 'no_cache' })(async (_parent, args: Args, ctx: RequestContext) => {
    const outcome = await ctx.services.rateLimits.consume(checks(args, ctx));
    if (outcome.allowed) return true;
    ctx.services.securityEvents.record(SecurityEventType.RATE_LIMITED, {
      userId: ctx.user?.id,
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: { limit: outcome.limit, retryAfterSeconds: outcome.retryAfterSeconds },
    });
    return rateLimited(outcome);
  });
}

const accountKey = (args: Args) => normaliseEmail(String(args.email ?? ''));

/** Sign-in attempts: tight per account and address, looser per address, loosest per account. */
export const loginLimit = limitRule((args, ctx) => [
  ['loginIp', ipKey(ctx)],
  ['loginAccountIp', `${accountKey(args)}|${ipKey(ctx)}`],
  ['loginAccount', accountKey(args)],
]);

/** Second-factor codes: per address, and tightly per challenge (six digits must not be guessable). */
export const secondFactorLimit = limitRule((args, ctx) => [
  ['loginIp', ipKey(ctx)],
  ['loginAccountIp', `second-factor:${String(args.challenge ?? '').slice(-43)}|${ipKey(ctx)}`],
]);

/** Codes checked for a signed-in user (confirming or turning off TOTP): a stolen session must not guess them. */
export const totpCodeLimit = limitRule((_args, ctx) => [
  ['loginAccountIp', `totp:${signedIn(ctx).user.id}|${ipKey(ctx)}`],
  ['loginAccount', `totp:${signedIn(ctx).user.id}`],
]);

/** Current passwords checked for a signed-in user (changing it): a stolen session must not guess the password either. */
export const passwordCheckLimit = limitRule((_args, ctx) => [
  ['loginAccountIp', `password:${signedIn(ctx).user.id}|${ipKey(ctx)}`],
  ['loginAccount', `password:${signedIn(ctx).user.id}`],
]);

/**
 * Upload calls (request and complete). Staff ingest whole shoots from the studio's one address, so
 * they count per user only, with a budget for thousands of files; everyone else keeps seed 001's
 * per-address and per-user limits. Bytes have budgets of their own (image-upload.service.ts).
 */
export const uploadLimit = limitRule((_args, ctx) => {
  const { user } = signedIn(ctx);
  return isStaffRole(user.role) ? [['uploadStaffUser', user.id]] : [['uploadIp', ipKey(ctx)], ['uploadUser', user.id]];
});

export const downloadLimit = limitRule((_args, ctx) => [['downloadUser', signedIn(ctx).user.id]]);

/** Starting enhancements (seed 000: 15 a minute per user); a batch counts once. Staff are bound by this, not by plans. */
export const enhanceLimit = limitRule((_args, ctx) => [['enhanceUser', signedIn(ctx).user.id]]);

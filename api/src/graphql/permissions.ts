import { allow, chain, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { Image } from '../modules/images/image.entity.js';
import { Job } from '../modules/jobs/job.entity.js';
import { User } from '../modules/users/user.entity.js';
import { UserRole, isStaffRole } from '../shared/domain/user-role.js';
import { SecurityEventType } from '../modules/security-events/security-event.entity.js';
import { downloadDenial, loadImageFacts } from '../policy/download-policy.js';
import { canSeeCustomer, canUploadToJob, isStaff as policyIsStaff, visibleImageIds, visibleJobIds } from '../policy/visibility.js';
import { findById } from '../shared/ids.js';
import type { RequestContext } from './context.js';
import { downloadLimit, enhanceLimit, loginLimit, secondFactorLimit, totpCodeLimit, uploadLimit } from './rate-limit-rules.js';
import { cancellableEnhancementIds, visibleEnhancementIds } from '../modules/enhancements/enhancement-access.js';
import { AppError, forbidden, unauthenticated } from '../shared/errors.js';

/**
 * The edge of authorization: who is signed in, which role, and (through the policy module) which
 * ids they may touch. Anything not named here is denied. Rules that depend on arguments are never
 * cached, so one list item's decision cannot leak to another.
 */
type Args = Record<string, unknown> & { id?: string; imageId?: string; input?: Record<string, unknown> };

const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) => (ctx.user ? true : unauthenticated()));

const isStaff = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (!ctx.user) return unauthenticated();
  return policyIsStaff(ctx.user) || forbidden('Only studio staff may do this.');
});

const isAdmin = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (!ctx.user) return unauthenticated();
  return ctx.user.role === UserRole.ADMIN || forbidden('Only admins may do this.');
});

const isCustomer = rule({ cache: 'contextual' })((_parent, _args, ctx: RequestContext) => {
  if (!ctx.user) return unauthenticated();
  return ctx.user.role === UserRole.CUSTOMER || forbidden('Selecting is for customers; staff set selection states directly.');
});

/** To a customer, an id that does not exist and one they may not see get the same FORBIDDEN (no existence oracle). */
const denyUnseen = (ctx: RequestContext, allowed: boolean): true | AppError => (allowed || policyIsStaff(ctx.user!) ? true : forbidden());

const canSeeJob = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.id ?? args.input?.jobId ?? '');
  return denyUnseen(ctx, (await visibleJobIds(ctx.em, ctx.user!, [id])).has(id));
}));

/** Archives: the job must be visible; what is in it is the download policy's, at the moment of use. */
const canDownloadFromJob = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.jobId ?? '');
  if (policyIsStaff(ctx.user!) || (await visibleJobIds(ctx.em, ctx.user!, [id])).has(id)) return true;
  ctx.services.securityEvents.record(SecurityEventType.DOWNLOAD_DENIED, { userId: ctx.user!.id, ip: ctx.ip, requestId: ctx.requestId, details: { reason: 'NOT_VISIBLE', jobId: id, via: 'graphql-archive' } });
  return forbidden();
}));

const canSeeImage = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.id ?? args.imageId ?? '');
  return denyUnseen(ctx, (await visibleImageIds(ctx.em, ctx.user!, [id])).has(id));
}));

/** Every image of `imageIds`, checked as one set: one unseen id refuses the whole batch. */
const canSeeImages = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const ids = Array.isArray(args.imageIds) ? args.imageIds.map(String) : [];
  const visible = await visibleImageIds(ctx.em, ctx.user!, ids);
  return denyUnseen(ctx, ids.every((id) => visible.has(id)));
}));

const canSeeEnhancement = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.id ?? '');
  return denyUnseen(ctx, (await visibleEnhancementIds(ctx.em, ctx.user!, [id])).has(id));
}));

const canCancelEnhancement = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.id ?? '');
  return denyUnseen(ctx, (await cancellableEnhancementIds(ctx.em, ctx.user!, [id])).has(id));
}));

/** The download policy at the edge: the caller may have this original now. Denials are logged. */
const canDownloadImage = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.imageId ?? '');
  const facts = (await loadImageFacts(ctx.em, [id])).get(id);
  if (!facts) return denyUnseen(ctx, false);
  const denial = downloadDenial(ctx.user!, facts);
  if (!denial) return true;
  ctx.services.securityEvents.record(SecurityEventType.DOWNLOAD_DENIED, { userId: ctx.user!.id, ip: ctx.ip, requestId: ctx.requestId, details: { reason: denial, jobId: facts.jobId, imageId: id, via: 'graphql' } });
  return forbidden();
}));

const canSeeCustomerArg = rule({ cache: 'no_cache' })((_parent, args: Args, ctx: RequestContext) =>
  denyUnseen(ctx, canSeeCustomer(ctx.user!, String(args.id ?? ''))),
);

/** A customer's entitlements and usage: staff, and the customer's own users. */
const canSeeThisCustomer = rule({ cache: 'no_cache' })((parent: { id: string }, _args, ctx: RequestContext) => {
  if (!ctx.user) return unauthenticated();
  return canSeeCustomer(ctx.user, parent.id) || forbidden();
});

/** Without a customerId, `usage` answers for the caller's own customer. */
const canSeeUsageArg = rule({ cache: 'no_cache' })((_parent, args: Args, ctx: RequestContext) =>
  args.customerId === undefined || args.customerId === null ? true : denyUnseen(ctx, canSeeCustomer(ctx.user!, String(args.customerId))),
);

const canUploadToJobArg = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.input?.jobId ?? '');
  const job = await findById(ctx.em, Job, id);
  if (!job) return denyUnseen(ctx, false);
  return canUploadToJob(ctx.user!, job) || forbidden('You may not upload into this job.');
}));

/** Completing an upload is for staff and for the user who requested it. */
const canCompleteUpload = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const id = String(args.imageId ?? '');
  const image = await findById(ctx.em, Image, id);
  return denyUnseen(ctx, image?.uploadedBy?.id === ctx.user!.id);
}));

/** Staff manage customer users; staff and admin accounts are the admins' business. */
const canManageUserArgs = rule({ cache: 'no_cache' })(safely(async (_parent, args: Args, ctx: RequestContext) => {
  const actor = ctx.user!;
  if (actor.role === UserRole.ADMIN) return true;
  if (!policyIsStaff(actor)) return forbidden();
  const newRole = args.input?.role as UserRole | undefined;
  if (newRole && isStaffRole(newRole)) return forbidden('Only admins may create or promote staff and admins.');
  if (args.id !== undefined) {
    const target = await findById(ctx.em, User, String(args.id));
    if (target && isStaffRole(target.role)) return forbidden('Only admins may change staff and admins.');
  }
  return true;
}));

const signedIn = (...rules: Parameters<typeof chain>) => chain(isAuthenticated, ...rules);

/**
 * graphql-shield turns an exception inside a rule into a silent "false". Rules that touch the
 * database go through this, so a failure is logged and answered as an internal error instead.
 */
function safely<A extends unknown[]>(check: (...args: A) => Promise<true | AppError> | true | AppError) {
  return async (...args: A): Promise<true | AppError> => {
    try {
      return await check(...args);
    } catch (error) {
      (args[2] as RequestContext).logger.error({ err: error }, 'permission rule failed');
      return new AppError('INTERNAL_SERVER_ERROR', 'Internal server error.');
    }
  };
}

export const permissionRules: IRules = {
  Query: {
    me: isAuthenticated,
    studio: isAuthenticated,
    customers: isStaff,
    customer: signedIn(canSeeCustomerArg),
    users: isStaff,
    user: isStaff,
    jobs: isAuthenticated,
    job: signedIn(canSeeJob),
    image: signedIn(canSeeImage),
    auditEntries: isStaff,
    securityEvents: isAdmin,
    mailOutbox: isAdmin,
    plans: isAuthenticated,
    usage: signedIn(canSeeUsageArg),
    enhancementModels: isAuthenticated,
    enhancement: signedIn(canSeeEnhancement),
    enhancements: isAuthenticated,
  },
  Mutation: {
    login: loginLimit,
    refreshToken: allow,
    logout: allow,
    requestLoginCode: loginLimit,
    verifyLoginCode: loginLimit,
    verifySecondFactor: secondFactorLimit,
    beginTotpEnrollment: isStaff,
    confirmTotpEnrollment: chain(isStaff, totpCodeLimit),
    disableTotp: chain(isStaff, totpCodeLimit),
    resetUserTotp: isAdmin,
    updateStudioSettings: isAdmin,
    createCustomer: isStaff,
    updateCustomer: isStaff,
    createUser: chain(isStaff, canManageUserArgs),
    updateUser: chain(isStaff, canManageUserArgs),
    deactivateUser: isAdmin,
    reactivateUser: isAdmin,
    createJob: isStaff,
    updateJob: isStaff,
    requestImageUpload: signedIn(uploadLimit, canUploadToJobArg),
    completeImageUpload: signedIn(uploadLimit, canCompleteUpload),
    selectImage: chain(isCustomer, canSeeImage),
    deselectImage: chain(isCustomer, canSeeImage),
    imageDownloadUrl: signedIn(downloadLimit, canDownloadImage),
    jobArchiveDownload: signedIn(downloadLimit, canDownloadFromJob),
    setIncludedImages: isStaff,
    setAllImagesIncluded: isStaff,
    setImageSelectionState: isStaff,
    setImagesSelectionState: isStaff,
    unlockImageSelection: isStaff,
    setCustomerPlan: isStaff,
    grantEnhancementCredits: isStaff,
    enhanceImage: signedIn(enhanceLimit, canSeeImage),
    enhanceImages: signedIn(enhanceLimit, canSeeImages),
    cancelEnhancement: signedIn(canCancelEnhancement),
  },
  // Object types are reached only through the guarded roots above; fields that only staff may read are named.
  StudioSettings: allow,
  Customer: { '*': allow, notes: isStaff, users: isStaff, auditTrail: isStaff, plan: canSeeThisCustomer, creditBalance: canSeeThisCustomer },
  User: allow,
  Job: { '*': allow, deliveries: isStaff, auditTrail: isStaff },
  Image: { '*': allow, uploadedBy: isStaff, deliveries: isStaff, auditTrail: isStaff },
  AuditEntry: isStaff,
  AuditEntryConnection: isStaff,
  AuditEntryEdge: isStaff,
  Delivery: isStaff,
  DownloadTicket: allow,
  Plan: allow,
  Usage: allow,
  UsagePeriod: allow,
  Enhancement: { '*': allow, requestedBy: isStaff },
  EnhancementConnection: allow,
  EnhancementEdge: allow,
  EnhancementError: allow,
  EnhancementModel: allow,
  EnhancementParameter: allow,
  SecurityEvent: isAdmin,
  SecurityEventConnection: isAdmin,
  SecurityEventEdge: isAdmin,
  AuthPayload: allow,
  LoginResult: allow,
  TotpEnrollment: allow,
  MailOutboxMessage: isAdmin,
  MailOutboxMessageConnection: isAdmin,
  MailOutboxMessageEdge: isAdmin,
  ImageUpload: allow,
  HttpHeader: allow,
  PageInfo: allow,
  CustomerConnection: allow,
  CustomerEdge: allow,
  UserConnection: allow,
  UserEdge: allow,
  JobConnection: allow,
  JobEdge: allow,
  ImageConnection: allow,
  ImageEdge: allow,
};

const shieldOptions = {
  fallbackRule: deny,
  // Resolver errors (our typed AppErrors) pass through; anything else is masked by formatError.
  allowExternalErrors: true,
  fallbackError: () => forbidden(),
  debug: false,
};

/** The rule that applies to a field: its own, else its type's wildcard or type rule, else the fallback. */
export function effectiveRule(typeName: string, fieldName: string): unknown {
  const typeRules = (permissionRules as Record<string, unknown>)[typeName];
  if (typeRules === undefined) return shieldOptions.fallbackRule;
  // A field map is a plain object; a rule is an instance of one of shield's rule classes.
  if (Object.getPrototypeOf(typeRules) !== Object.prototype) return typeRules;
  const fields = typeRules as Record<string, unknown>;
  if (fieldName in fields) return fields[fieldName];
  return fields['*'] ?? shieldOptions.fallbackRule;
}

/**
 * graphql-shield over the whole schema, minus the wrapping of fields whose rule is plain `allow`:
 * running `allow` only calls the resolver, but wrapping every scalar of a 500-image gallery in a
 * promise halved throughput. What is left wrapped, and the deny fallback, behave exactly as shield.
 */
export function applyPermissions(schema: GraphQLSchema): GraphQLSchema {
  const middleware = shield(permissionRules, shieldOptions).generate(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, fields] of Object.entries(middleware)) {
    for (const fieldName of Object.keys(fields)) {
      if (effectiveRule(typeName, fieldName) === allow) delete fields[fieldName];
    }
  }
  return applyMiddleware(schema, middleware as never);
}

import { allow, chain, deny, rule, shield } from 'graphql-shield';
import type { IRule, IRules } from 'graphql-shield';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { AccessAttributes } from '../policy/access.js';
import type { Permission } from '../policy/permissions.js';
import type { RequestContext } from './context.js';
import { forbidden, internalError, type AppError } from '../shared/errors.js';
import { downloadLimit, enhanceLimit, loginLimit, passwordCheckLimit, secondFactorLimit, totpCodeLimit, uploadLimit } from './rate-limit-rules.js';
import { rootDeclarations, type AccessDeclaration, type LimitName } from './requires.js';

/**
 * The edge of authorization. Every rule is one use of the access module (policy/access.ts), which
 * decides and logs; queries and mutations declare their permission on the resolver (`@Requires`),
 * object fields that only some may read are named below. Anything not covered is denied. Rules are
 * never cached by shield: the access module memoises per request by (permission, id), so one list
 * item's decision cannot leak to another.
 */
type Args = Record<string, unknown>;
/** A rule or a chain of rules, as shield takes them. */
type ShieldRule = Parameters<typeof chain>[number];

const plainRules = new Map<Permission, IRule>();
let ruleCount = 0;

/**
 * The shield rule for a permission: the access module's answer for the ids it names. Shield wants
 * one name per rule instance: a rule without arguments is shared, one reading arguments is its own.
 */
export function can(permission: Permission, ids?: (args: Args, parent: any) => unknown[], attributes?: (args: Args) => AccessAttributes): IRule {
  const shared = !ids && !attributes;
  if (shared && plainRules.has(permission)) return plainRules.get(permission)!;
  const made = rule(shared ? `can ${permission}` : `can ${permission} #${++ruleCount}`, { cache: 'no_cache' })(
    safely((parent: unknown, args: Args, ctx: RequestContext) => ctx.access.check(permission, ids ? ids(args, parent).map(String) : [], attributes?.(args))),
  );
  if (shared) plainRules.set(permission, made);
  return made;
}

const LIMITS: Record<LimitName, IRule> = { login: loginLimit, secondFactor: secondFactorLimit, totpCode: totpCodeLimit, passwordCheck: passwordCheckLimit, upload: uploadLimit, download: downloadLimit, enhance: enhanceLimit };

/**
 * A declared operation's rule. With a rate limit, the limit counts once the caller may hold the
 * permission at all and before the ids are checked, so probing other customers' ids costs budget.
 */
function declaredRule(declaration: AccessDeclaration): ShieldRule {
  const access = can(declaration.permission, declaration.ids, declaration.assignsRole && ((args) => ({ assignsRole: declaration.assignsRole!(args) })));
  return declaration.limit ? chain(can(declaration.permission), LIMITS[declaration.limit], access) : access;
}

const ofParent = (_args: Args, parent: { id: string }) => [parent.id];

/** Object types are reached only through the guarded roots; these are their fields some callers may not read. */
export const objectRules: IRules = {
  StudioSettings: allow,
  Customer: {
    '*': allow,
    notes: can('customer.notes.read'),
    users: can('user.list'),
    auditTrail: can('audit.read'),
    plan: can('customer.read', ofParent),
    creditBalance: can('customer.read', ofParent),
  },
  User: { '*': allow, auditTrail: can('audit.read') },
  Job: { '*': allow, deliveries: can('delivery.read'), auditTrail: can('audit.read') },
  SelectionCounts: allow,
  ExtraRequest: { '*': allow, requestedBy: can('user.read'), decidedBy: can('user.read') },
  ExtraRequestConnection: can('extra-request.list'),
  ExtraRequestEdge: can('extra-request.list'),
  Image: { '*': allow, uploadedBy: can('user.read'), deliveries: can('delivery.read'), auditTrail: can('audit.read') },
  AuditEntry: can('audit.read'),
  AuditEntryConnection: can('audit.read'),
  AuditEntryEdge: can('audit.read'),
  Delivery: can('delivery.read'),
  DownloadTicket: allow,
  ImageRemoval: allow,
  Plan: allow,
  Usage: allow,
  UsagePeriod: allow,
  EnhancementAvailability: allow,
  ModelAvailability: allow,
  Enhancement: { '*': allow, requestedBy: can('user.read') },
  EnhancementConnection: allow,
  EnhancementEdge: allow,
  EnhancementError: allow,
  EnhancementModel: allow,
  EnhancementParameter: allow,
  SecurityEvent: can('security-event.read'),
  SecurityEventConnection: can('security-event.read'),
  SecurityEventEdge: can('security-event.read'),
  AuthPayload: allow,
  LoginResult: allow,
  TotpEnrollment: allow,
  NotificationSetting: allow,
  MailOutboxMessage: can('mail.read'),
  MailOutboxMessageConnection: can('mail.read'),
  MailOutboxMessageEdge: can('mail.read'),
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

/** The whole rule tree: root fields from their declarations (undeclared ones fall to deny), object fields from the map above. */
export function permissionRules(schema: GraphQLSchema): IRules {
  const roots: Record<'Query' | 'Mutation', Record<string, ShieldRule>> = { Query: {}, Mutation: {} };
  for (const { type, field, declaration } of rootDeclarations(schema)) {
    if (declaration) roots[type][field] = declaredRule(declaration);
  }
  return { ...(objectRules as Record<string, unknown>), ...roots } as IRules;
}

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
      return internalError();
    }
  };
}

const shieldOptions = {
  fallbackRule: deny,
  // Resolver errors (our typed AppErrors) pass through; anything else is masked by formatError.
  allowExternalErrors: true,
  fallbackError: () => forbidden(),
  debug: false,
};

/** The rule that applies to a field: its own, else its type's wildcard or type rule, else the fallback. */
export function effectiveRule(rules: IRules, typeName: string, fieldName: string): unknown {
  const typeRules = (rules as Record<string, unknown>)[typeName];
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
  const rules = permissionRules(schema);
  const middleware = shield(rules, shieldOptions).generate(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, fields] of Object.entries(middleware)) {
    for (const fieldName of Object.keys(fields)) {
      if (effectiveRule(rules, typeName, fieldName) === allow) delete fields[fieldName];
    }
  }
  return applyMiddleware(schema, middleware as never);
}

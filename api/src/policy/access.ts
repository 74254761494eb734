import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, forbidden, unauthenticated } from '../shared/errors.js';
import { UserRole } from '../shared/domain/user-role.js';
import { uuidsOnly } from '../shared/ids.js';
import { callerKindOf, viewerOf, type AccessCaller, type Viewer } from './access-caller.js';
import { loadImageFacts, type ImageFacts } from './download-policy.js';
import { PERMISSIONS, type Audience, type Permission } from './permissions.js';
import { mayAssignRole, RESOURCE_CHECKS } from './resource-access.js';
import { isStaff } from './visibility.js';

/** Facts about the request beyond ids that a permission may depend on. */
export interface AccessAttributes {
  /** The role a create or update would give a user. */
  assignsRole?: UserRole;
}

/** One refusal, as the one place that logs denials records it. */
export interface AccessDenial {
  permission: Permission;
  callerKind: 'anonymous' | 'user' | 'service';
  userId?: string;
  serviceId?: string;
  ids: string[];
  reason: 'UNAUTHENTICATED' | 'AUDIENCE' | 'SCOPE' | 'RESOURCE' | 'ROLE_ASSIGNMENT' | 'LINK' | 'POLICY';
  /** What else the refusing code knows: a link's fault, the policy's reason, the job. */
  details?: Record<string, unknown>;
}

const AUDIENCE_REFUSALS: Record<Exclude<Audience, 'anyone' | 'signed-in'>, string> = {
  customer: 'This is for customers; staff do it in the back office.',
  staff: 'Only studio staff may do this.',
  admin: 'Only admins may do this.',
};

/**
 * The access module: caller + permission + a set of ids in, the allowed subset out (PRODUCT.md rules
 * 1, 2 and 4; role rights). One instance per request, so each (permission, id) is decided once per
 * request and never shared with another caller; a ticket or link is checked again by the request
 * that uses it. Every GraphQL rule and every HTTP route asks it; it alone logs denials.
 */
export class Access {
  private readonly decided = new Map<string, Promise<boolean>>();
  private readonly facts = new Map<string, Promise<ImageFacts | undefined>>();
  readonly viewer: Viewer | null;

  constructor(
    private readonly em: EntityManager,
    readonly caller: AccessCaller | null,
    private readonly onDenied: (denial: AccessDenial) => void,
  ) {
    this.viewer = caller ? viewerOf(caller) : null;
  }

  /** The ids (of the permission's resource) the caller may use it on now; all of them for permissions without a resource check. */
  async allowed(permission: Permission, ids: Iterable<string>): Promise<Set<string>> {
    const wanted = [...new Set(ids)];
    if (this.callerRefusal(permission)) return new Set();
    const check = RESOURCE_CHECKS[permission];
    if (!check || wanted.length === 0) return new Set(wanted);
    const undecided = wanted.filter((id) => !this.decided.has(this.key(permission, id)));
    if (undecided.length > 0) {
      // Malformed ids match nothing: they never reach SQL, and are refused like unknown ones.
      const batch = Promise.resolve(check({ em: this.em, viewer: this.viewer!, imageFacts: (wanted) => this.imageFacts(wanted) }, uuidsOnly(undecided)));
      for (const id of undecided) this.decided.set(this.key(permission, id), batch.then((allowed) => allowed.has(id)));
    }
    const verdicts = await Promise.all(wanted.map((id) => this.decided.get(this.key(permission, id))!));
    return new Set(wanted.filter((_id, index) => verdicts[index]));
  }

  /** The download policy's facts of these images, read once per request (the rules and the route that asked share them). */
  async imageFacts(ids: Iterable<string>): Promise<Map<string, ImageFacts>> {
    const wanted = uuidsOnly(ids);
    const missing = wanted.filter((id) => !this.facts.has(id));
    if (missing.length > 0) {
      const batch = loadImageFacts(this.em, missing);
      for (const id of missing) this.facts.set(id, batch.then((loaded) => loaded.get(id)));
    }
    const loaded = await Promise.all(wanted.map(async (id) => [id, await this.facts.get(id)!] as const));
    return new Map(loaded.filter((entry): entry is readonly [string, ImageFacts] => entry[1] !== undefined));
  }

  /**
   * True when the caller may use the permission on every id; otherwise the error to answer —
   * UNAUTHENTICATED, or FORBIDDEN, the same for an unknown id as for a foreign one — after logging
   * the denial.
   */
  async check(permission: Permission, ids: readonly string[] = [], attributes: AccessAttributes = {}): Promise<true | AppError> {
    const refusal = this.callerRefusal(permission);
    if (refusal) return this.deny(permission, [...ids], refusal.reason, refusal.error);
    if (!mayAssignRole(this.viewer!, attributes.assignsRole)) {
      return this.deny(permission, [...ids], 'ROLE_ASSIGNMENT', forbidden('Only admins may create or promote staff and admins.'));
    }
    if (ids.length === 0 || !RESOURCE_CHECKS[permission]) return true;
    const allowed = await this.allowed(permission, ids);
    const refused = ids.filter((id) => !allowed.has(id));
    if (refused.length === 0) return true;
    return this.deny(permission, refused, 'RESOURCE', forbidden(permission === 'image.upload' ? 'You may not upload into this job.' : undefined));
  }

  /** `check`, throwing its error. */
  async require(permission: Permission, ids: readonly string[] = [], attributes: AccessAttributes = {}): Promise<void> {
    const outcome = await this.check(permission, ids, attributes);
    if (outcome !== true) throw outcome;
  }

  /**
   * A signed link (ticket, upload or media token) that is not valid: refused as FORBIDDEN with its
   * reason, and logged like every other denial.
   */
  refuseLink(permission: Permission, reason: string, message = 'This link is not valid or has expired.', answeredReason = reason): AppError {
    return this.deny(permission, [], 'LINK', forbidden(message, { reason: answeredReason }), { link: reason });
  }

  /**
   * A refusal decided by the policy where the access module cannot decide it — the re-check under
   * the job's row lock when a transfer starts — recorded in the same place and shape.
   */
  recordPolicyDenial(permission: Permission, ids: string[], details: Record<string, unknown>): void {
    this.deny(permission, ids, 'POLICY', forbidden(), details);
  }

  /** Whether the caller holds the permission at all (audience and scopes), without ids. */
  holds(permission: Permission): boolean {
    return this.callerRefusal(permission) === null;
  }

  private callerRefusal(permission: Permission): { reason: AccessDenial['reason']; error: AppError } | null {
    const { audience } = PERMISSIONS[permission];
    if (audience === 'anyone') return null;
    const caller = this.caller;
    const viewer = this.viewer;
    if (!caller || !viewer || !viewer.active) return { reason: 'UNAUTHENTICATED', error: unauthenticated() };
    if (caller.kind === 'service' && !caller.scopes.has(permission)) return { reason: 'SCOPE', error: forbidden('This key’s scopes do not include this.', { permission }) };
    const fits =
      audience === 'signed-in' ||
      (audience === 'customer' && viewer.role === UserRole.CUSTOMER) ||
      (audience === 'staff' && isStaff(viewer)) ||
      (audience === 'admin' && viewer.role === UserRole.ADMIN);
    return fits ? null : { reason: 'AUDIENCE', error: forbidden(AUDIENCE_REFUSALS[audience as keyof typeof AUDIENCE_REFUSALS]) };
  }

  private deny(permission: Permission, ids: string[], reason: AccessDenial['reason'], error: AppError, details?: Record<string, unknown>): AppError {
    const caller = this.caller;
    this.onDenied({
      details,
      permission,
      callerKind: callerKindOf(caller),
      userId: caller?.kind === 'user' ? caller.user.id : undefined,
      serviceId: caller?.kind === 'service' ? caller.id : undefined,
      ids: ids.slice(0, 20),
      reason,
    });
    return error;
  }

  private key(permission: Permission, id: string): string {
    return `${permission}\u0000${id}`;
  }
}

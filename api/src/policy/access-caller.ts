import type { User } from '../modules/users/user.entity.js';
import { UserRole } from '../shared/domain/user-role.js';
import type { Permission } from './permissions.js';

/**
 * Who asks the access module: a signed-in user, or a service bound to one customer (what API keys
 * will be) that holds a set of permissions as its scopes. Anonymous callers are `null`.
 */
export type AccessCaller = { kind: 'user'; user: User } | ServiceCaller;

export interface ServiceCaller {
  kind: 'service';
  id: string;
  name: string;
  customerId: string;
  scopes: ReadonlySet<Permission>;
}

/** What the policy's rules read of a caller: a user, or a service standing in for its customer's users. */
export interface Viewer {
  id: string;
  role: UserRole;
  active: boolean;
  customer?: { id: string } | null;
}

export function viewerOf(caller: AccessCaller): Viewer {
  if (caller.kind === 'user') return caller.user;
  return { id: caller.id, role: UserRole.CUSTOMER, active: true, customer: { id: caller.customerId } };
}

/** How a caller appears in logs and security events. */
export const callerKindOf = (caller: AccessCaller | null): 'anonymous' | 'user' | 'service' => caller?.kind ?? 'anonymous';

import type { UserRecord } from '../dataProvider/users';
import type { UserRole } from '../gql/graphql';

/**
 * What the API lets each role do to users (api/src/policy: user.create, user.update,
 * user.totp.reset), so the back office offers only that. The API decides; this only hides.
 */
const ALL_ROLES: readonly UserRole[] = ['CUSTOMER', 'STAFF', 'ADMIN'];

/** The roles a viewer may give a new or changed user: staff customer users only, admins any. */
export function assignableRoles(viewer: UserRole | undefined): readonly UserRole[] {
  if (viewer === 'ADMIN') return ALL_ROLES;
  if (viewer === 'STAFF') return ['CUSTOMER'];
  return [];
}

/** Staff change customer users; admins anyone. */
export const mayEditUser = (viewer: UserRole | undefined, user: Pick<UserRecord, 'role'>) => assignableRoles(viewer).includes(user.role);

/** Nobody changes their own role (an admin demoting themselves would lock the studio out of its settings). */
export const mayChangeRole = (viewer: UserRole | undefined, viewerId: string | undefined, user: Pick<UserRecord, 'id' | 'role'>) =>
  viewer === 'ADMIN' && user.id !== viewerId;

/** Admins remove another user's second factor (a lost phone); there must be one to remove. */
export const mayResetTotp = (viewer: UserRole | undefined, viewerId: string | undefined, user: Pick<UserRecord, 'id' | 'totpEnabled'>) =>
  viewer === 'ADMIN' && user.id !== viewerId && user.totpEnabled;

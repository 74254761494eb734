import type { User } from '../../src/modules/users/user.entity.js';
import type { AccessCaller, ServiceCaller, Viewer } from '../../src/policy/access-caller.js';
import type { ImageFacts, SourceFacts } from '../../src/policy/download-policy.js';
import type { Permission } from '../../src/policy/permissions.js';
import { ImageStatus, SelectionState } from '../../src/shared/domain/image-enums.js';
import { JobStatus } from '../../src/shared/domain/job-status.js';
import { UserRole } from '../../src/shared/domain/user-role.js';

/** Plain viewers and facts for the policy's pure rules: customer c1 owns job j1. */
export const CUSTOMER_ID = 'c1';

export const customer: Viewer = { id: 'u-customer', role: UserRole.CUSTOMER, active: true, customer: { id: CUSTOMER_ID } };
export const otherCustomer: Viewer = { id: 'u-other', role: UserRole.CUSTOMER, active: true, customer: { id: 'c2' } };
export const inactiveCustomer: Viewer = { ...customer, id: 'u-inactive', active: false };
export const staff: Viewer = { id: 'u-staff', role: UserRole.STAFF, active: true, customer: null };
export const admin: Viewer = { id: 'u-admin', role: UserRole.ADMIN, active: true, customer: null };
export const inactiveStaff: Viewer = { ...staff, id: 'u-inactive-staff', active: false };

/** An uploaded original, READY, unselected, in customer c1's delivered job j1. */
export function facts(overrides: Partial<ImageFacts> = {}): ImageFacts {
  return {
    imageId: 'i1',
    imageStatus: ImageStatus.READY,
    selectionState: SelectionState.NONE,
    jobId: 'j1',
    jobStatus: JobStatus.DELIVERED,
    allImagesIncluded: false,
    customerId: CUSTOMER_ID,
    locked: false,
    source: null,
    ...overrides,
  };
}

/** A derived image (an enhancement's result) of original i0, in the same job. */
export function derived(source: Partial<SourceFacts>, overrides: Partial<ImageFacts> = {}): ImageFacts {
  return facts({ imageId: 'd1', source: { imageId: 'i0', imageStatus: ImageStatus.READY, selectionState: SelectionState.NONE, ...source }, ...overrides });
}

/** An access caller for a viewer: a user (the viewer stands in for the entity), or a service bound to c1. */
export const userCaller = (viewer: Viewer): AccessCaller => ({ kind: 'user', user: viewer as unknown as User });

export const serviceCaller = (scopes: Permission[]): ServiceCaller => ({ kind: 'service', id: 'svc-1', name: 'Test key', customerId: CUSTOMER_ID, scopes: new Set(scopes) });

import { describe, expect, it } from 'vitest';
import { assignableRoles, mayChangeRole, mayEditUser, mayResetTotp } from './user-permissions';

describe('user administration, as the API allows it', () => {
  it('staff create and change customer users only; admins anyone', () => {
    expect(assignableRoles('STAFF')).toEqual(['CUSTOMER']);
    expect(assignableRoles('ADMIN')).toEqual(['CUSTOMER', 'STAFF', 'ADMIN']);
    expect(assignableRoles('CUSTOMER')).toEqual([]);
    expect(assignableRoles(undefined)).toEqual([]);
    expect(mayEditUser('STAFF', { role: 'CUSTOMER' })).toBe(true);
    expect(mayEditUser('STAFF', { role: 'STAFF' })).toBe(false);
    expect(mayEditUser('STAFF', { role: 'ADMIN' })).toBe(false);
    expect(mayEditUser('ADMIN', { role: 'ADMIN' })).toBe(true);
  });

  it('only admins change roles, and not their own', () => {
    expect(mayChangeRole('ADMIN', 'a1', { id: 's1', role: 'STAFF' })).toBe(true);
    expect(mayChangeRole('ADMIN', 'a1', { id: 'a1', role: 'ADMIN' })).toBe(false);
    expect(mayChangeRole('STAFF', 's1', { id: 'c1', role: 'CUSTOMER' })).toBe(false);
  });

  it('admins reset another user’s second factor when there is one', () => {
    expect(mayResetTotp('ADMIN', 'a1', { id: 's1', totpEnabled: true })).toBe(true);
    expect(mayResetTotp('ADMIN', 'a1', { id: 's1', totpEnabled: false })).toBe(false);
    expect(mayResetTotp('ADMIN', 'a1', { id: 'a1', totpEnabled: true })).toBe(false);
    expect(mayResetTotp('STAFF', 's1', { id: 'c1', totpEnabled: true })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { UserRecord } from './users';
import { userUpdate } from './users';

const customerUser = { name: 'Nora', email: 'nora@example.test', role: 'CUSTOMER', customer: { id: 'c1', name: 'Nordlicht' } } as UserRecord;
const staffUser = { name: 'Stefan', email: 'stefan@example.test', role: 'STAFF', customer: null } as UserRecord;

describe('what the user form sends to updateUser', () => {
  it('only the changed name or email, no role and no reason when neither role nor customer changed', () => {
    expect(userUpdate({ name: 'Nora N.', email: customerUser.email, role: 'CUSTOMER', customerId: 'c1', password: '', reason: 'ignored' }, customerUser)).toEqual({
      input: { name: 'Nora N.', email: undefined, password: undefined },
      reason: undefined,
    });
  });

  it('a new customer with the role and the reason', () => {
    expect(userUpdate({ role: 'CUSTOMER', customerId: 'c2', reason: 'Moved agencies' }, customerUser)).toEqual({
      input: { name: undefined, email: undefined, password: undefined, role: 'CUSTOMER', customerId: 'c2' },
      reason: 'Moved agencies',
    });
  });

  it('a promotion without a customer (staff belong to none), with the reason', () => {
    expect(userUpdate({ role: 'ADMIN', customerId: 'c1', reason: 'Runs the studio' }, staffUser)).toEqual({
      input: { name: undefined, email: undefined, password: undefined, role: 'ADMIN', customerId: undefined },
      reason: 'Runs the studio',
    });
  });

  it('a form without the customer field keeps the customer as it is', () => {
    expect(userUpdate({ name: 'Nora', role: 'CUSTOMER' }, customerUser).reason).toBeUndefined();
    expect(userUpdate({ name: 'Nora', role: 'CUSTOMER' }, customerUser).input).not.toHaveProperty('role');
  });

  it('a new password, and nothing else', () => {
    expect(userUpdate({ role: 'STAFF', password: 'a-new-long-password' }, staffUser).input).toEqual({ name: undefined, email: undefined, password: 'a-new-long-password' });
  });
});

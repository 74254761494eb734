import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../dataProvider/users';
import { mayChangeActive } from './UserActiveButton';

const user = (id: string, role: UserRecord['role']) => ({ id, role }) as UserRecord;

describe('who may (de)activate whom, as the API allows', () => {
  it('staff: customer users only', () => {
    expect(mayChangeActive('STAFF', 's1', user('c1', 'CUSTOMER'))).toBe(true);
    expect(mayChangeActive('STAFF', 's1', user('s2', 'STAFF'))).toBe(false);
    expect(mayChangeActive('STAFF', 's1', user('a1', 'ADMIN'))).toBe(false);
  });
  it('admins: anyone but themselves', () => {
    expect(mayChangeActive('ADMIN', 'a1', user('s2', 'STAFF'))).toBe(true);
    expect(mayChangeActive('ADMIN', 'a1', user('a2', 'ADMIN'))).toBe(true);
    expect(mayChangeActive('ADMIN', 'a1', user('a1', 'ADMIN'))).toBe(false);
  });
  it('nobody else', () => {
    expect(mayChangeActive('CUSTOMER', 'c2', user('c1', 'CUSTOMER'))).toBe(false);
    expect(mayChangeActive(undefined, undefined, user('c1', 'CUSTOMER'))).toBe(false);
  });
});

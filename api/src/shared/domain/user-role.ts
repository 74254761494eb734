import { registerEnumType } from 'type-graphql';

export enum UserRole {
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

registerEnumType(UserRole, {
  name: 'UserRole',
  valuesConfig: {
    CUSTOMER: { description: 'Belongs to exactly one customer; sees only that customer’s delivered jobs.' },
    STAFF: { description: 'Studio staff: manages customers, jobs and images.' },
    ADMIN: { description: 'Staff who also manage staff accounts and the studio settings.' },
  },
});

export const isStaffRole = (role: UserRole): boolean => role === UserRole.STAFF || role === UserRole.ADMIN;

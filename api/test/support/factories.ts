import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD } from '../../src/db/seed.js';
import { JobStatus } from '../../src/shared/domain/job-status.js';
import type { Job } from '../../src/modules/jobs/job.entity.js';
import type { Customer } from '../../src/modules/customers/customer.entity.js';
import type { User } from '../../src/modules/users/user.entity.js';
import { UserRole } from '../../src/shared/domain/user-role.js';
import type { TestServer } from './test-server.js';

export const PASSWORD = DEMO_PASSWORD;
const unique = () => randomBytes(4).toString('hex');

/** Test data made through the same services the API uses, so every invariant holds. */
export function factories(server: TestServer) {
  const em = () => server.services.orm.em.fork();
  return {
    async customer(name = `Customer ${unique()}`): Promise<Customer> {
      return server.services.customers.create(em(), { name });
    },
    async user(role: UserRole, customer?: Customer, overrides: { email?: string; name?: string } = {}): Promise<User> {
      return server.services.users.create(em(), { command: 'test factory' }, {
        email: overrides.email ?? `${role.toLowerCase()}-${unique()}@example.test`,
        name: overrides.name ?? `${role} ${unique()}`,
        role,
        customerId: customer?.id,
        password: PASSWORD,
      });
    },
    async job(customer: Customer, overrides: Partial<{ title: string; status: JobStatus; includedImages: number; allImagesIncluded: boolean; allowCustomerUploads: boolean }> = {}): Promise<Job> {
      return server.services.jobs.create(em(), {
        customerId: customer.id,
        title: overrides.title ?? `Job ${unique()}`,
        status: overrides.status ?? JobStatus.DELIVERED,
        includedImages: overrides.includedImages ?? 3,
        allImagesIncluded: overrides.allImagesIncluded ?? false,
        allowCustomerUploads: overrides.allowCustomerUploads,
      });
    },
  };
}

/** Signs in through the API and returns the access token. */
export async function signIn(server: TestServer, email: string, password = PASSWORD): Promise<string> {
  const response = await server.gql<{ login: { accessToken: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    { email, password },
  );
  if (!response.data?.login) throw new Error(`login failed: ${JSON.stringify(response.errors)}`);
  return response.data.login.accessToken;
}

/** A staff user, a customer with a user, and their tokens: the cast most tests need. */
export async function standardCast(server: TestServer) {
  const make = factories(server);
  const staff = await make.user(UserRole.STAFF);
  const admin = await make.user(UserRole.ADMIN);
  const customer = await make.customer();
  const customerUser = await make.user(UserRole.CUSTOMER, customer);
  const otherCustomer = await make.customer();
  const otherCustomerUser = await make.user(UserRole.CUSTOMER, otherCustomer);
  return {
    make,
    staff,
    admin,
    customer,
    customerUser,
    otherCustomer,
    otherCustomerUser,
    staffToken: await signIn(server, staff.email),
    adminToken: await signIn(server, admin.email),
    customerToken: await signIn(server, customerUser.email),
    otherCustomerToken: await signIn(server, otherCustomerUser.email),
  };
}

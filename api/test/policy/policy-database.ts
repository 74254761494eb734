import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { inject } from 'vitest';
import { openOrm, type Orm } from '../../src/db/orm.js';
import { Customer } from '../../src/modules/customers/customer.entity.js';
import { DeliveryPath } from '../../src/modules/downloads/delivery.entity.js';
import { Enhancement } from '../../src/modules/enhancements/enhancement.entity.js';
import { Image } from '../../src/modules/images/image.entity.js';
import { SelectionLock } from '../../src/modules/images/selection-lock.entity.js';
import { Job } from '../../src/modules/jobs/job.entity.js';
import { User } from '../../src/modules/users/user.entity.js';
import { ImageStatus, SelectionState } from '../../src/shared/domain/image-enums.js';
import { JobStatus } from '../../src/shared/domain/job-status.js';
import { UserRole } from '../../src/shared/domain/user-role.js';
import { adminQuery } from '../support/global-setup.js';

/**
 * A database of the policy's own, without a server: a clone of the migrated template, an ORM whose
 * statements can be counted, and rows made directly (the services that make them are tested
 * elsewhere). Much faster than a test server, so mutation testing can rerun it per mutant.
 */
export async function openPolicyDatabase() {
  const database = inject('database');
  const name = `${database.prefix}policy_${randomBytes(6).toString('hex')}`;
  await adminQuery(database.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${database.template}`);
  const url = new URL(database.serverUrl);
  url.pathname = `/${name}`;
  let recorded: string[] | null = null;
  const orm: Orm = await openOrm(url.toString(), undefined, (sql) => recorded?.push(sql));
  return {
    orm,
    em: () => orm.em.fork() as EntityManager,
    /** The SQL statements `action` ran. */
    async queriesDuring(action: () => Promise<unknown>): Promise<string[]> {
      recorded = [];
      try {
        await action();
        return recorded;
      } finally {
        recorded = null;
      }
    },
    async close() {
      await orm.close();
      await adminQuery(database.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

let sequence = 0;

/** Rows for the policy's checks, made in one flush; ids are known before it. */
export function rows(em: EntityManager) {
  const created = new Date(Date.UTC(2026, 0, 1));
  return {
    customer: (name: string) => em.create(Customer, { name }),
    user: (role: UserRole, customer: Customer | null = null) =>
      em.create(User, { email: `policy-${++sequence}-${randomBytes(3).toString('hex')}@example.test`, name: `${role} ${sequence}`, role, customer }),
    job: (customer: Customer, options: { status?: JobStatus; allImagesIncluded?: boolean; allowCustomerUploads?: boolean } = {}) =>
      em.create(Job, {
        customer,
        title: `Job ${++sequence}`,
        status: options.status ?? JobStatus.DELIVERED,
        includedImages: 3,
        allImagesIncluded: options.allImagesIncluded ?? false,
        allowCustomerUploads: options.allowCustomerUploads ?? false,
      }),
    image: (job: Job, options: { status?: ImageStatus; state?: SelectionState; uploadedBy?: User | null; derivedFrom?: Image | null } = {}) => {
      const index = ++sequence;
      const status = options.status ?? ImageStatus.READY;
      const ready = status === ImageStatus.READY;
      return em.create(Image, {
        job,
        uploadedBy: options.uploadedBy ?? null,
        filename: `img-${index}.jpg`,
        status,
        selectionState: options.state ?? SelectionState.NONE,
        declaredContentType: 'image/jpeg',
        byteSize: 1000,
        sha256: 'a'.repeat(64),
        uploadKey: `policy/${index}-upload`,
        // What a READY row must have (images_ready_check); no bytes behind the keys.
        ...(ready ? { originalKey: `policy/${index}-original`, contentType: 'image/jpeg', width: 400, height: 300 } : {}),
        derivedFrom: options.derivedFrom ?? null,
        // Distinct creation times, so loaders' order is the order made here.
        createdAt: new Date(created.getTime() + index * 1000),
      });
    },
    lock: (image: Image, by: User) => em.create(SelectionLock, { image, job: image.job, lockedBy: by, via: DeliveryPath.IMAGE }),
    /** A queued enhancement task of an image, as `by` would start it. */
    task: (image: Image, by: User | null) =>
      em.create(Enhancement, { image, job: image.job, customer: image.job.customer, requestedBy: by, modelId: 'policy-test-model', provider: 'local', params: {} as never }),
  };
}

/**
 * One small world for the policy's database checks: customer c1 with a delivered job full of cases,
 * an unfinished job, a job without customer uploads and an all-included job; customer c2 with one
 * delivered job; staff, an admin, and users of both customers.
 */
export async function seedPolicyWorld(em: EntityManager) {
  const make = rows(em);
  const c1 = make.customer('Customer one');
  const c2 = make.customer('Customer two');
  const staff = make.user(UserRole.STAFF);
  const otherStaff = make.user(UserRole.STAFF);
  const admin = make.user(UserRole.ADMIN);
  const customerUser = make.user(UserRole.CUSTOMER, c1);
  const otherCustomerUser = make.user(UserRole.CUSTOMER, c2);

  const delivered = make.job(c1, { allowCustomerUploads: true });
  const inProgress = make.job(c1, { status: JobStatus.IN_PROGRESS, allowCustomerUploads: true });
  const noUploads = make.job(c1);
  const allIncluded = make.job(c1, { allImagesIncluded: true });
  const foreignJob = make.job(c2, { allowCustomerUploads: true });

  const { READY, PENDING, FAILED } = ImageStatus;
  const { NONE, INCLUDED, EXTRA_PAID, BLOCKED } = SelectionState;
  const none = make.image(delivered, { uploadedBy: customerUser });
  const included = make.image(delivered, { state: INCLUDED, uploadedBy: staff });
  const pending = make.image(delivered, { status: PENDING, state: INCLUDED, uploadedBy: customerUser });
  const blocked = make.image(delivered, { state: BLOCKED });
  const paid = make.image(delivered, { state: EXTRA_PAID });
  const locked = make.image(delivered, { state: INCLUDED });
  const ofIncluded = make.image(delivered, { derivedFrom: included });
  const ofNone = make.image(delivered, { state: INCLUDED, derivedFrom: none });
  const ofLocked = make.image(delivered, { derivedFrom: locked });
  const blockedOfIncluded = make.image(delivered, { state: BLOCKED, derivedFrom: included });
  const ofPending = make.image(delivered, { derivedFrom: pending });
  const failedOfIncluded = make.image(delivered, { status: FAILED, derivedFrom: included });
  const allNone = make.image(allIncluded, { state: NONE });
  const allBlocked = make.image(allIncluded, { state: BLOCKED });
  const ofAllNone = make.image(allIncluded, { derivedFrom: allNone });
  const ofAllBlocked = make.image(allIncluded, { derivedFrom: allBlocked });
  const unfinished = make.image(inProgress, { state: INCLUDED });
  const foreign = make.image(foreignJob, { state: INCLUDED });
  make.lock(locked, customerUser);
  const tasks = {
    byCustomer: make.task(none, customerUser),
    byStaff: make.task(none, staff),
    onPending: make.task(pending, customerUser),
    onUnfinished: make.task(unfinished, staff),
    foreign: make.task(foreign, otherCustomerUser),
  };
  await em.flush();
  return {
    customers: { c1, c2 },
    users: { staff, otherStaff, admin, customerUser, otherCustomerUser },
    jobs: { delivered, inProgress, noUploads, allIncluded, foreignJob },
    tasks,
    images: { none, included, pending, blocked, paid, locked, ofIncluded, ofNone, ofLocked, blockedOfIncluded, ofPending, failedOfIncluded, allNone, allBlocked, ofAllNone, ofAllBlocked, unfinished, foreign },
  };
}

export type PolicyWorld = Awaited<ReturnType<typeof seedPolicyWorld>>;

/** A UUID no row has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';

import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../modules/customers/customer.entity.js';
import { JobStatus } from '../shared/domain/job-status.js';
import type { Job } from '../modules/jobs/job.entity.js';
import type { User } from '../modules/users/user.entity.js';
import { UserRole } from '../shared/domain/user-role.js';
import type { Services } from '../services.js';
import { generateDemoPhoto } from './demo-photos.js';
import { Image } from '../modules/images/image.entity.js';
import { ImageStatus } from '../shared/domain/image-enums.js';

/** How long a first start waits for the demo photos' renders before printing the logins anyway. */
const DEMO_RENDER_TIMEOUT_MS = 120_000;

export interface DemoLogin {
  role: UserRole;
  email: string;
  password: string;
}

export const DEMO_PASSWORD = 'pixgate-demo';

const DEMO_USERS = [
  { email: 'admin@pixgate.test', name: 'Ada Admin', role: UserRole.ADMIN },
  { email: 'staff@pixgate.test', name: 'Stefan Staff', role: UserRole.STAFF },
  { email: 'makler@nordlicht.test', name: 'Nora Nordlicht', role: UserRole.CUSTOMER, customer: 'Nordlicht Immobilien' },
  { email: 'familie@berger.test', name: 'Ben Berger', role: UserRole.CUSTOMER, customer: 'Familie Berger' },
];

/** AI-enhancement entitlements; customers not named here keep the free plan. */
const DEMO_ENTITLEMENTS = [
  { customer: 'Nordlicht Immobilien', plan: 'studio', credits: 0 },
  { customer: 'Familie Berger', plan: 'standard', credits: 10 },
];

const DEMO_JOBS = [
  { customer: 'Nordlicht Immobilien', title: 'Hafenstraße 12 – 3-Zimmer-Wohnung', status: JobStatus.DELIVERED, includedImages: 4, allImagesIncluded: false,
    photos: ['Living room', 'Kitchen', 'Bedroom', 'Bathroom', 'Balcony', 'Facade', 'Hallway', 'View'] },
  { customer: 'Nordlicht Immobilien', title: 'Villa am See', status: JobStatus.DELIVERED, includedImages: 0, allImagesIncluded: true,
    photos: ['Garden', 'Lake view', 'Salon', 'Terrace', 'Pool'] },
  { customer: 'Nordlicht Immobilien', title: 'Neubau Lindenallee (in progress)', status: JobStatus.IN_PROGRESS, includedImages: 10, allImagesIncluded: false,
    photos: ['Construction', 'Model flat'] },
  { customer: 'Familie Berger', title: 'Family portraits, autumn', status: JobStatus.DELIVERED, includedImages: 3, allImagesIncluded: false,
    photos: ['Portrait 1', 'Portrait 2', 'Park', 'Siblings', 'Grandparents', 'Leaves'] },
];

/**
 * Demo data for a first start: the studio, two customers, users of every role and delivered jobs
 * with generated photos, ingested through the real upload pipeline. Runs only on an empty database.
 */
export async function seedDemoData(services: Services): Promise<DemoLogin[]> {
  const em = services.orm.em.fork();
  const logins = DEMO_USERS.map(({ email, role }) => ({ email, role, password: DEMO_PASSWORD }));
  if ((await em.count(Customer, {})) > 0) {
    const known = await em.getConnection().execute<{ email: string }[]>('SELECT email FROM users WHERE email IN (?)', [DEMO_USERS.map((user) => user.email)]);
    const present = new Set(known.map((row) => row.email));
    return logins.filter((login) => present.has(login.email));
  }
  services.logger.info('seeding demo data');
  const settings = await services.studio.get(em);
  settings.name = 'Lichtblick Fotografie';
  settings.watermarkText = 'LICHTBLICK PREVIEW';
  await em.flush();

  const customers = new Map<string, Customer>();
  for (const name of new Set(DEMO_JOBS.map((job) => job.customer))) {
    customers.set(name, await services.customers.create(em, { name, contactEmail: `office@${name.split(' ')[0]!.toLowerCase()}.test` }));
  }
  const users: User[] = [];
  for (const demo of DEMO_USERS) {
    const customerId = demo.customer ? customers.get(demo.customer)!.id : undefined;
    users.push(await services.users.create(em, { command: 'demo data' }, { email: demo.email, name: demo.name, role: demo.role, customerId, password: DEMO_PASSWORD }));
  }
  const staff = users.find((user) => user.role === UserRole.STAFF)!;
  // Through the audited operations, so the demo's audit log shows them too.
  const admin = { user: users.find((user) => user.role === UserRole.ADMIN)! };
  for (const demo of DEMO_ENTITLEMENTS) {
    const customerId = customers.get(demo.customer)!.id;
    await services.plans.setCustomerPlan(em, admin, customerId, (await services.plans.byKey(em, demo.plan)).id, 'Demo data');
    if (demo.credits > 0) await services.plans.grantCredits(em, admin, customerId, demo.credits, 'Demo data: welcome credits');
  }
  let seed = 1;
  const imageIds: string[] = [];
  for (const demo of DEMO_JOBS) {
    const job = await services.jobs.create(em, {
      customerId: customers.get(demo.customer)!.id,
      title: demo.title,
      status: demo.status,
      includedImages: demo.includedImages,
      allImagesIncluded: demo.allImagesIncluded,
    });
    for (const label of demo.photos) imageIds.push(await ingestDemoPhoto(services, em, staff, job, label, seed++));
  }
  await awaitRenders(services, imageIds);
  return logins;
}

/** The demo's galleries are complete when its logins are printed: wait for the renders the in-server workers make. */
async function awaitRenders(services: Services, imageIds: string[]): Promise<void> {
  if (!services.config.enhancements.workersInServer) return;
  const em = services.orm.em.fork();
  const deadline = Date.now() + DEMO_RENDER_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await em.count(Image, { id: { $in: imageIds }, status: ImageStatus.PROCESSING })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  services.logger.warn({ images: imageIds.length }, 'demo images are still rendering; their galleries fill in shortly');
}

async function ingestDemoPhoto(services: Services, em: EntityManager, uploader: User, job: Job, label: string, seed: number): Promise<string> {
  const bytes = await generateDemoPhoto({ seed, label });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const caller = { user: uploader };
  const upload = await services.uploads.request(em, caller, job, {
    jobId: job.id,
    filename: `${label.toLowerCase().replace(/\s+/g, '-')}.jpg`,
    contentType: 'image/jpeg',
    byteSize: bytes.length,
    sha256,
  });
  await services.storage.put(upload.image.uploadKey, bytes, { contentType: 'image/jpeg', byteSize: bytes.length });
  await services.uploads.complete(em, caller, upload.image);
  return upload.image.id;
}


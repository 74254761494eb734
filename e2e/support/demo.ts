/** The demo logins `npm start` seeds (api/src/db/seed.ts) and prints. */
export const DEMO_PASSWORD = 'pixgate-demo';
export const DEMO = {
  admin: 'admin@pixgate.test',
  staff: 'staff@pixgate.test',
  customer: 'makler@nordlicht.test',
} as const;

/** Demo jobs: one only looked at (screenshots), one changed by the tests. */
export const VIEWED_JOB = 'Hafenstraße 12 – 3-Zimmer-Wohnung';
export const CHANGED_JOB = 'Family portraits, autumn';
export const CHANGED_JOB_IMAGE = 'portrait-1.jpg';
/** Its status is changed by the tests (it starts IN_PROGRESS). */
export const STATUS_CHANGED_JOB = 'Neubau Lindenallee (in progress)';

import { combineDataProviders } from 'react-admin';
import { auditEntriesProvider } from './audit-entries';
import { customersProvider, customerUsageProvider } from './customers';
import { extraRequestsProvider } from './extra-requests';
import { imagesProvider } from './images';
import { jobsProvider } from './jobs';
import { mailOutboxProvider } from './mail-outbox';
import { plansProvider } from './plans';
import { securityEventsProvider } from './security-events';
import { studioSettingsProvider } from './studio-settings';
import { usersProvider } from './users';

/** One provider per resource, each on typed documents (`npm run codegen`); custom actions are methods of theirs. */
export const providers = {
  jobs: jobsProvider,
  images: imagesProvider,
  customers: customersProvider,
  users: usersProvider,
  auditEntries: auditEntriesProvider,
  extraRequests: extraRequestsProvider,
  customerUsage: customerUsageProvider,
  plans: plansProvider,
  securityEvents: securityEventsProvider,
  mailOutbox: mailOutboxProvider,
  studioSettings: studioSettingsProvider,
};

export type ResourceName = keyof typeof providers;

export const dataProvider = combineDataProviders((resource) => {
  const provider = providers[resource as ResourceName];
  if (!provider) throw new Error(`unknown resource ${resource}`);
  return provider;
});

/** The data provider with the resources' custom actions typed, for `useDataProvider<PixgateDataProvider>()`. */
export type PixgateDataProvider = typeof dataProvider &
  typeof jobsProvider &
  typeof imagesProvider &
  typeof extraRequestsProvider &
  typeof usersProvider &
  typeof customersProvider;

import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver, CustomerAuditResolver, ImageAuditResolver, JobAuditResolver, UserAuditResolver } from '../modules/audit/audit.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { TotpResolver } from '../modules/auth/totp.resolver.js';
import { MailOutboxResolver } from '../modules/mail/mail-outbox.resolver.js';
import { CustomerPlanResolver, PlanResolver } from '../modules/plans/plan.resolver.js';
import { UsageResolver } from '../modules/plans/usage.resolver.js';
import { EnhancementAvailabilityResolver } from '../modules/plans/availability.resolver.js';
import { EnhancementResolver, ImageEnhancementResolver } from '../modules/enhancements/enhancement.resolver.js';
import { SecurityEventsResolver } from '../modules/security-events/security-events.resolver.js';
import { DeliveryResolver, DownloadResolver } from '../modules/downloads/download.resolver.js';
import { CustomerResolver } from '../modules/customers/customer.resolver.js';
import { ImageResolver } from '../modules/images/image.resolver.js';
import { SelectionResolver } from '../modules/images/selection.resolver.js';
import { JobResolver } from '../modules/jobs/job.resolver.js';
import { PackageResolver } from '../modules/jobs/package.resolver.js';
import { StudioResolver } from '../modules/studio/studio.resolver.js';
import { UserResolver } from '../modules/users/user.resolver.js';
import { AccountResolver } from '../modules/users/account.resolver.js';
import { ExtraRequestResolver, ImageExtraRequestsResolver, JobExtraRequestsResolver } from '../modules/extras/extra-request.resolver.js';
import { rejectUnstorableStrings } from '../shared/input-validation.js';
import { applyPermissions } from './permissions.js';

const resolvers = [AuthResolver, UserResolver, AccountResolver, CustomerResolver, JobResolver, PackageResolver, ImageResolver, SelectionResolver, StudioResolver,
  DownloadResolver, DeliveryResolver, AuditResolver, CustomerAuditResolver, JobAuditResolver, ImageAuditResolver, UserAuditResolver, SecurityEventsResolver,
  TotpResolver, MailOutboxResolver, PlanResolver, CustomerPlanResolver, UsageResolver, EnhancementAvailabilityResolver,
  EnhancementResolver, ImageEnhancementResolver, ExtraRequestResolver, ImageExtraRequestsResolver, JobExtraRequestsResolver] as const;

/** The schema as integrators see it (no permission layer): the source of schema/schema.graphql. */
export async function buildPublicSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: false,
    // Every argument of every resolver, whether written in the query or sent as a variable, once:
    // the raw arguments by name, so the error names the field (`filter.search`).
    validateFn: (_value, _type, { args }) => rejectUnstorableStrings(args, ''),
    emitSchemaFile: false,
  });
}

/** The executable schema: the public one behind graphql-shield. */
export async function buildExecutableSchema(): Promise<GraphQLSchema> {
  return applyPermissions(await buildPublicSchema());
}

export const printSchemaSdl = (schema: GraphQLSchema): string => `${printSchema(lexicographicSortSchema(schema))}\n`;

import { registerEnumType } from 'type-graphql';

export enum JobStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  DELIVERED = 'DELIVERED',
  ARCHIVED = 'ARCHIVED',
}

registerEnumType(JobStatus, {
  name: 'JobStatus',
  valuesConfig: {
    IN_PROGRESS: { description: 'Being shot or edited; customers do not see it yet.' },
    DELIVERED: { description: 'Handed over: the customer sees it.' },
    ARCHIVED: { description: 'Closed; kept for the record.' },
  },
});

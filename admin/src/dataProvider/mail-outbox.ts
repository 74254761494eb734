import type { GetListParams } from 'react-admin';
import { graphql } from '../gql';
import type { MailOutboxFieldsFragment } from '../gql/graphql';
import { request } from '../graphql/api';
import { isApiError } from '../graphql/errors';
import { fetchPage, resourceProvider } from './resource-provider';

export const MailOutboxFields = graphql(`
  fragment MailOutboxFields on MailOutboxMessage {
    id
    createdAt
    to
    subject
    text
  }
`);

const MailOutboxList = graphql(`
  query AdminMailOutboxList($first: Int, $offset: Int) {
    mailOutbox(first: $first, offset: $offset) {
      totalCount
      nodes {
        ...MailOutboxFields
      }
    }
  }
`);

export type MailOutboxRecord = MailOutboxFieldsFragment;

/** Whether the API sends mail through SMTP: then it keeps no outbox and says so (NOT_FOUND, OUTBOX_DISABLED). */
export const isOutboxDisabled = (error: unknown) => isApiError(error) && error.body.reason === 'OUTBOX_DISABLED';

/** Mail the API kept instead of sending (development, SMTP_URL unset), newest first; admins only. */
export const mailOutboxProvider = resourceProvider({
  getList: async (_resource: string, params: GetListParams) => {
    try {
      return await fetchPage(params.pagination, async (page) => {
        const { mailOutbox } = await request(MailOutboxList, page);
        return { data: mailOutbox.nodes, total: mailOutbox.totalCount };
      });
    } catch (error) {
      // Not a failure: the screen says that mail goes out through SMTP instead.
      if (isOutboxDisabled(error)) return { data: [], total: 0, meta: { outboxDisabled: true } };
      throw error;
    }
  },
});

import { graphql } from '../../gql';

/** The one mutation for the user's own settings; it answers with both, so the page shows what was saved. */
export const UpdateMySettings = graphql(`
  mutation ClientUpdateMySettings($input: MySettingsInput!) {
    updateMySettings(input: $input) {
      id
      language
      ...NotificationSwitches
    }
  }
`);

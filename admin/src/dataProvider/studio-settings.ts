import type { UpdateParams } from 'react-admin';
import { graphql } from '../gql';
import type { StudioSettingsFieldsFragment } from '../gql/graphql';
import { request } from '../graphql/api';
import { resourceProvider } from './resource-provider';

export const StudioSettingsFields = graphql(`
  fragment StudioSettingsFields on StudioSettings {
    name
    watermarkText
    defaultIncludedImages
    defaultAllowCustomerUploads
    updatedAt
  }
`);

const StudioSettingsQuery = graphql(`
  query AdminStudioSettings {
    studio {
      ...StudioSettingsFields
    }
  }
`);

const UpdateStudioSettings = graphql(`
  mutation AdminUpdateStudioSettings($input: UpdateStudioSettingsInput!) {
    updateStudioSettings(input: $input) {
      ...StudioSettingsFields
    }
  }
`);

/** The one settings record of the deployment; react-admin's forms need an id, so it gets a fixed one. */
export const STUDIO_SETTINGS_ID = 'studio';
export type StudioSettingsRecord = StudioSettingsFieldsFragment & { id: typeof STUDIO_SETTINGS_ID };

const asRecord = (settings: StudioSettingsFieldsFragment): StudioSettingsRecord => ({ ...settings, id: STUDIO_SETTINGS_ID });

type StudioSettingsValues = Pick<StudioSettingsFieldsFragment, 'name' | 'watermarkText' | 'defaultIncludedImages' | 'defaultAllowCustomerUploads'>;

/** Anyone signed in reads the settings; only admins change them (the screen is offered to admins alone). */
export const studioSettingsProvider = resourceProvider({
  getOne: async () => ({ data: asRecord((await request(StudioSettingsQuery, {})).studio) }),
  update: async (_resource: string, params: UpdateParams<StudioSettingsValues & { id: string }>) => {
    const { name, watermarkText, defaultIncludedImages, defaultAllowCustomerUploads } = params.data;
    const input = { name, watermarkText, defaultIncludedImages: defaultIncludedImages === undefined || defaultIncludedImages === null ? undefined : Number(defaultIncludedImages), defaultAllowCustomerUploads };
    return { data: asRecord((await request(UpdateStudioSettings, { input })).updateStudioSettings) };
  },
});

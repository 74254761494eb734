import {
  BooleanInput,
  DateField,
  Edit,
  Labeled,
  NumberInput,
  SimpleForm,
  TextInput,
  maxLength,
  maxValue,
  minValue,
  number,
  required,
  useTranslate,
} from 'react-admin';
import { STUDIO_SETTINGS_ID } from '../dataProvider/studio-settings';
import { SaveOnlyToolbar } from '../shared/SaveOnlyToolbar';

/** The API's bounds (api/src/modules/studio): what the form checks before it asks. */
const NAME_MAX = 200;
const WATERMARK_MAX = 60;
const PACKAGE_MAX = 100_000;

/**
 * The studio's one settings record (admins): its name, the watermark drawn over previews customers
 * may not download, and the defaults of new jobs. Shown as the resource's page, so the menu has it.
 */
export function StudioSettingsPage() {
  const translate = useTranslate();
  return (
    <Edit resource="studioSettings" id={STUDIO_SETTINGS_ID} redirect={false} mutationMode="pessimistic" title={translate('resources.studioSettings.name', { smart_count: 1 })} actions={false}>
      <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 640 }}>
        <TextInput source="name" validate={[required(), maxLength(NAME_MAX)]} fullWidth />
        <TextInput source="watermarkText" validate={maxLength(WATERMARK_MAX)} helperText="pixgate.settings.watermark_help" fullWidth />
        <NumberInput source="defaultIncludedImages" validate={[required(), number(), minValue(0), maxValue(PACKAGE_MAX)]} min={0} step={1} helperText="pixgate.settings.package_help" />
        <BooleanInput source="defaultAllowCustomerUploads" helperText="pixgate.settings.uploads_help" />
        <Labeled source="updatedAt" sx={{ mt: 1 }}>
          <DateField source="updatedAt" showTime />
        </Labeled>
      </SimpleForm>
    </Edit>
  );
}

import { Divider, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DateField,
  EditButton,
  Labeled,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { AuditTrail } from '../shared/AuditTrail';
import { RecordTitle } from '../shared/RecordTitle';
import { Section } from '../shared/Section';
import { UploadImagesButton } from '../uploads';
import { ImageGrid } from './ImageGrid';
import { JobStatusField } from './JobStatusField';
import { PackageActions } from './PackageActions';
import { PackageBar } from './PackageBar';
import { SelectionCounts } from './SelectionCounts';

function JobDetails() {
  const translate = useTranslate();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Section title={translate('pixgate.job.details')}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Labeled source="customer">
            <ReferenceField source="customer.id" reference="customers" link="show">
              <TextField source="name" />
            </ReferenceField>
          </Labeled>
          <Labeled source="status">
            <JobStatusField />
          </Labeled>
          <Labeled source="allowCustomerUploads">
            <BooleanField source="allowCustomerUploads" />
          </Labeled>
          <Labeled source="createdAt">
            <DateField source="createdAt" showTime />
          </Labeled>
          <Labeled source="deliveredAt">
            <DateField source="deliveredAt" showTime emptyText="—" />
          </Labeled>
        </Stack>
        <Divider sx={{ my: 2 }} />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ alignItems: { md: 'center' } }}>
          <PackageBar />
          <PackageActions />
        </Stack>
        <Typography variant="subtitle2" component="h3" sx={{ mt: 2, mb: 1 }}>
          {translate('pixgate.job.counts')}
        </Typography>
        <SelectionCounts />
      </Section>

      <Section title={translate('pixgate.job.images')}>
        <ReferenceManyField reference="images" target="jobId" perPage={100} sort={{ field: 'createdAt', order: 'ASC' }} pagination={<Pagination rowsPerPageOptions={[100]} />}>
          <ImageGrid />
        </ReferenceManyField>
      </Section>

      <Section title={translate('pixgate.job.audit')}>
        <ReferenceManyField reference="auditEntries" target="jobId" perPage={10} pagination={<Pagination rowsPerPageOptions={[10]} />}>
          <AuditTrail showJob={false} />
        </ReferenceManyField>
      </Section>
    </Stack>
  );
}

export function JobShow() {
  return (
    <Show
      title={<RecordTitle field="title" />}
      actions={
        <TopToolbar>
          <UploadImagesButton />
          <EditButton />
        </TopToolbar>
      }
      component="div"
    >
      <JobDetails />
    </Show>
  );
}

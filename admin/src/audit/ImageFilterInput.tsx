import { AutocompleteInput, FormDataConsumer, useGetManyReference } from 'react-admin';

/** The API lists images by job only: the chosen job's images (up to 500, by file name) to pick from. */
function JobImageInput({ jobId, source }: { jobId: string; source: string }) {
  const { data = [], isPending } = useGetManyReference<{ id: string; filename: string }>('images', {
    target: 'jobId',
    id: jobId,
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'filename', order: 'ASC' },
    filter: {},
  });
  return <AutocompleteInput source={source} choices={data} optionText="filename" isPending={isPending} sx={{ minWidth: 220 }} />;
}

/** The image filter of the audit log: offered once a job is chosen (a link from an entry sets both). */
export function ImageFilterInput({ source }: { source: string; alwaysOn?: boolean }) {
  return (
    <FormDataConsumer<{ jobId?: string }>>
      {({ formData }) =>
        formData.jobId ? (
          <JobImageInput jobId={formData.jobId} source={source} />
        ) : (
          <AutocompleteInput source={source} choices={[]} disabled helperText="pixgate.auditLog.image_needs_job" sx={{ minWidth: 220 }} />
        )
      }
    </FormDataConsumer>
  );
}

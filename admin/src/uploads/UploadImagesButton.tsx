import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import { Button } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';

/** The way into the upload screen from a job's page (its top toolbar). */
export function UploadImagesButton() {
  const job = useRecordContext();
  const translate = useTranslate();
  if (!job) return null;
  return (
    <Button component={Link} to={`/jobs/${encodeURIComponent(String(job.id))}/upload`} startIcon={<CloudUploadIcon />} size="small">
      {translate('pixgate.upload.button')}
    </Button>
  );
}

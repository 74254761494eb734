import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { JobRecord } from '../dataProvider/jobs';

/** "7 of 10 included · 2 extras pending" (or "All images released"), with a bar for how full the package is. */
export function PackageBar({ compact = false }: { compact?: boolean; source?: string; label?: string; sortable?: boolean }) {
  const job = useRecordContext<JobRecord>();
  const translate = useTranslate();
  if (!job) return null;
  const { includedCount, includedImages, pendingExtraCount, allImagesIncluded } = job;
  // With every image released the package size does not limit anything: say that instead.
  const filled = allImagesIncluded ? 100 : includedImages > 0 ? Math.min(100, (includedCount / includedImages) * 100) : includedCount > 0 ? 100 : 0;
  const text = [
    allImagesIncluded ? translate('pixgate.package.all_released') : translate('pixgate.package.included', { included: includedCount, size: includedImages }),
    ...(pendingExtraCount > 0 ? [translate('pixgate.package.pending', { smart_count: pendingExtraCount })] : []),
  ].join(' · ');
  return (
    <Box sx={{ minWidth: compact ? 160 : 280 }} data-testid="package-bar">
      <Typography variant={compact ? 'body2' : 'body1'} component="div">
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={filled}
        color={allImagesIncluded ? 'success' : 'primary'}
        sx={{ mt: 0.5, height: compact ? 4 : 8, borderRadius: 1 }}
        aria-label={text}
      />
    </Box>
  );
}

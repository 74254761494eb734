import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { JobRecord } from '../dataProvider/jobs';

/** "7 of 10 included · 2 extras pending", with a bar for how full the package is. */
export function PackageBar({ compact = false }: { compact?: boolean; source?: string; label?: string; sortable?: boolean }) {
  const job = useRecordContext<JobRecord>();
  const translate = useTranslate();
  if (!job) return null;
  const { includedCount, includedImages, pendingExtraCount, allImagesIncluded } = job;
  const filled = includedImages > 0 ? Math.min(100, (includedCount / includedImages) * 100) : includedCount > 0 ? 100 : 0;
  const text = [
    translate('pixgate.package.included', { included: includedCount, size: includedImages }),
    ...(pendingExtraCount > 0 ? [translate('pixgate.package.pending', { smart_count: pendingExtraCount })] : []),
  ].join(' · ');
  return (
    <Box sx={{ minWidth: compact ? 160 : 280 }} data-testid="package-bar">
      <Typography variant={compact ? 'body2' : 'body1'} component="div" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <span>{text}</span>
        {allImagesIncluded ? <Chip size="small" color="success" label={translate('pixgate.package.all_released')} /> : null}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={filled}
        sx={{ mt: 0.5, height: compact ? 4 : 8, borderRadius: 1 }}
        aria-label={text}
      />
    </Box>
  );
}

import CloseIcon from '@mui/icons-material/Close';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import ImageOutlinedIcon from '@mui/icons-material/ImageOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import { Box, Button, Card, CardContent, Chip, IconButton, LinearProgress, List, ListItem, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { memo, useId, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { failureText } from './failure-message';
import { formatBytes } from '@pixgate/labels';
import { percentOf } from './progress';
import { IN_FLIGHT, type UploadEntry, type UploadPhase } from './upload-queue';

type Filter = 'all' | 'failed' | 'unfinished';

const SHOWN: Record<Filter, (entry: UploadEntry) => boolean> = {
  all: () => true,
  failed: (entry) => entry.phase === 'failed',
  unfinished: (entry) => entry.phase !== 'ready',
};

const CHIP_COLOR: Partial<Record<UploadPhase, 'success' | 'error' | 'warning' | 'info'>> = { ready: 'success', failed: 'error', processing: 'warning', sending: 'info' };

interface Props {
  entries: readonly UploadEntry[];
  onRetry(key: string): void;
  onRemove(key: string): void;
}

/** Every file of the queue with its own state, progress bar and, when it failed, the API's reason and a retry. */
export function UploadList({ entries, onRetry, onRemove }: Props) {
  const translate = useTranslate();
  const [filter, setFilter] = useState<Filter>('all');
  const headingId = useId();
  const shown = entries.filter(SHOWN[filter]);
  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between', mb: 1 }}>
          <Typography id={headingId} variant="h6" component="h2">
            {translate('pixgate.upload.files')} ({entries.length})
          </Typography>
          <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_event, value: Filter | null) => value && setFilter(value)} aria-label={translate('pixgate.upload.show')}>
            <ToggleButton value="all">{translate('pixgate.upload.show_all')}</ToggleButton>
            <ToggleButton value="failed">{translate('pixgate.upload.show_failed')}</ToggleButton>
            <ToggleButton value="unfinished">{translate('pixgate.upload.show_unfinished')}</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
        {shown.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 2 }}>
            {translate(entries.length === 0 ? 'pixgate.upload.empty' : 'pixgate.upload.none_shown')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {shown.map((entry) => (
              <UploadRow key={entry.key} entry={entry} onRetry={onRetry} onRemove={onRemove} />
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

/** One file. Memoised on its entry: the queue makes a new entry object only when that file changed. */
const UploadRow = memo(function UploadRow({ entry, onRetry, onRemove }: { entry: UploadEntry; onRetry(key: string): void; onRemove(key: string): void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const percent = percentOf(entry.sentBytes, entry.size);
  const phaseLabel = entry.phase === 'waiting' && entry.retryAt ? translate('pixgate.upload.phase.retrying') : translate(`pixgate.upload.phase.${entry.phase}`, { percent });
  const inFlight = IN_FLIGHT.has(entry.phase) && entry.phase !== 'waiting';
  const failure = entry.failure ? failureText(entry.failure, (bytes) => formatBytes(bytes, locale)) : undefined;

  return (
    <ListItem divider data-testid="upload-row" data-phase={entry.phase} data-filename={entry.name} sx={{ alignItems: 'flex-start', gap: 2, py: 1 }}>
      <Thumbnail entry={entry} />
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
          <Typography variant="body2" sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={entry.name}>
            {entry.name}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {formatBytes(entry.size, locale)}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
          <Chip size="small" label={phaseLabel} color={CHIP_COLOR[entry.phase] ?? 'default'} variant={entry.phase === 'waiting' ? 'outlined' : 'filled'} data-testid="upload-phase" />
        </Stack>
        {inFlight && (
          // Determinate in every phase and without MUI's transition: an animated bar repaints every
          // frame, which for a few bars over a whole shoot cost more CPU than hashing the files.
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label={translate('pixgate.upload.file_progress', { name: entry.name })}
            sx={{ mt: 1, maxWidth: 480, '& .MuiLinearProgress-bar': { transition: 'none' } }}
          />
        )}
        {failure && (
          <Box sx={{ mt: 0.5 }} data-testid="upload-failure">
            <Typography variant="body2" color="error">
              {translate(failure.key, failure.values)} ({translate(failure.stepKey)})
            </Typography>
            {failure.serverMessage && (
              <Typography variant="caption" color="text.secondary">
                {translate('pixgate.upload.server_said', { message: failure.serverMessage })}
              </Typography>
            )}
          </Box>
        )}
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexShrink: 0 }}>
        {entry.phase === 'failed' && (
          <Button size="small" startIcon={<ReplayIcon />} onClick={() => onRetry(entry.key)} aria-label={translate('pixgate.upload.retry_name', { name: entry.name })}>
            {translate('pixgate.upload.retry')}
          </Button>
        )}
        <IconButton size="small" onClick={() => onRemove(entry.key)} aria-label={translate('pixgate.upload.remove_name', { name: entry.name })}>
          <CloseIcon fontSize="small" />
        </IconButton>
      </Stack>
    </ListItem>
  );
});

/** The rendered thumbnail once the image is READY; an icon before (the file's own pixels are not decoded here: hundreds of 24 MP images would swamp the page). */
function Thumbnail({ entry }: { entry: UploadEntry }) {
  const box = { width: 48, height: 48, borderRadius: 1, flexShrink: 0, bgcolor: 'action.hover', display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' };
  if (entry.phase === 'ready' && entry.thumbnailUrl) {
    return (
      <Box sx={box}>
        <img src={entry.thumbnailUrl} alt="" width={48} height={48} loading="lazy" style={{ objectFit: 'cover' }} />
      </Box>
    );
  }
  return <Box sx={box}>{entry.phase === 'failed' ? <ErrorOutlineIcon color="error" aria-hidden /> : <ImageOutlinedIcon color="disabled" aria-hidden />}</Box>;
}

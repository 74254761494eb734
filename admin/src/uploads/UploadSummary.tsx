import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatBytes } from '@pixgate/labels';
import { formatDuration, RateMeter, type QueueProgress } from './progress';

interface Props {
  progress: QueueProgress;
  pausedUntil?: number;
  onRetryAllFailed(): void;
  onRemoveFailed(): void;
  onClearReady(): void;
}

/** The whole queue at a glance: one labelled progress bar in bytes, files by state, rate and time left, and the bulk actions. */
export function UploadSummary({ progress, pausedUntil, onRetryAllFailed, onRemoveFailed, onClearReady }: Props) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const bytes = (value: number) => formatBytes(value, locale);
  const { rate, left } = useRate(progress);
  const { byPhase } = progress;
  const active = byPhase.hashing + byPhase.requesting + byPhase.sending + byPhase.verifying;
  const allSent = progress.files > 0 && progress.inFlight === 0;
  const settled = allSent && byPhase.processing === 0;

  const counts: { key: string; count: number; color: 'default' | 'info' | 'warning' | 'success' | 'error' }[] = [
    { key: 'waiting', count: byPhase.waiting, color: 'default' },
    { key: 'active', count: active, color: 'info' },
    { key: 'processing', count: byPhase.processing, color: 'warning' },
    { key: 'ready', count: byPhase.ready, color: 'success' },
    { key: 'failed', count: byPhase.failed, color: 'error' },
  ];

  return (
    <Card variant="outlined" component="section" aria-label={translate('pixgate.upload.overall')}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Box sx={{ flexGrow: 1 }}>
            <LinearProgress
              variant="determinate"
              value={progress.percent}
              aria-label={translate('pixgate.upload.overall')}
              aria-valuetext={`${progress.percent} %, ${bytes(progress.sentBytes)} / ${bytes(progress.totalBytes)}`}
              sx={{ height: 10, borderRadius: 5, '& .MuiLinearProgress-bar': { transition: 'none' } }}
              data-testid="upload-overall-progress"
            />
          </Box>
          <Typography variant="h6" component="p" sx={{ minWidth: '4.5ch', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
            {progress.percent} %
          </Typography>
        </Stack>
        <Typography variant="body2" sx={{ mt: 1, fontVariantNumeric: 'tabular-nums' }} data-testid="upload-overall-text">
          {translate('pixgate.upload.overall_text', {
            sent: progress.sentFiles,
            // As the bytes: of the files not failed (the failed ones have their own count).
            files: progress.files - byPhase.failed,
            sentBytes: bytes(progress.sentBytes),
            totalBytes: bytes(progress.totalBytes),
          })}
          {!allSent && rate !== undefined && left !== undefined ? ` · ${translate('pixgate.upload.rate', { rate: bytes(rate), left: formatDuration(left) })}` : ''}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1.5 }}>
          {counts.map(({ key, count, color }) => (
            <Chip key={key} size="small" variant={count > 0 ? 'filled' : 'outlined'} color={count > 0 ? color : 'default'} label={translate(`pixgate.upload.counts.${key}`, { smart_count: count })} />
          ))}
        </Stack>
        {pausedUntil !== undefined && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {translate('pixgate.upload.paused', { time: new Date(pausedUntil).toLocaleTimeString(locale) })}
          </Alert>
        )}
        {/* Announced once when it appears: the rows' own changes would be far too chatty. */}
        <Box aria-live="polite" sx={{ mt: allSent ? 2 : 0 }}>
          {allSent && (
            <Alert severity={byPhase.failed > 0 ? 'warning' : 'success'} data-testid="upload-all-sent">
              {settled ? translate('pixgate.upload.all_done', { ready: byPhase.ready, failed: byPhase.failed }) : translate('pixgate.upload.all_sent')}
            </Alert>
          )}
        </Box>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
          <Button variant="contained" color="primary" startIcon={<ReplayIcon />} disabled={byPhase.failed === 0} onClick={onRetryAllFailed}>
            {translate('pixgate.upload.retry_all')}
          </Button>
          <Button variant="outlined" disabled={byPhase.failed === 0} onClick={onRemoveFailed}>
            {translate('pixgate.upload.remove_failed')}
          </Button>
          <Button variant="outlined" disabled={byPhase.ready === 0} onClick={onClearReady}>
            {translate('pixgate.upload.clear_ready')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
}

/** Bytes per second over the last seconds and the time left at that rate, sampled once a second. */
function useRate(progress: QueueProgress): { rate?: number; left?: number } {
  const meter = useRef(new RateMeter());
  const latest = useRef(progress);
  latest.current = progress;
  const [figures, setFigures] = useState<{ rate?: number; left?: number }>({});
  const running = progress.inFlight > 0;
  useEffect(() => {
    if (!running) {
      setFigures({});
      return;
    }
    const sample = () => {
      const { sentBytes, totalBytes } = latest.current;
      meter.current.sample(Date.now(), sentBytes);
      setFigures({ rate: meter.current.bytesPerSecond(), left: meter.current.secondsLeft(totalBytes - sentBytes) });
    };
    sample();
    const timer = setInterval(sample, 1000);
    return () => clearInterval(timer);
  }, [running]);
  return figures;
}

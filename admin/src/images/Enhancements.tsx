import { Box, Chip, LinearProgress, Slider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import type { ImageDetailRecord } from '../dataProvider/images';
import type { EnhancementStatus } from '../gql/graphql';
import { useDateTime } from './ImageHistory';

type Enhancement = ImageDetailRecord['enhancements'][number];

const STATUS_COLOUR: Record<EnhancementStatus, 'default' | 'info' | 'success' | 'error'> = {
  QUEUED: 'default',
  PROCESSING: 'info',
  SUCCEEDED: 'success',
  FAILED: 'error',
  CANCELED: 'default',
};

/**
 * Before and after on top of each other: the slider (or its arrow keys) moves the edge between the
 * original on the left and the enhanced image on the right.
 */
export function BeforeAfter({ before, after, label }: { before: { url: string; alt: string }; after: { url: string; alt: string }; label: string }) {
  const translate = useTranslate();
  const [split, setSplit] = useState(50);
  const tag = { position: 'absolute', top: 8, px: 1, py: 0.25, borderRadius: 1, bgcolor: 'rgba(0,0,0,0.7)', color: 'common.white', typography: 'caption' } as const;
  return (
    // As wide as the picture (never wider than the page), so the edge and the labels sit on it.
    <Box component="figure" sx={{ m: 0, mx: 'auto', width: 'fit-content', maxWidth: '100%' }} data-testid="before-after">
      <Box sx={{ position: 'relative', bgcolor: 'grey.900', borderRadius: 1, overflow: 'hidden', lineHeight: 0 }}>
        <Box component="img" src={after.url} alt={after.alt} sx={{ maxWidth: '100%', maxHeight: 480, display: 'block' }} />
        {/* The original over the result, cut off at the slider (a style attribute: its value changes with every move). */}
        <Box
          component="img"
          src={before.url}
          alt={before.alt}
          style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}
          sx={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'fill' }}
        />
        <Box aria-hidden sx={{ position: 'absolute', top: 0, bottom: 0, width: 2, bgcolor: 'common.white' }} style={{ left: `${split}%` }} />
        <Box aria-hidden sx={{ ...tag, left: 8 }}>
          {translate('pixgate.images.enhancement.before')}
        </Box>
        <Box aria-hidden sx={{ ...tag, right: 8 }}>
          {translate('pixgate.images.enhancement.after')}
        </Box>
      </Box>
      <Slider value={split} onChange={(_event, value) => setSplit(value as number)} aria-label={translate('pixgate.images.enhancement.divider')} valueLabelDisplay="off" />
      <Typography component="figcaption" variant="caption" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}

function EnhancementItem({ enhancement }: { enhancement: Enhancement }) {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const when = useDateTime();
  const model = enhancement.model?.name ?? enhancement.modelId;
  const t = (key: string) => translate(`pixgate.images.enhancement.${key}`);
  const running = enhancement.status === 'QUEUED' || enhancement.status === 'PROCESSING';
  return (
    <Box component="li" sx={{ listStyle: 'none', borderTop: 1, borderColor: 'divider', pt: 2 }} data-testid="enhancement">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3">
          {model}
        </Typography>
        <Chip size="small" color={STATUS_COLOUR[enhancement.status]} label={translate(`pixgate.images.enums.EnhancementStatus.${enhancement.status}`)} />
        <Typography variant="body2" color="text.secondary">
          {t('requested')}: {when(enhancement.createdAt)}
          {enhancement.requestedBy ? ` · ${t('by')} ${enhancement.requestedBy.name}` : ''}
          {enhancement.finishedAt ? ` · ${t('finished')}: ${when(enhancement.finishedAt)}` : ''}
        </Typography>
        {enhancement.result ? <Link to={createPath({ resource: 'images', id: enhancement.result.id, type: 'show' })}>{t('open_result')}</Link> : null}
      </Stack>
      {running ? <LinearProgress variant="determinate" value={Math.round(enhancement.progress * 100)} aria-label={translate(`pixgate.images.enums.EnhancementStatus.${enhancement.status}`)} sx={{ mb: 1 }} /> : null}
      {enhancement.error ? (
        <Typography color="error" variant="body2" sx={{ mb: 1 }}>
          {enhancement.error.message}
        </Typography>
      ) : null}
      {enhancement.image?.previewUrl && enhancement.result?.previewUrl ? (
        <BeforeAfter
          before={{ url: enhancement.image.previewUrl, alt: `${t('before')}: ${enhancement.image.filename}` }}
          after={{ url: enhancement.result.previewUrl, alt: `${t('after')}: ${enhancement.result.filename}` }}
          label={translate('pixgate.images.enhancement.compare', { model })}
        />
      ) : null}
    </Box>
  );
}

/** The AI tasks on this image, newest first, each finished one with its before/after. */
export function Enhancements({ enhancements }: { enhancements: readonly Enhancement[] }) {
  const translate = useTranslate();
  if (enhancements.length === 0) return <Typography color="text.secondary">{translate('pixgate.images.page.no_enhancements')}</Typography>;
  return (
    <Stack component="ul" spacing={2} sx={{ m: 0, p: 0 }}>
      {enhancements.map((enhancement) => (
        <EnhancementItem key={enhancement.id} enhancement={enhancement} />
      ))}
    </Stack>
  );
}

import LockIcon from '@mui/icons-material/Lock';
import { Box, Card, CardContent, CardMedia, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { ImageRecord } from '../dataProvider/images';
import type { SelectionState } from '../gql/graphql';
import { selectionStateChoices } from '../shared/enum-choices';
import { SelectionStateChip } from '../shared/SelectionStateChip';
import { ImageActions } from './ImageActions';

/** Chips that filter the grid by selection state (the API filters). */
function StateFilter() {
  const { filterValues, setFilters } = useListContext<ImageRecord>();
  const translate = useTranslate();
  const active = filterValues.selectionState as SelectionState | undefined;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }} role="group" aria-label={translate('resources.images.fields.selectionState')}>
      <Chip label={translate('pixgate.job.all_images')} color={active ? 'default' : 'primary'} variant={active ? 'outlined' : 'filled'} onClick={() => setFilters({}, {})} aria-pressed={!active} />
      {selectionStateChoices.map((choice) => (
        <Chip
          key={choice.id}
          label={translate(choice.name)}
          color={active === choice.id ? 'primary' : 'default'}
          variant={active === choice.id ? 'filled' : 'outlined'}
          onClick={() => setFilters({ selectionState: choice.id }, {})}
          aria-pressed={active === choice.id}
        />
      ))}
    </Stack>
  );
}

function ImageCard({ image }: { image: ImageRecord }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="li" sx={{ listStyle: 'none', display: 'flex', flexDirection: 'column' }} data-testid="image-card">
      {image.thumbnailUrl ? (
        <CardMedia component="img" image={image.thumbnailUrl} alt={image.filename} loading="lazy" sx={{ aspectRatio: '4 / 3', objectFit: 'cover', bgcolor: 'grey.100' }} />
      ) : (
        <Box sx={{ aspectRatio: '4 / 3', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', color: 'text.secondary' }}>
          <Typography variant="body2">{image.status === 'READY' ? translate('pixgate.image.no_preview') : translate(`pixgate.enums.ImageStatus.${image.status}`)}</Typography>
        </Box>
      )}
      <CardContent sx={{ p: 1, '&:last-child': { pb: 1 }, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 0.5 }}>
          <Typography variant="body2" noWrap title={image.filename} sx={{ minWidth: 0 }}>
            {image.filename}
          </Typography>
          <ImageActions image={image} />
        </Stack>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <SelectionStateChip state={image.selectionState} />
          {image.locked ? (
            <Tooltip title={translate('pixgate.image.locked')}>
              <LockIcon fontSize="small" color="action" aria-label={translate('pixgate.image.locked')} role="img" />
            </Tooltip>
          ) : null}
          {image.status !== 'READY' ? <Chip size="small" variant="outlined" label={translate(`pixgate.enums.ImageStatus.${image.status}`)} /> : null}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** The images of the job in the surrounding reference list, as a grid of cards with their state badges. */
export function ImageGrid() {
  const { data, isPending } = useListContext<ImageRecord>();
  const translate = useTranslate();
  return (
    <Box>
      <StateFilter />
      {!isPending && data?.length === 0 ? <Typography color="text.secondary">{translate('pixgate.job.no_images')}</Typography> : null}
      <Box
        component="ul"
        aria-label={translate('pixgate.job.images')}
        sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 1.5, p: 0, m: 0 }}
      >
        {data?.map((image) => <ImageCard key={image.id} image={image} />)}
      </Box>
    </Box>
  );
}

import GridViewIcon from '@mui/icons-material/GridView';
import ViewListIcon from '@mui/icons-material/ViewList';
import { Box, Card, CardActionArea, CardContent, CardMedia, Checkbox, Chip, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useListContext, useStore, useTranslate } from 'react-admin';
import type { AuditEntryRecord } from '../dataProvider/audit-entries';
import type { ImageRecord } from '../dataProvider/images';
import type { SelectionState } from '../gql/graphql';
import { SelectionBar } from '../images/BulkChange';
import { ImageBadges, ImageName, ImageTable } from '../images/ImageTable';
import { Lightbox } from '../images/Lightbox';
import { WrittenAuditEntries } from '../images/WrittenAuditEntries';
import { selectionStateChoices } from '../shared/enum-choices';
import { ImageActions } from './ImageActions';

type View = 'grid' | 'list';

/** Chips that filter the images by selection state (the API filters); a new filter clears the selection. */
function StateFilter() {
  const { filterValues, setFilters, onUnselectItems } = useListContext<ImageRecord>();
  const translate = useTranslate();
  const active = filterValues.selectionState as SelectionState | undefined;
  const filter = (values: Record<string, string>) => {
    onUnselectItems();
    setFilters(values, {});
  };
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label={translate('resources.images.fields.selectionState')}>
      <Chip label={translate('pixgate.job.all_images')} color={active ? 'default' : 'primary'} variant={active ? 'outlined' : 'filled'} onClick={() => filter({})} aria-pressed={!active} />
      {selectionStateChoices.map((choice) => (
        <Chip
          key={choice.id}
          label={translate(choice.name)}
          color={active === choice.id ? 'primary' : 'default'}
          variant={active === choice.id ? 'filled' : 'outlined'}
          onClick={() => filter({ selectionState: choice.id })}
          aria-pressed={active === choice.id}
        />
      ))}
    </Stack>
  );
}

function ViewToggle({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const translate = useTranslate();
  return (
    <ToggleButtonGroup size="small" exclusive value={view} onChange={(_event, next: View | null) => next && onChange(next)} aria-label={translate('pixgate.images.view.label')}>
      <ToggleButton value="grid" aria-label={translate('pixgate.images.view.grid')} title={translate('pixgate.images.view.grid')}>
        <GridViewIcon fontSize="small" />
      </ToggleButton>
      <ToggleButton value="list" aria-label={translate('pixgate.images.view.list')} title={translate('pixgate.images.view.list')}>
        <ViewListIcon fontSize="small" />
      </ToggleButton>
    </ToggleButtonGroup>
  );
}

function ImageCard({ image, onOpen }: { image: ImageRecord; onOpen: (id: string) => void }) {
  const translate = useTranslate();
  const { selectedIds, onToggleItem } = useListContext<ImageRecord>();
  const selected = selectedIds.includes(image.id);
  return (
    <Card
      variant="outlined"
      component="li"
      sx={{ listStyle: 'none', display: 'flex', flexDirection: 'column', position: 'relative', borderColor: selected ? 'primary.main' : undefined, outline: selected ? 1 : 0, outlineColor: 'primary.main' }}
      data-testid="image-card"
    >
      <CardActionArea onClick={() => onOpen(image.id)} aria-label={translate('pixgate.images.lightbox.open', { filename: image.filename })}>
        {image.thumbnailUrl ? (
          <CardMedia component="img" image={image.thumbnailUrl} alt="" loading="lazy" sx={{ aspectRatio: '4 / 3', objectFit: 'cover', bgcolor: 'grey.100' }} />
        ) : (
          <Box sx={{ aspectRatio: '4 / 3', display: 'grid', placeItems: 'center', bgcolor: 'grey.100', color: 'text.secondary' }}>
            <Typography variant="body2">{image.status === 'READY' ? translate('pixgate.image.no_preview') : translate(`pixgate.enums.ImageStatus.${image.status}`)}</Typography>
          </Box>
        )}
      </CardActionArea>
      <Checkbox
        checked={selected}
        onChange={() => onToggleItem(image.id)}
        size="small"
        slotProps={{ input: { 'aria-label': translate('pixgate.images.select.one', { filename: image.filename }) } }}
        sx={{ position: 'absolute', top: 4, left: 4, bgcolor: 'background.paper', borderRadius: 1, p: 0.25, '&:hover': { bgcolor: 'background.paper' } }}
      />
      <CardContent sx={{ p: 1, '&:last-child': { pb: 1 }, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 0.5 }}>
          <Typography variant="body2" noWrap title={image.filename} sx={{ minWidth: 0 }}>
            <ImageName image={image} />
          </Typography>
          <ImageActions image={image} />
        </Stack>
        <ImageBadges image={image} />
      </CardContent>
    </Card>
  );
}

/**
 * The images of the job in the surrounding reference list: filter by state, a grid of cards or a
 * table, a lightbox, and bulk changes of the selected images with the audit rows they wrote.
 */
export function ImageGrid() {
  const { data, isPending, page, onUnselectItems } = useListContext<ImageRecord>();
  const translate = useTranslate();
  const [view, setView] = useStore<View>('pixgate.images.view', 'grid');
  const [lightbox, setLightbox] = useState<string | null>(null);
  const [written, setWritten] = useState<AuditEntryRecord[] | null>(null);
  // A selection is of the images on screen: another page starts a new one.
  useEffect(() => onUnselectItems(), [page]);
  const images = data ?? [];

  return (
    <Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ justifyContent: 'space-between', alignItems: 'flex-start', mb: 2, flexWrap: 'wrap' }}>
        <StateFilter />
        <ViewToggle view={view} onChange={setView} />
      </Stack>
      <SelectionBar onWritten={setWritten} />
      {written ? <WrittenAuditEntries entries={written} onDismiss={() => setWritten(null)} /> : null}
      {!isPending && images.length === 0 ? <Typography color="text.secondary">{translate('pixgate.job.no_images')}</Typography> : null}
      {view === 'list' ? (
        images.length > 0 ? <ImageTable onOpen={setLightbox} /> : null
      ) : (
        <Box component="ul" aria-label={translate('pixgate.job.images')} sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 1.5, p: 0, m: 0 }}>
          {images.map((image) => (
            <ImageCard key={image.id} image={image} onOpen={setLightbox} />
          ))}
        </Box>
      )}
      <Lightbox images={images} openId={lightbox} onOpen={setLightbox} onClose={() => setLightbox(null)} />
    </Box>
  );
}

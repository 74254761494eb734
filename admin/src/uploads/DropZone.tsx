import CloudUploadIcon from '@mui/icons-material/CloudUpload';
import FolderOpenIcon from '@mui/icons-material/FolderOpen';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslate } from 'react-admin';
import { droppedFiles, pickedFiles, type PickedFiles } from './dropped-files';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,.jpg,.jpeg,.png,.webp,.tif,.tiff';

/**
 * Where files come in: dropped (files or whole folders) anywhere on the zone, or picked with its two
 * buttons, which are what a keyboard reaches (Tab, then Enter or Space) and what a screen reader
 * announces with the zone's heading and help.
 */
export function DropZone({ concurrency, onFiles }: { concurrency: number; onFiles: (picked: PickedFiles) => void }) {
  const translate = useTranslate();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  // dragenter/dragleave fire for every child crossed: count them, so the highlight does not flicker.
  const [dragDepth, setDragDepth] = useState(0);
  const headingId = useId();
  const helpId = useId();

  const dragging = dragDepth > 0;
  const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragDepth(0);
    void droppedFiles(event.dataTransfer).then(onFiles);
  };
  const onPicked = (input: HTMLInputElement | null, fromFolder: boolean) => {
    if (!input) return;
    onFiles(pickedFiles(input.files, fromFolder));
    // The same files can be picked again (after removing them from the list).
    input.value = '';
  };

  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      aria-describedby={helpId}
      data-testid="upload-drop-zone"
      onDragEnter={(event) => carriesFiles(event) && (event.preventDefault(), setDragDepth((depth) => depth + 1))}
      onDragOver={(event) => carriesFiles(event) && (event.preventDefault(), (event.dataTransfer.dropEffect = 'copy'))}
      onDragLeave={() => setDragDepth((depth) => Math.max(0, depth - 1))}
      onDrop={onDrop}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: dragging ? 'primary.main' : 'divider',
        bgcolor: dragging ? 'action.hover' : 'background.paper',
        borderRadius: 2,
        p: { xs: 2, md: 4 },
        textAlign: 'center',
        transition: 'background-color 120ms, border-color 120ms',
      }}
    >
      <CloudUploadIcon sx={{ fontSize: 48, color: dragging ? 'primary.main' : 'text.secondary' }} aria-hidden />
      <Typography id={headingId} variant="h6" component="h2">
        {translate(dragging ? 'pixgate.upload.drop_active' : 'pixgate.upload.drop_title')}
      </Typography>
      <Typography id={helpId} variant="body2" color="text.secondary" sx={{ mt: 0.5, mb: 2 }}>
        {translate('pixgate.upload.drop_help', { concurrency })}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'center' }}>
        <Button variant="contained" startIcon={<CloudUploadIcon />} onClick={() => filesInput.current?.click()}>
          {translate('pixgate.upload.choose_files')}
        </Button>
        <Button variant="outlined" startIcon={<FolderOpenIcon />} onClick={() => folderInput.current?.click()}>
          {translate('pixgate.upload.choose_folder')}
        </Button>
      </Stack>
      <input ref={filesInput} type="file" multiple accept={ACCEPT} hidden data-testid="upload-file-input" onChange={(event) => onPicked(event.currentTarget, false)} />
      <input
        ref={(element) => {
          folderInput.current = element;
          // Not in React's typings: lets the picker choose a whole folder (every browser supports it).
          element?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid="upload-folder-input"
        onChange={(event) => onPicked(event.currentTarget, true)}
      />
    </Box>
  );
}

/**
 * The files in a drop or a folder pick, in shoot order. A dropped folder is walked (browsers hand
 * over folders as entries, not files); hidden files (.DS_Store, ._IMG_0001.jpg) are never photos.
 * Files the user picked one by one are all kept, whatever their type, so the API can say why it
 * refuses one; from folders only image types are taken, so a folder of RAW and JPEG files does not
 * fill the list with refusals — the skipped ones are counted for the user.
 */
const IMAGE_EXTENSIONS = /\.(jpe?g|png|webp|tiff?)$/i;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/tiff']);

export interface PickedFiles {
  files: File[];
  /** Files in folders that are not JPEG, PNG, WebP or TIFF images. */
  skipped: number;
}

const hidden = (name: string) => name.startsWith('.');
const isImage = (file: File) => IMAGE_TYPES.has(file.type) || (file.type === '' && IMAGE_EXTENSIONS.test(file.name));
/** IMG_2 before IMG_10, as a file manager sorts. */
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function inShootOrder(picked: PickedFiles): PickedFiles {
  return { files: [...picked.files].sort((a, b) => byName.compare(a.name, b.name)), skipped: picked.skipped };
}

/** Files from an `<input type="file">`; with `fromFolder` (webkitdirectory) filtered like a dropped folder. */
export function pickedFiles(list: FileList | null, fromFolder: boolean): PickedFiles {
  const all = [...(list ?? [])].filter((file) => !hidden(file.name));
  if (!fromFolder) return inShootOrder({ files: all, skipped: 0 });
  const images = all.filter(isImage);
  return inShootOrder({ files: images, skipped: all.length - images.length });
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function entriesOf(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/**
 * The files of a drop event. Must be called during the event: its items are gone afterwards, so
 * the entries are taken at once and walked after.
 */
export function droppedFiles(dataTransfer: DataTransfer): Promise<PickedFiles> {
  const entries = [...dataTransfer.items].filter((item) => item.kind === 'file').map((item) => item.webkitGetAsEntry?.() ?? null);
  // A browser without entries: the plain file list, folders not included.
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Promise.resolve(pickedFiles(dataTransfer.files, false));
  return (async () => {
    const files: File[] = [];
    let skipped = 0;
    const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
      if (hidden(entry.name)) return;
      if (entry.isDirectory) {
        for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, true);
        return;
      }
      const file = await fileOf(entry as FileSystemFileEntry).catch(() => null);
      if (!file) return;
      if (inFolder && !isImage(file)) skipped++;
      else files.push(file);
    };
    for (const entry of entries) await walk(entry!, false);
    return inShootOrder({ files, skipped });
  })();
}

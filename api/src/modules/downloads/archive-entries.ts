import zlib from 'node:zlib';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ObjectStorage } from '../../storage/object-storage.js';
import { Image } from '../images/image.entity.js';
import type { ZipLayoutEntry } from './zip-layout.js';
import { ArchiveSourceError } from './archive-body.js';

/**
 * The archive entries of a transfer's images, in its order, with the names it chose. Images stored
 * before CRC-32s were kept get theirs now, from their stored bytes, once for good.
 */
export async function archiveEntries(em: EntityManager, storage: ObjectStorage, images: Image[], names: string[]): Promise<ZipLayoutEntry[]> {
  for (const image of images) if (image.crc32 === null) image.crc32 = await backfillCrc32(em, storage, image);
  return images.map((image, index) => ({
    name: names[index]!,
    byteSize: image.byteSize,
    crc32: image.crc32!,
    // From the image, not the clock: the same images give the same bytes on any server, any day.
    modifiedAt: image.createdAt,
    source: image.originalKey!,
  }));
}

async function backfillCrc32(em: EntityManager, storage: ObjectStorage, image: Image): Promise<number> {
  const object = await storage.openStream(image.originalKey!);
  if (!object) throw new ArchiveSourceError('SOURCE_MISSING', `object for image ${image.id} is missing`, image.id);
  let crc32 = 0;
  for await (const chunk of object.body as AsyncIterable<Buffer>) crc32 = zlib.crc32(chunk, crc32);
  await em.nativeUpdate(Image, { id: image.id, crc32: null }, { crc32 });
  return crc32;
}

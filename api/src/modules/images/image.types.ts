import { SafeIntResolver } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, PageArgs, SortDirection } from '../../shared/connection.js';
import { ImageStatus, SelectionState } from '../../shared/domain/image-enums.js';
import { Image } from './image.entity.js';

export const ImageConnection = Connection(Image, 'Image');

@InputType()
export class RequestImageUploadInput {
  @Field(() => ID) jobId!: string;
  @Field({ description: 'The original file name; paths are stripped.' }) filename!: string;
  @Field({ description: 'image/jpeg, image/png, image/webp or image/tiff. Checked against the bytes on completion.' })
  contentType!: string;
  @Field(() => SafeIntResolver, { description: 'Exact size in bytes; the upload must match it.' }) byteSize!: number;
  @Field({ description: 'SHA-256 of the file, hex; the upload must match it.' }) sha256!: string;
}

@ObjectType({ description: 'An HTTP header the client must send with the upload.' })
export class HttpHeader {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType({ description: 'Where and how to send the bytes of a requested upload.' })
export class ImageUpload {
  @Field(() => Image) image!: Image;
  @Field({ description: 'Send the file here with `method` and `headers`, then call completeImageUpload.' }) url!: string;
  @Field() method!: string;
  @Field(() => [HttpHeader]) headers!: HttpHeader[];
  @Field() expiresAt!: Date;
}

export enum ImageSortField {
  CREATED_AT = 'createdAt',
  FILENAME = 'filename',
}
registerEnumType(ImageSortField, { name: 'ImageSortField' });

@InputType()
export class ImageFilter {
  @Field(() => [ImageStatus], { nullable: true }) status?: ImageStatus[];
  @Field(() => [SelectionState], { nullable: true }) selectionState?: SelectionState[];
  @Field(() => Boolean, { nullable: true, description: 'false: uploaded originals only; true: enhancement results only (images with derivedFrom); omitted: both.' })
  derived?: boolean;
}

@InputType()
export class AllImagesFilter extends ImageFilter {
  @Field(() => ID, { nullable: true }) jobId?: string;
  @Field(() => Date, { nullable: true, description: 'Changed at or after this time: what a client syncing its copy asks for.' }) updatedSince?: Date;
}

@ArgsType()
export class AllImagesArgs extends PageArgs {
  @Field(() => AllImagesFilter, { nullable: true }) filter?: AllImagesFilter;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.DESC, description: 'By the time of the last change: newest first by default.' })
  sortDirection!: SortDirection;
}

@ArgsType()
export class ImagesArgs extends PageArgs {
  // `first` may be up to 500 here (MAX_GALLERY_PAGE_SIZE in gallery-page.ts), unlike the other lists.
  @Field(() => ImageFilter, { nullable: true }) filter?: ImageFilter;
  @Field(() => ImageSortField, { nullable: true, defaultValue: ImageSortField.CREATED_AT }) sortBy!: ImageSortField;
  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC }) sortDirection!: SortDirection;
}

@ObjectType({ description: 'What removeImage did.' })
export class ImageRemoval {
  @Field(() => [ID], { description: 'The image asked for and the enhanced images made from it.' }) removedImageIds!: string[];
  @Field({ description: 'True when the images had not been delivered, audited or enhanced and are gone with their files; false when they are kept as REMOVED.' }) deleted!: boolean;
  @Field(() => Image, { nullable: true, description: 'The upload that took over the removed image’s place in the package.' }) replacement!: Image | null;
}

import { SafeIntResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A short-lived, single-purpose link that downloads exactly what the policy allowed.' })
export class DownloadTicket {
  @Field({ description: 'GET this URL (it answers with the file, or a redirect to it). The policy is checked again when it is used.' })
  url!: string;
  @Field({ description: 'The transfer must start before this. One that started may be resumed on the same URL (Range with a matching If-Range) for 24 hours after its start; each request is checked again.' })
  expiresAt!: Date;
  @Field({ description: 'The file name the download will carry.' }) filename!: string;
  @Field(() => SafeIntResolver, { description: 'Exact size in bytes of what the URL sends now (an archive is built when the URL is used, from what is released then).' }) byteSize!: number;
  @Field(() => Int, { description: 'How many files: 1 for an image, the entries of an archive.' }) fileCount!: number;
}

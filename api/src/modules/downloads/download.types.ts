import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A short-lived, single-purpose link that downloads exactly what the policy allowed.' })
export class DownloadTicket {
  @Field({ description: 'GET this URL (it answers with the file, or a redirect to it). The policy is checked again when it is used.' })
  url!: string;
  @Field() expiresAt!: Date;
  @Field({ description: 'The file name the download will carry.' }) filename!: string;
}

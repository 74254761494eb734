import { registerEnumType } from 'type-graphql';

/** The languages the web apps and the API's mails speak. */
export enum Language {
  DE = 'DE',
  EN = 'EN',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'A user’s language for the web apps and the mails the API sends them.',
  valuesConfig: { DE: { description: 'German.' }, EN: { description: 'English.' } },
});

/** New users speak German until they say otherwise: the studios this serves are German-speaking first. */
export const DEFAULT_LANGUAGE = Language.DE;

// negotiator 1.x ships no types; this covers the calls we make (mediaType is the one Apollo Server makes).
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The most preferred of `available` that the Accept header allows, or undefined if none. */
    mediaType(available?: string[]): string | undefined;
    /** The media types the Accept header lists (wildcards included), most preferred first. */
    mediaTypes(available?: string[]): string[];
  }
}

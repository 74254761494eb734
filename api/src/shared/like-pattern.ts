/** A case-insensitive "contains" pattern with LIKE's wildcards escaped, so `%` and `_` match themselves. */
export const containsPattern = (text: string): string => `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

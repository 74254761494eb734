export * from './locales';
export * from './enums';
export * from './errors';
export * from './sizes';

export * from './cookie-session';

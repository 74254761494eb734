import type { Logger } from '../logger.js';

type ApolloLogger = { debug(message?: unknown): void; info(message?: unknown): void; warn(message?: unknown): void; error(message?: unknown): void };

/**
 * Apollo Server's own messages, into our log instead of the console. Apollo formats errors into
 * them (`Unexpected error processing request: ${error}`), and a GraphQL error's text quotes the
 * request — a syntax error names the offending string token, its location block prints the
 * document's line — so only the first line is kept, with every quoted string blanked.
 */
export function apolloLogger(logger: Logger): ApolloLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) => logger[level]({ source: 'apollo' }, withoutRequestText(message));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export function withoutRequestText(message: unknown): string {
  const text = message instanceof Error ? `${message.name}: ${message.message}` : String(message);
  const firstLine = text.split('\n', 1)[0]!;
  return firstLine.replace(/"(?:[^"\\]|\\.)*"?/g, '"…"');
}

/** A value now or later: per-item fields of long lists stay synchronous when nothing needs loading. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Applies `use` at once to a plain value, or when a promise settles. (Not named `then`: a module
 * exporting `then` is a thenable, and `await import()` of it would call it.)
 */
export function andThen<T, R>(value: MaybePromise<T>, use: (value: T) => R): R | Promise<Awaited<R>> {
  return value instanceof Promise ? (value.then(use) as Promise<Awaited<R>>) : use(value);
}

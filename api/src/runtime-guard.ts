// MikroORM 7, pg-boss 12 and vitest 5 need Node >= 24 features; a bare `node` on these machines is 20
// and fails deep inside a dependency, so fail first with a message that says what to do.
export function assertSupportedNode(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    throw new Error(
      `pixgate needs Node 24 or later, this is ${process.version}. Run it through npm (npm start, npm test), ` +
        'which puts the node devDependency first on the PATH.',
    );
  }
}

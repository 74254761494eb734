// The back office only (kept for the scripts that name it); scripts/build-web-apps.mjs does the work.
//
//   node scripts/build-admin.mjs          build if stale
//   node scripts/build-admin.mjs --force  build anyway
process.argv.splice(2, process.argv.length - 2, 'admin', ...process.argv.slice(2).filter((arg) => arg === '--force'));
await import('./build-web-apps.mjs');

// After an install with a system Node older than 24: one line, so nobody upgrades their system
// Node for this project. npm itself ran on the old Node (its user agent says which); every npm
// script runs on the Node 24 that the `node` devDependency installs.
const NEEDED = 24;
const npmNode = /\bnode\/v(\d+)[.\d]*/.exec(process.env.npm_config_user_agent ?? '');
if (npmNode && Number(npmNode[1]) < NEEDED) {
  console.log(`pixgate: npm runs on Node ${npmNode[0].slice('node/'.length)} here; npm start, npm test and every other npm script use the Node ${NEEDED} that the node devDependency installed.`);
}

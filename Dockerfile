# The pixgate API. It runs TypeScript directly (swc-node keeps the decorator metadata that
# type-graphql and MikroORM need), exactly as `npm start` does outside Docker.
FROM node:24-slim

ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

# The watermark is SVG text rendered by librsvg: without a font it draws empty boxes.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN chown node:node /app
USER node

# Dependencies first, so source changes do not reinstall them. npm ci needs every workspace's
# package.json, and the patches and scripts of the postinstall step.
COPY --chown=node:node package.json package-lock.json ./
COPY --chown=node:node patches ./patches
COPY --chown=node:node scripts ./scripts
COPY --chown=node:node api/package.json ./api/
COPY --chown=node:node admin/package.json ./admin/
COPY --chown=node:node client/package.json ./client/
COPY --chown=node:node labels/package.json ./labels/
COPY --chown=node:node session/package.json ./session/
COPY --chown=node:node e2e/package.json ./e2e/
# Dev dependencies are needed at run time (@swc-node/register runs the TypeScript), so no --omit=dev.
RUN npm ci && npm cache clean --force

COPY --chown=node:node . .

EXPOSE 4000
# npm does not pass SIGTERM on to the server it starts. Run the container with an init that signals
# the whole process group (docker-compose.yml: `init: true` and TINI_KILL_PROCESS_GROUP=1) so that
# `docker stop` shuts the API down gracefully.
CMD ["npm", "start"]

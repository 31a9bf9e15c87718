# syntax=docker/dockerfile:1
#
# One image for every idfed app. The app is chosen at run time by the command
# (docker-compose.yml and deploy/k8s/ do this):
#
#   docker build -t idfed:local .
#   docker run --rm -p 8080:8080 idfed:local node dist/apps/gateway/src/main.js
#
# or baked in as the default with a build argument:
#
#   docker build --build-arg APP=device-gateway -t idfed-device-gateway .
#
# Apps: gateway, device-gateway, grpc-gateway, user-directory, federation-broker,
# credential-vending, device-sync. The gRPC protos (proto/) ship in the image
# at /app/proto, for the gRPC gateway and for apps that generate clients.

# Node 24, the active LTS (Node 20 reached its end of life in April 2026). The code also runs
# on Node 20 and 22 (package.json engines).
ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: install everything, compile TypeScript, drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

COPY package.json package-lock.json ./
RUN npm ci

COPY . .
RUN npm run build \
 && test -d dist/apps || { echo "npm run build produced no dist/apps" >&2; exit 1; }

# Files that are not TypeScript (.proto, templates, static pages, JSON) are
# kept at their source path and mirrored under dist/, so code can find them
# relative to either the working directory or its compiled file. Tests and
# their fixtures stay out.
RUN mkdir -p /out \
 && for d in apps libs; do \
      [ -d "$d" ] || continue; \
      find "$d" -type f ! -name '*.ts' ! -path '*/test/*' ! -path '*/fixtures/*' ! -path 'libs/testing/*' \
        -print0 > /tmp/assets; \
      xargs -0 -r cp --parents -t /out < /tmp/assets; \
      xargs -0 -r cp --parents -t dist < /tmp/assets; \
    done \
 && mkdir -p /out/scripts && cp scripts/probe-file.mjs scripts/grpc-health.mjs /out/scripts/ \
 && cp -r proto /out/proto \
 && npm prune --omit=dev \
 && npm cache clean --force \
 && mv node_modules dist package.json package-lock.json /out/

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

# IDFED_HTTP_HOST: listen on all interfaces in a container (the default,
# 127.0.0.1, would be unreachable from outside it)
ENV NODE_ENV=production \
    IDFED_DATA_DIR=/app/.idfed \
    IDFED_HTTP_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /out/ /app/
RUN mkdir -p /app/.idfed && chown node:node /app/.idfed

ARG APP=gateway
ENV IDFED_APP=${APP}
USER node
EXPOSE 8080 8081 50051 9464

# tini forwards SIGTERM to node (graceful shutdown) and reaps children.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "exec node \"dist/apps/${IDFED_APP}/src/main.js\""]

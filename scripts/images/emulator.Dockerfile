# The dropin emulator as a container. BASE is any image with node and npm on PATH and a `node`
# user: node:24-slim where a registry is reachable, or dropin/node-scratch (scripts/build-images.sh).
# Build from the repository root: docker build -f scripts/images/emulator.Dockerfile -t dropin/emulator .
ARG BASE=node:24-slim
FROM ${BASE}
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && rm -rf /root/.npm /tmp/*
COPY bin ./bin
COPY conformance ./conformance
COPY fixtures ./fixtures
USER node
ENTRYPOINT ["node", "/app/bin/dropin.js", "emulate", "--host", "0.0.0.0"]
CMD ["--port", "8080"]

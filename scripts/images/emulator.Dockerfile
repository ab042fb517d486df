# The dropin emulator as a container. BASE is any image with `node` on PATH and a `node` user:
# node:24-slim where a registry is reachable, or dropin/node-scratch built by scripts/build-images.sh.
ARG BASE=node:24-slim
FROM ${BASE}
WORKDIR /app
COPY --chown=node:node . /app
USER node
ENV NODE_ENV=production
ENTRYPOINT ["node", "/app/bin/dropin.js", "emulate", "--host", "0.0.0.0"]
CMD ["--port", "8080"]

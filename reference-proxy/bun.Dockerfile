# The reference proxy run by Bun (its Bun.serve front and fetch to the backends; see the README,
# "Running on Bun"). Build from the repository root:
#   docker build -f reference-proxy/bun.Dockerfile -t dropin-proxy-bun .
# Run with a config mounted at /etc/dropin/proxy.yaml (listen.host must be 0.0.0.0 in a container):
#   docker run -p 8080:8080 -v $PWD/proxy.yaml:/etc/dropin/proxy.yaml:ro -e OPENAI_API_KEY dropin-proxy-bun
# The packages are installed by npm from package-lock.json in a Node image (DEPS_BASE), so both
# images run the same locked versions; the final image holds Bun, not Node.
ARG DEPS_BASE=node:24-slim
ARG BASE=oven/bun:1-slim
FROM ${DEPS_BASE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && rm -rf /root/.npm /tmp/*

FROM ${BASE}
ENV NODE_ENV=production \
    DROPIN_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY conformance ./conformance
COPY fixtures ./fixtures
COPY reference-proxy ./reference-proxy

# No root at runtime (a numeric id works on any base); the proxy needs no writable paths.
USER 10001:10001

EXPOSE 8080
# /healthz answers while the process runs; DROPIN_PORT must match listen.port (plain HTTP only).
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["bun", "-e", "fetch('http://127.0.0.1:'+process.env.DROPIN_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["bun", "bin/dropin.js", "proxy"]
CMD ["--config", "/etc/dropin/proxy.yaml"]

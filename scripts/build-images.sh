#!/usr/bin/env bash
# Builds dropin's container images without any container registry:
#   dropin/node-scratch:<node major>  FROM scratch: this machine's node binary and its shared libraries
#                                     (ldd), npm, busybox (sh, env), the machine's CA bundle, /tmp and a
#                                     `node` user — a stand-in
#                                     for node:24-slim, which cannot be pulled here
#   dropin/emulator:dev               scripts/images/emulator.Dockerfile on that base
#   dropin/proxy:dev                  reference-proxy/Dockerfile — the deployment Dockerfile — on that base
#   dropin/bun-scratch:<bun version>  FROM scratch: the Bun binary of the `bun` dev dependency (npm ci first)
#                                     and its shared libraries, busybox, the CA bundle, /tmp — a stand-in
#                                     for oven/bun:1-slim
#   dropin/proxy-bun:dev              reference-proxy/bun.Dockerfile: the proxy run by Bun, its packages
#                                     installed with npm in the node base
#   dropin/fake-ollama:dev            the emulator behind an `ollama` command (serve, pull): a stand-in
#                                     for ollama/ollama to test the `ollama` target with
# `npm ci` inside the builds reaches the npm registry through host networking.
set -euo pipefail
cd "$(dirname "$0")/.."
work=".tmp/images"
node_bin=$(readlink -f "$(command -v node)")
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
if ! command -v busybox >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static; } >&2
fi
busybox=$(command -v busybox)
major=$(node -p 'process.versions.node.split(".")[0]')
base="dropin/node-scratch:$major"

rm -rf "$work" && mkdir -p "$work/rootfs"/{usr/bin,usr/local/bin,usr/local/lib/node_modules,bin,tmp,etc,home/node}
cp -L "$node_bin" "$work/rootfs/usr/bin/node"
for lib in $(ldd "$node_bin" | grep -oE '/[^ ]+'); do cp --parents -L "$lib" "$work/rootfs/"; done
cp -r "$npm_dir" "$work/rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$work/rootfs/usr/local/bin/npm"
cp -L "$busybox" "$work/rootfs/bin/busybox"
for applet in sh env rm ls cat mkdir; do ln -s /bin/busybox "$work/rootfs/bin/$applet"; done
ln -s /bin/busybox "$work/rootfs/usr/bin/env"
chmod 1777 "$work/rootfs/tmp"
# the machine's CA bundle, so npm inside the builds trusts what this machine trusts
mkdir -p "$work/rootfs/etc/ssl/certs"
cp -L /etc/ssl/certs/ca-certificates.crt "$work/rootfs/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\n' > "$work/rootfs/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' > "$work/rootfs/etc/group"
chown 1000:1000 "$work/rootfs/home/node"
cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/bin:/bin HOME=/root NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
DOCKERFILE
docker build -q -t "$base" "$work" >/dev/null
echo "built $base"

docker build -q --network host --build-arg BASE="$base" -f scripts/images/emulator.Dockerfile -t dropin/emulator:dev . >/dev/null
echo "built dropin/emulator:dev"
docker build -q --network host --build-arg BASE="$base" -f reference-proxy/Dockerfile -t dropin/proxy:dev . >/dev/null
echo "built dropin/proxy:dev"
docker build -q -f scripts/images/fake-ollama.Dockerfile -t dropin/fake-ollama:dev . >/dev/null
echo "built dropin/fake-ollama:dev"

# The Bun base, built the same way around the binary the `bun` npm package ships.
bun_bin=$(readlink -f node_modules/bun/bin/bun.exe 2>/dev/null || true)
if [ ! -x "$bun_bin" ]; then
  echo "node_modules/bun/bin/bun.exe is missing: run \`npm ci\` (bun is a dev dependency) before building the Bun image" >&2
  exit 1
fi
bun_base="dropin/bun-scratch:$("$bun_bin" --version)"
rm -rf "$work" && mkdir -p "$work/rootfs"/{usr/local/bin,usr/bin,bin,tmp,etc/ssl/certs}
cp -L "$bun_bin" "$work/rootfs/usr/local/bin/bun"
for lib in $(ldd "$bun_bin" | grep -oE '/[^ ]+'); do cp --parents -L "$lib" "$work/rootfs/"; done
cp -L "$busybox" "$work/rootfs/bin/busybox"
for applet in sh env rm ls cat mkdir; do ln -s /bin/busybox "$work/rootfs/bin/$applet"; done
ln -s /bin/busybox "$work/rootfs/usr/bin/env"
chmod 1777 "$work/rootfs/tmp"
cp -L /etc/ssl/certs/ca-certificates.crt "$work/rootfs/etc/ssl/certs/ca-certificates.crt"
printf 'root:x:0:0:root:/root:/bin/sh\nbun:x:1000:1000:bun:/tmp:/bin/sh\n' > "$work/rootfs/etc/passwd"
printf 'root:x:0:\nbun:x:1000:\n' > "$work/rootfs/etc/group"
cat > "$work/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp
DOCKERFILE
docker build -q -t "$bun_base" "$work" >/dev/null
echo "built $bun_base"
docker build -q --network host --build-arg DEPS_BASE="$base" --build-arg BASE="$bun_base" -f reference-proxy/bun.Dockerfile -t dropin/proxy-bun:dev . >/dev/null
echo "built dropin/proxy-bun:dev"

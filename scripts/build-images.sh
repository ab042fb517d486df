#!/usr/bin/env bash
# Builds dropin's container images without any registry:
#   dropin/node-scratch:<node major>  FROM scratch: this machine's node binary, its shared libraries
#                                     (from ldd), /tmp and a `node` user — a stand-in for node:24-slim
#   dropin/emulator:dev               scripts/images/emulator.Dockerfile on that base
#   dropin/proxy:dev                  reference-proxy/Dockerfile (the deployment Dockerfile) on that base
# The build context is a staged copy of the app with production dependencies only.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/.tmp/images"
node_bin=$(readlink -f "$(command -v node)")
major=$(node -p 'process.versions.node.split(".")[0]')
base="dropin/node-scratch:$major"

rm -rf "$work" && mkdir -p "$work/base/rootfs/usr/bin" "$work/base/rootfs/tmp" "$work/base/rootfs/etc" "$work/app"
cp -L "$node_bin" "$work/base/rootfs/usr/bin/node"
for lib in $(ldd "$node_bin" | grep -oE '/[^ ]+'); do cp --parents -L "$lib" "$work/base/rootfs/"; done
chmod 1777 "$work/base/rootfs/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000:node:/home/node:/sbin/nologin\n' > "$work/base/rootfs/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' > "$work/base/rootfs/etc/group"
mkdir -p "$work/base/rootfs/home/node" && chown 1000:1000 "$work/base/rootfs/home/node"
cat > "$work/base/Dockerfile" <<'DOCKERFILE'
FROM scratch
COPY rootfs/ /
ENV PATH=/usr/bin HOME=/home/node
DOCKERFILE
docker build -q -t "$base" "$work/base" >/dev/null
echo "built $base"

# The app: sources and production dependencies (npm ci from the lockfile, offline when cached).
cp package.json package-lock.json "$work/app/"
cp -r bin conformance fixtures reference-proxy "$work/app/"
find "$work/app" -name '*.test.ts' -delete
(cd "$work/app" && npm ci --omit=dev --no-audit --no-fund --prefer-offline >/dev/null 2>&1)

docker build -q --build-arg BASE="$base" -f scripts/images/emulator.Dockerfile -t dropin/emulator:dev "$work/app" >/dev/null
echo "built dropin/emulator:dev"
docker build -q --build-arg BASE="$base" -f reference-proxy/Dockerfile -t dropin/proxy:dev "$work/app" >/dev/null
echo "built dropin/proxy:dev"

#!/usr/bin/env bash
# Makes a Docker engine available on this machine: installs Debian's docker.io when missing and
# starts dockerd with host networking only (no bridge, no iptables), as these machines require.
# Prints nothing on success but one line; exit 1 when no engine could be had.
set -uo pipefail

if docker info >/dev/null 2>&1; then echo "docker: engine already running"; exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "docker: installing docker.io (Debian)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io; } >&2 || exit 1
fi

# A daemon killed earlier (e.g. when a session ended) leaves pid files that stop a new one.
for pidfile in /var/run/docker.pid /var/run/docker/containerd/containerd.pid; do
  if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then rm -f "$pidfile"; fi
done

log=${DOCKERD_LOG:-/tmp/dropin-dockerd.log}
nohup dockerd --bridge=none --iptables=false --ip6tables=false --storage-driver=overlay2 --log-level=warn >"$log" 2>&1 &
echo $! > /tmp/dropin-dockerd.pid
for _ in $(seq 1 150); do
  if docker info >/dev/null 2>&1; then echo "docker: engine started (pid $(cat /tmp/dropin-dockerd.pid))"; exit 0; fi
  sleep 0.2
done
echo "docker: dockerd did not come up; last lines of $log:" >&2
tail -20 "$log" >&2
exit 1

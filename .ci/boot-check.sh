#!/usr/bin/env bash
# Starts `npm start` exactly as a newcomer would (embedded PostgreSQL and S3, demo data), checks
# that it serves GraphQL, demo logins and previews, then stops it with Ctrl-C (SIGINT to the
# process group) and checks that nothing it started is left running.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir=$(mktemp -d /tmp/pixgate-boot-XXXXXX)
chmod 755 "$data_dir" # initdb runs as a separate system user when we are root
port=${BOOT_CHECK_PORT:-4610}
log="$data_dir/server.log"
cleanup() { rm -rf "$data_dir"; }
trap cleanup EXIT

PORT=$port DATA_DIR="$data_dir" EMBEDDED_PG_PORT=$((port + 50000 - 4000)) setsid npm start >"$log" 2>&1 &
group=$!

fail() { echo "boot check failed: $*"; tail -n 40 "$log"; kill -INT -- "-$group" 2>/dev/null || true; exit 1; }

for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  kill -0 "$group" 2>/dev/null || fail "server exited early"
  sleep 1
done
curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || fail "not ready after 180 s"
grep -q "Demo logins" "$log" || fail "no demo logins printed"

gql() { curl -fs -X POST "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' ${2:+-H "authorization: Bearer $2"} -d "$1"; }
token=$(gql '{"query":"mutation { login(email: \"makler@nordlicht.test\", password: \"pixgate-demo\") { accessToken } }"}' \
  | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "demo login did not work"
thumb=$(gql '{"query":"{ jobs(first: 1) { nodes { images(first: 1) { nodes { thumbnailUrl } } } } }"}' "$token" \
  | sed -n 's/.*"thumbnailUrl":"\([^"]*\)".*/\1/p')
[ -n "$thumb" ] || fail "no thumbnail URL for the demo customer"
curl -fs -o /dev/null "$thumb" || fail "thumbnail URL did not serve an image"

# An AI enhancement through the in-server worker: the demo customer restores one of their images.
image=$(gql '{"query":"{ jobs(first: 1) { nodes { images(first: 1) { nodes { id } } } } }"}' "$token" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
task=$(gql "{\"query\":\"mutation { enhanceImage(imageId: \\\"$image\\\", modelId: \\\"restore-basic\\\") { id } }\"}" "$token" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
[ -n "$task" ] || fail "enhanceImage did not create a task"
for _ in $(seq 1 60); do
  status=$(gql "{\"query\":\"{ enhancement(id: \\\"$task\\\") { status } }\"}" "$token" | sed -n 's/.*"status":"\([A-Z]*\)".*/\1/p')
  [ "$status" = SUCCEEDED ] && break
  [ "$status" = FAILED ] && fail "the enhancement failed"
  sleep 1
done
[ "$status" = SUCCEEDED ] || fail "the enhancement did not finish within 60 s (status $status)"

kill -INT -- "-$group"
for _ in $(seq 1 30); do
  pgrep -g "$group" >/dev/null 2>&1 || break
  sleep 1
done
if pgrep -g "$group" >/dev/null 2>&1; then fail "processes left after Ctrl-C: $(pgrep -g "$group" -a)"; fi
if pgrep -f "$data_dir/postgres" >/dev/null 2>&1; then fail "embedded PostgreSQL still running"; fi
if grep -q "embedded S3 server stopped unexpectedly" "$log"; then fail "the embedded S3 server stopped before the API stopped it"; fi
echo "boot check: embedded start, demo login, preview, an enhancement and clean shutdown all passed"

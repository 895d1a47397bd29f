#!/usr/bin/env bash
# The test command: provisions everything the tests need on a bare Debian/Ubuntu machine with the .NET SDK,
# builds, runs every test project, and ends with one line: "N passed, N failed".
#   - PostgreSQL: a throw-away cluster under .data/test (port ATS_TEST_PG_PORT, default 55433) unless
#     ATS_TEST_POSTGRES is already set;
#   - S3: s3rver on 127.0.0.1 (port ATS_TEST_S3_PORT, default 59001) unless ATS_TEST_S3_ENDPOINT is set.
# Both are stopped on exit unless ATS_KEEP_SERVICES=1.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
test_data=$root/.data/test
results=$test_data/results
started_pg=0
started_s3=0
mkdir -p "$test_data"

cleanup() {
  if [[ ${ATS_KEEP_SERVICES:-0} != 1 ]]; then
    [[ $started_pg == 1 ]] && ATS_DATA_DIR=$test_data bash infra/postgres.sh stop >&2
    [[ $started_s3 == 1 ]] && ATS_DATA_DIR=$test_data bash infra/s3.sh stop >&2
  fi
}
trap cleanup EXIT

fail_setup() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

# A port from $1 upwards that nobody listens on, so the tests never collide with a running service or cluster.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# The Cyrillic PDF tests embed DejaVu Sans (Debian's fonts-dejavu-core).
if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
  echo "test.sh: installing fonts-dejavu-core (used to build Cyrillic PDFs in tests)" >&2
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-dejavu-core >&2 \
    || fail_setup "could not install fonts-dejavu-core"
fi

if [[ -z ${ATS_TEST_POSTGRES:-} ]]; then
  pg_port=${ATS_TEST_PG_PORT:-}
  if [[ -z $pg_port ]]; then
    # Our own cluster may still run from an earlier ATS_KEEP_SERVICES=1 run: reuse its port.
    if [[ -f $test_data/postgres/postmaster.pid ]] && kill -0 "$(sed -n 1p "$test_data/postgres/postmaster.pid")" 2>/dev/null; then
      pg_port=$(sed -n 4p "$test_data/postgres/postmaster.pid")
    fi
    pg_port=${pg_port:-$(free_port 55433)}
  fi
  env_lines=$(ATS_DATA_DIR=$test_data ATS_PG_PORT=$pg_port bash infra/postgres.sh start) || fail_setup "could not start PostgreSQL"
  eval "$(grep ATS_TEST_POSTGRES <<<"$env_lines")"
  started_pg=1
fi
if [[ -z ${ATS_TEST_S3_ENDPOINT:-} ]]; then
  s3_port=${ATS_TEST_S3_PORT:-}
  if [[ -z $s3_port ]]; then
    if [[ -f $test_data/s3rver.port ]] && [[ -f $test_data/s3rver.pid ]] && kill -0 "$(cat "$test_data/s3rver.pid")" 2>/dev/null; then
      s3_port=$(cat "$test_data/s3rver.port")
    else
      s3_port=$(free_port 59001)
    fi
  fi
  echo "$s3_port" > "$test_data/s3rver.port"
  env_lines=$(ATS_DATA_DIR=$test_data ATS_S3_PORT=$s3_port bash infra/s3.sh start) || fail_setup "could not start the S3 server"
  eval "$env_lines"
  started_s3=1
fi
export ATS_TEST_POSTGRES ATS_TEST_S3_ENDPOINT ATS_TEST_S3_ACCESS_KEY ATS_TEST_S3_SECRET_KEY

echo "test.sh: building" >&2
dotnet build Ats.sln -c Release -nologo -clp:ErrorsOnly || fail_setup "build failed"

rm -rf "$results"
dotnet test Ats.sln -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$results"
rc=$?

passed=0; failed=0; found=0
for trx in "$results"/*.trx; do
  [[ -f $trx ]] || continue
  found=1
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [[ $found == 0 || ( $rc != 0 && $failed == 0 ) ]]; then failed=$((failed + 1)); fi
# Services are stopped before the totals, so the totals are the last line.
cleanup
trap - EXIT
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]

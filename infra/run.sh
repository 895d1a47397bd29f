#!/usr/bin/env bash
# The run command: starts Ats on http://127.0.0.1:${ATS_PORT:-5080} with working defaults.
#   - no ConnectionStrings__Ats given: provisions PostgreSQL from apt if missing and a cluster under .data/
#     on 127.0.0.1:${ATS_PG_PORT:-55432};
#   - builds the service, applies database migrations (an explicit step), starts the API;
#   - on the very first start the service prints an admin API key once.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
port=${ATS_PORT:-5080}

export Storage__LocalPath=${Storage__LocalPath:-$root/.data/files}
export Search__IndexPath=${Search__IndexPath:-$root/.data/index}

if [[ -z ${ConnectionStrings__Ats:-} ]]; then
  pg_env=$(bash infra/postgres.sh start) || { echo "run.sh: could not provision PostgreSQL (see above)" >&2; exit 1; }
  eval "$(grep ConnectionStrings__Ats <<<"$pg_env")"
  export ConnectionStrings__Ats
fi

echo "run.sh: building" >&2
dotnet publish src/Ats.Api/Ats.Api.csproj -c Release -o .data/app -nologo -clp:ErrorsOnly >&2

echo "run.sh: applying database migrations" >&2
(cd .data/app && dotnet Ats.Api.dll migrate)

echo "run.sh: Ats API on http://127.0.0.1:$port — interactive API page: http://127.0.0.1:$port/scalar" >&2
cd .data/app
exec dotnet Ats.Api.dll --urls "http://127.0.0.1:$port"

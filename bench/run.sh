#!/usr/bin/env bash
# The benchmark command: starts a private MariaDB, runs the engine benchmark in Release, stops
# MariaDB. Arguments are passed on, e.g. bench/run.sh --workflows 5000 --samples 300
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/mariadb.sh
dir="$(pwd)/.bench-run/mariadb"
trap 'mariadb_stop "$dir" >/dev/null 2>&1' EXIT
command -v mariadbd >/dev/null || { echo "mariadb-server is not installed (apt-get install -y mariadb-server)"; exit 1; }
rm -rf "$(pwd)/.bench-run"
mariadb_start "$dir" "${BENCH_MYSQL_PORT:-33999}" >/dev/null
# The audit mode runs the built service itself.
dotnet build src/Api -c Release --nologo -v q >/dev/null
dotnet run -c Release --project bench/Cmdb.Bench -- --mysql "$CMDB_TEST_MYSQL" "$@"

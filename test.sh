#!/usr/bin/env bash
# The test command. On a fresh Debian machine with the .NET SDK it installs what is missing,
# starts its own private MariaDB (own data dir and port, stopped by pid at the end), builds,
# runs every test project, and prints "N passed, N failed" (", N skipped" if any) as its
# last line. Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
RUN_DIR="$ROOT/.test-run"
RESULTS="$RUN_DIR/results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=scripts/mariadb.sh
source "$ROOT/scripts/mariadb.sh"
# shellcheck source=scripts/puppetserver.sh
source "$ROOT/scripts/puppetserver.sh"
# shellcheck source=scripts/slapd.sh
source "$ROOT/scripts/slapd.sh"
# shellcheck source=scripts/pdns.sh
source "$ROOT/scripts/pdns.sh"

fail() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

install_packages() {
  local missing=()
  command -v mariadbd >/dev/null 2>&1 || missing+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
  command -v puppetserver >/dev/null 2>&1 || missing+=(puppetserver)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ -x /usr/sbin/slapd ] || missing+=(slapd)
  command -v ldapsearch >/dev/null 2>&1 || missing+=(ldap-utils)
  [ -x /usr/sbin/pdns_server ] || missing+=(pdns-server)
  [ -f /usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql ] || missing+=(pdns-backend-sqlite3)
  command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v r10k >/dev/null 2>&1 || missing+=(r10k)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || fail "missing ${missing[*]}: install them (apt-get install -y ${missing[*]}) or run as root"
  echo "Installing ${missing[*]}..."
  export DEBIAN_FRONTEND=noninteractive
  # slapd must not configure a system directory of its own: the tests run a private one.
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  if ! apt-get install -y --no-install-recommends "${missing[@]}" >"$RUN_DIR/apt.log" 2>&1; then
    apt-get update >>"$RUN_DIR/apt.log" 2>&1
    apt-get install -y --no-install-recommends "${missing[@]}" >>"$RUN_DIR/apt.log" 2>&1 \
      || { tail -20 "$RUN_DIR/apt.log" >&2; fail "could not install ${missing[*]}"; }
  fi
}

free_port() {
  local port
  for port in $(shuf -i 20000-40000 -n 50); do
    (echo >/dev/tcp/127.0.0.1/"$port") >/dev/null 2>&1 || { echo "$port"; return 0; }
  done
  return 1
}

cleanup() {
  mariadb_stop "$RUN_DIR/mariadb" >/dev/null 2>&1
  puppetserver_stop "$RUN_DIR/puppet" >/dev/null 2>&1
  slapd_stop "$RUN_DIR/slapd" >/dev/null 2>&1
  pdns_stop "$RUN_DIR/pdns" >/dev/null 2>&1
}

rm -rf "$RUN_DIR" && mkdir -p "$RESULTS"
install_packages
trap cleanup EXIT

# Puppet Server (a JVM) takes the better part of a minute: it starts beside the build.
pport="$(free_port)" || fail "no free port for Puppet Server"
( puppetserver_start "$RUN_DIR/puppet" "$pport" >"$RUN_DIR/puppet-start.log" 2>&1 \
    && env | grep '^CMDB_TEST_PUPPETCA_' >"$RUN_DIR/puppet.env" ) &
puppet_starting=$!

port="$(free_port)" || fail "no free port for MariaDB"
mariadb_start "$RUN_DIR/mariadb" "$port" >"$RUN_DIR/mariadb-start.log" 2>&1 \
  || { cat "$RUN_DIR/mariadb-start.log" >&2; fail "MariaDB did not start"; }
echo "MariaDB 127.0.0.1:$port (data in $RUN_DIR/mariadb)"
export CMDB_TEST_MYSQL

lport="$(free_port)" || fail "no free port for slapd"
slapd_start "$RUN_DIR/slapd" "$lport" >"$RUN_DIR/slapd-start.log" 2>&1 \
  || { cat "$RUN_DIR/slapd-start.log" >&2; fail "slapd did not start"; }
echo "OpenLDAP $CMDB_TEST_LDAP_URL"

dport="$(free_port)" && aport="$(free_port)" || fail "no free ports for PowerDNS"
pdns_start "$RUN_DIR/pdns" "$dport" "$aport" >"$RUN_DIR/pdns-start.log" 2>&1 \
  || { cat "$RUN_DIR/pdns-start.log" >&2; fail "PowerDNS did not start"; }
echo "PowerDNS $CMDB_TEST_PDNS_API (DNS $CMDB_TEST_PDNS_DNS)"
export CI="${CI:-}"

echo "Building..."
dotnet build Cmdb.sln -c Release --nologo -v q -clp:ErrorsOnly >"$RUN_DIR/build.log" 2>&1 \
  || { grep -E "error" "$RUN_DIR/build.log" | sort -u | head -40 >&2; fail "build failed"; }

wait "$puppet_starting" || { cat "$RUN_DIR/puppet-start.log" >&2; fail "Puppet Server did not start"; }
set -a
# shellcheck disable=SC1091
source "$RUN_DIR/puppet.env"
set +a
echo "Puppet Server $CMDB_TEST_PUPPETCA_URL"

passed=0 failed=0 skipped=0
# run_tests PROJECT NAME [FILTER]: one dotnet test run, counted from its trx.
run_tests() {
  local project="$1" name="$2" filter="${3:-}"
  echo "Testing $name..."
  local args=(-c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS")
  [ -n "$filter" ] && args+=(--filter "$filter")
  dotnet test "$project" "${args[@]}" 2>&1 | grep -vE "^\s*$" | tail -40
  local trx="$RESULTS/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "  $name produced no results: counted as one failure"
    failed=$((failed + 1))
    return
  fi
  local counters
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  local p f s
  p=$(count passed); f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
  s=$(count notExecuted)
  echo "  $name: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
}

for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  if [ "$name" = "Cmdb.Workflows.Tests" ]; then
    # The crash and two-node tests start engine processes that need both cores to themselves:
    # they run in a process of their own, after the rest, with nothing else polling.
    run_tests "$project" "$name" "FullyQualifiedName!~Durability"
    run_tests "$project" "$name.Durability" "FullyQualifiedName~Durability"
  else
    run_tests "$project" "$name"
  fi
done

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]

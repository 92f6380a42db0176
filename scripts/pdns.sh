# Private PowerDNS authoritative servers as plain processes (no service manager, no Docker), for
# the DNS tests. Needs the Debian packages pdns-server and pdns-backend-sqlite3.
# Source this file, then:
#   pdns_start DIR DNS_PORT API_PORT   start a fresh server (config, sqlite data, pid and log in
#                          DIR) answering DNS on 127.0.0.1:DNS_PORT and its HTTP API on
#                          127.0.0.1:API_PORT, serving the zone edge.example.test, and export
#                          CMDB_TEST_PDNS_API, CMDB_TEST_PDNS_KEY, CMDB_TEST_PDNS_DNS (host:port)
#                          and CMDB_TEST_PDNS_ZONE
#   pdns_stop DIR          stop the server started from DIR (by its pid)
# DIR belongs under a git-ignored folder such as .test-run/: it holds the API key.

PDNS_ZONE="edge.example.test"

pdns_start() {
  local dir="${1:-}" dns_port="${2:-}" api_port="${3:-}"
  [ -n "$dir" ] && [ -n "$dns_port" ] && [ -n "$api_port" ] || { echo "usage: pdns_start DIR DNS_PORT API_PORT"; return 1; }
  command -v pdns_server >/dev/null 2>&1 || [ -x /usr/sbin/pdns_server ] \
    || { echo "pdns_server is not installed: apt-get install -y pdns-server pdns-backend-sqlite3"; return 1; }
  local schema=/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql
  [ -f "$schema" ] || { echo "$schema not found: apt-get install -y pdns-backend-sqlite3"; return 1; }
  command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 is missing: apt-get install -y sqlite3"; return 1; }

  pdns_stop "$dir"
  rm -rf "$dir" && mkdir -p "$dir"
  sqlite3 "$dir/pdns.sqlite3" <"$schema" || { echo "could not create the sqlite database"; return 1; }

  # A throwaway API key per run, written only under DIR.
  local key
  key="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  cat >"$dir/pdns.conf" <<CONF
launch=gsqlite3
gsqlite3-database=$dir/pdns.sqlite3
local-address=127.0.0.1
local-port=$dns_port
api=yes
api-key=$key
webserver=yes
webserver-address=127.0.0.1
webserver-port=$api_port
webserver-allow-from=127.0.0.0/8
daemon=no
guardian=no
socket-dir=$dir
cache-ttl=0
negquery-cache-ttl=0
query-cache-ttl=0
zone-cache-refresh-interval=0
CONF
  chmod 600 "$dir/pdns.conf"
  pdnsutil --config-dir="$dir" create-zone "$PDNS_ZONE" "ns1.$PDNS_ZONE" >"$dir/zone.log" 2>&1 \
    || { cat "$dir/zone.log"; return 1; }

  /usr/sbin/pdns_server --config-dir="$dir" >"$dir/pdns.log" 2>&1 &
  echo $! >"$dir/pdns.process.pid"
  for _ in $(seq 1 100); do
    curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$api_port/api/v1/servers/localhost" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -sf -H "X-API-Key: $key" "http://127.0.0.1:$api_port/api/v1/servers/localhost" >/dev/null 2>&1 \
    || { echo "PowerDNS did not start:"; tail -20 "$dir/pdns.log"; return 1; }

  export CMDB_TEST_PDNS_API="http://127.0.0.1:$api_port"
  export CMDB_TEST_PDNS_KEY="$key"
  export CMDB_TEST_PDNS_DNS="127.0.0.1:$dns_port"
  export CMDB_TEST_PDNS_ZONE="$PDNS_ZONE"
}

pdns_stop() {
  local dir="${1:-}"
  [ -f "$dir/pdns.process.pid" ] || return 0
  local pid
  pid="$(cat "$dir/pdns.process.pid")"
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  rm -f "$dir/pdns.process.pid"
}

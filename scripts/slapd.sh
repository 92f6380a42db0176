# Private OpenLDAP servers as plain processes (no service manager, no Docker), for the LDAP tests.
# Needs the Debian packages slapd and ldap-utils, installed without their default database:
#   echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
#   DEBIAN_FRONTEND=noninteractive apt-get install -y slapd ldap-utils
# Source this file, then:
#   slapd_start DIR PORT   start a fresh server (config, data, pid and log in DIR) on
#                          127.0.0.1:PORT with suffix dc=cmdb,dc=test and ou=hosts under it, and
#                          export CMDB_TEST_LDAP_URL, CMDB_TEST_LDAP_BINDDN, CMDB_TEST_LDAP_PASSWORD
#                          and CMDB_TEST_LDAP_BASE (the suffix)
#   slapd_stop DIR         stop the server started from DIR (by its pid)
# DIR belongs under a git-ignored folder such as .test-run/: it holds the hashed password.

SLAPD_SUFFIX="dc=cmdb,dc=test"
SLAPD_ROOTDN="cn=admin,$SLAPD_SUFFIX"

slapd_start() {
  local dir="${1:-}" port="${2:-}"
  local url="ldap://127.0.0.1:$port"
  [ -n "$dir" ] && [ -n "$port" ] || { echo "usage: slapd_start DIR PORT"; return 1; }
  command -v slapd >/dev/null 2>&1 || [ -x /usr/sbin/slapd ] \
    || { echo "slapd is not installed: preseed slapd/no_configuration=true, then apt-get install -y slapd ldap-utils"; return 1; }
  command -v ldapsearch >/dev/null 2>&1 || { echo "ldapsearch is missing: apt-get install -y ldap-utils"; return 1; }

  # A fresh directory every run: the password below is new each time, and tests expect a clean tree.
  slapd_stop "$dir"
  rm -rf "$dir/data"
  mkdir -p "$dir/data"

  # A throwaway password per run: only its salted hash is written, and only under DIR.
  local password hash modulepath
  password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  hash="$(/usr/sbin/slappasswd -s "$password")" || { echo "slappasswd failed"; return 1; }
  modulepath="$(dirname "$(ls /usr/lib/ldap/back_mdb.so /usr/lib/*/ldap/back_mdb.so 2>/dev/null | head -1)")"
  [ -f "$modulepath/back_mdb.so" ] || { echo "back_mdb.so not found under /usr/lib: is slapd installed?"; return 1; }

  cat >"$dir/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
modulepath $modulepath
moduleload back_mdb
database mdb
maxsize 104857600
suffix "$SLAPD_SUFFIX"
rootdn "$SLAPD_ROOTDN"
rootpw $hash
directory $dir/data
index objectClass eq
index cn eq
CONF
  chmod 600 "$dir/slapd.conf"

  local started
  started="$(date +%s%N)"
  # -d keeps slapd in the foreground (so its pid is ours to stop); "none" still logs start-up errors.
  /usr/sbin/slapd -f "$dir/slapd.conf" -h "$url/" -d none >"$dir/slapd.log" 2>&1 &
  echo $! >"$dir/slapd.process.pid"
  local pid
  pid="$(cat "$dir/slapd.process.pid")"
  # Our process must be alive too: on a taken port, another server could be the one answering.
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    ldapsearch -x -H "$url" -s base -b "" namingContexts >/dev/null 2>&1 && break
    sleep 0.05
  done
  if ! kill -0 "$pid" 2>/dev/null || ! ldapsearch -x -H "$url" -s base -b "" namingContexts >/dev/null 2>&1; then
    echo "slapd did not start on $url:"
    tail -20 "$dir/slapd.log"
    slapd_stop "$dir"
    return 1
  fi

  ldapadd -x -H "$url" -D "$SLAPD_ROOTDN" -w "$password" >"$dir/base.log" 2>&1 <<LDIF || { cat "$dir/base.log"; slapd_stop "$dir"; return 1; }
dn: $SLAPD_SUFFIX
objectClass: dcObject
objectClass: organization
dc: cmdb
o: Cmdb tests

dn: ou=hosts,$SLAPD_SUFFIX
objectClass: organizationalUnit
ou: hosts
LDIF
  echo "slapd on $url ready in $(( ($(date +%s%N) - started) / 1000000 )) ms (pid $pid, log $dir/slapd.log)"

  export CMDB_TEST_LDAP_URL="$url"
  export CMDB_TEST_LDAP_BINDDN="$SLAPD_ROOTDN"
  export CMDB_TEST_LDAP_PASSWORD="$password"
  export CMDB_TEST_LDAP_BASE="$SLAPD_SUFFIX"
}

slapd_stop() {
  local dir="${1:-}"
  [ -f "$dir/slapd.process.pid" ] || return 0
  local pid
  pid="$(cat "$dir/slapd.process.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$dir/slapd.process.pid"
}

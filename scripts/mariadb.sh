# Private MariaDB instances as plain processes (no service manager, no Docker).
# Source this file, then:
#   mariadb_start DIR PORT   start an instance with its data in DIR on 127.0.0.1:PORT and
#                            export CMDB_TEST_MYSQL, a connection string for a fresh user
#   mariadb_stop DIR         stop the instance started from DIR (by its pid)

mariadb_start() {
  local dir="$1" port="$2"
  mkdir -p "$dir/tmp"
  if [ ! -d "$dir/data/mysql" ]; then
    mariadb-install-db --datadir="$dir/data" --tmpdir="$dir/tmp" --user=root --auth-root-authentication-method=normal \
      --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log"; return 1; }
  fi
  mariadbd --no-defaults --datadir="$dir/data" --tmpdir="$dir/tmp" --socket="$dir/s.sock" --port="$port" \
    --bind-address=127.0.0.1 --user=root --skip-log-bin --pid-file="$dir/mariadb.pid" \
    --max-connections=1000 --innodb-buffer-pool-size=256M --log-error="$dir/error.log" &
  echo $! >"$dir/mariadbd.pid"
  for _ in $(seq 1 100); do
    mariadb-admin --socket="$dir/s.sock" ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb-admin --socket="$dir/s.sock" ping >/dev/null 2>&1 || { echo "MariaDB did not start:"; tail -20 "$dir/error.log"; return 1; }

  # A throwaway password per run: nothing secret is written to the repository.
  local password
  password="$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  mariadb --socket="$dir/s.sock" -uroot <<SQL
CREATE USER IF NOT EXISTS 'cmdb'@'localhost' IDENTIFIED BY '$password';
CREATE USER IF NOT EXISTS 'cmdb'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER 'cmdb'@'localhost' IDENTIFIED BY '$password';
ALTER USER 'cmdb'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON *.* TO 'cmdb'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'cmdb'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  export CMDB_TEST_MYSQL="Server=127.0.0.1;Port=$port;User ID=cmdb;Password=$password"
}

mariadb_stop() {
  local dir="$1"
  [ -f "$dir/mariadbd.pid" ] || return 0
  local pid
  pid="$(cat "$dir/mariadbd.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/mariadbd.pid"
}

# A private Puppet Server 7 with its CA as a plain java process (no systemd, no Docker).
# Needs the Debian package `puppetserver` (it brings java and the `puppetserver ca` tool).
# Source this file, then:
#   puppetserver_start DIR PORT   set up a CA and a server under DIR, listening on 127.0.0.1:PORT,
#                                 with certname and dns_alt_names `localhost`, make Cmdb's client
#                                 certificate `cmdb-service` (pp_cli_auth), start the server and
#                                 export CMDB_TEST_PUPPETCA_URL, _CERT, _KEY, _CACERT and _CONFIG
#                                 (the conf dir; `puppetserver ca ... --config $CMDB_TEST_PUPPETCA_CONFIG/puppet.conf`)
#   puppetserver_stop DIR         stop the server started from DIR (by its pid)
# Everything generated (keys, certificates, logs) stays under DIR: keep DIR git-ignored (.test-run/).

puppetserver_start() {
  local dir="$1" port="$2"
  local conf="$dir/conf" ssl="$dir/ssl"
  [ -n "$dir" ] && [ -n "$port" ] || { echo "usage: puppetserver_start DIR PORT" >&2; return 1; }
  command -v puppetserver >/dev/null 2>&1 && [ -f /usr/share/puppetserver/puppetserver.jar ] \
    || { echo "puppetserver is not installed: apt-get install -y puppetserver" >&2; return 1; }
  dir="$(mkdir -p "$dir" && cd "$dir" && pwd)"
  conf="$dir/conf" ssl="$dir/ssl"
  if [ -f "$dir/puppetserver.pid" ] && kill -0 "$(cat "$dir/puppetserver.pid")" 2>/dev/null; then
    echo "a Puppet Server from $dir is running already: puppetserver_stop $dir first" >&2
    return 1
  fi

  if [ ! -f "$conf/puppet.conf" ]; then
    mkdir -p "$dir"/{code,var,log,run}
    cp -r /etc/puppet/puppetserver "$conf"
    _puppetserver_write_config "$dir" "$port" || return 1
  fi
  # The port may differ from the previous run in the same DIR.
  sed -i "s/^    serverport = .*/    serverport = $port/" "$conf/puppet.conf"
  sed -i "s/^    ssl-port: .*/    ssl-port: $port/" "$conf/conf.d/webserver.conf"

  if [ ! -f "$dir/ca/ca_crt.pem" ]; then
    puppetserver ca setup --config "$conf/puppet.conf" >"$dir/ca-setup.log" 2>&1 \
      || { echo "puppetserver ca setup failed:" >&2; cat "$dir/ca-setup.log" >&2; return 1; }
  fi
  # Signed offline with the pp_cli_auth extension, which the stock auth.conf requires for
  # certificate_status; offline signing must happen while the server is down.
  if [ ! -f "$ssl/certs/cmdb-service.pem" ]; then
    puppetserver ca generate --ca-client --certname cmdb-service --config "$conf/puppet.conf" >"$dir/ca-client.log" 2>&1 \
      || { echo "generating the cmdb-service client certificate failed:" >&2; cat "$dir/ca-client.log" >&2; return 1; }
  fi

  # Modest memory; tiered compilation level 1 starts the JVM faster, which matters more here
  # than peak speed.
  java -Xms512m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+CrashOnOutOfMemoryError \
    -XX:ErrorFile="$dir/log/java_err_pid%p.log" \
    -Djruby.logger.class=com.puppetlabs.jruby_utils.jruby.Slf4jLogger -Djruby.lib=/usr/share/jruby/lib \
    -Dlogappender=STDOUT \
    -jar /usr/share/puppetserver/puppetserver.jar \
    --config "$conf/conf.d" --bootstrap-config "$conf/services.d" --restart-file "$dir/run/restart" \
    >"$dir/log/server.out" 2>&1 &
  echo $! >"$dir/puppetserver.pid"

  local i
  for i in $(seq 1 360); do
    curl -fsS --max-time 2 --cacert "$ssl/certs/ca.pem" "https://localhost:$port/status/v1/simple" >/dev/null 2>&1 && break
    kill -0 "$(cat "$dir/puppetserver.pid")" 2>/dev/null || break
    sleep 0.5
  done
  if ! curl -fsS --max-time 2 --cacert "$ssl/certs/ca.pem" "https://localhost:$port/status/v1/simple" >/dev/null 2>&1; then
    echo "Puppet Server did not answer on 127.0.0.1:$port within 180 s:" >&2
    tail -40 "$dir/log/server.out" >&2
    puppetserver_stop "$dir"
    return 1
  fi

  export CMDB_TEST_PUPPETCA_URL="https://localhost:$port"
  export CMDB_TEST_PUPPETCA_CERT="$ssl/certs/cmdb-service.pem"
  export CMDB_TEST_PUPPETCA_KEY="$ssl/private_keys/cmdb-service.pem"
  export CMDB_TEST_PUPPETCA_CACERT="$ssl/certs/ca.pem"
  export CMDB_TEST_PUPPETCA_CONFIG="$conf"
}

puppetserver_stop() {
  local dir="$1"
  [ -f "$dir/puppetserver.pid" ] || return 0
  local pid
  pid="$(cat "$dir/puppetserver.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$dir/puppetserver.pid"
}

# A private copy of the stock configuration, pointed at DIR and 127.0.0.1:PORT.
_puppetserver_write_config() {
  local dir="$1" port="$2" conf="$1/conf"
  cat >"$conf/puppet.conf" <<EOF
[main]
    certname = localhost
    server = localhost
    serverport = $port
    dns_alt_names = localhost
    ssldir = $dir/ssl
    cadir = $dir/ca
    vardir = $dir/var
    logdir = $dir/log
    rundir = $dir/run
    codedir = $dir/code
    # Test keys only: 2048 bits keeps generating agent certificates quick.
    keylength = 2048
EOF
  cat >"$conf/conf.d/webserver.conf" <<EOF
webserver: {
    access-log-config: $conf/request-logging.xml
    client-auth: want
    ssl-host: 127.0.0.1
    ssl-port: $port
}
EOF
  cat >"$conf/conf.d/global.conf" <<EOF
global: {
    logging-config: $conf/logback.xml
}
EOF
  cat >"$conf/conf.d/puppetserver.conf" <<EOF
jruby-puppet: {
    ruby-load-path: [/usr/lib/puppetserver/ruby/vendor_ruby]
    gem-home: $dir/var/jruby-gems
    gem-path: [\${jruby-puppet.gem-home}, "/usr/lib/puppetserver/vendored-jruby-gems"]
    server-conf-dir: $conf
    server-code-dir: $dir/code
    server-var-dir: $dir/var
    server-run-dir: $dir/run
    server-log-dir: $dir/log
    # Only the CA is exercised: one JRuby instance saves start time and memory.
    max-active-instances: 1
}
http-client: {
}
profiler: {
}
# No network here: no update check, no usage reports.
product: {
    check-for-updates: false
}
dropsonde: {
    enabled: false
}
EOF
  sed -i "s#/var/log/puppetserver#$dir/log#g" "$conf/logback.xml" "$conf/request-logging.xml"
}

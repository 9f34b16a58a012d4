#!/usr/bin/env bash
# Starts and stops the scale-out services as plain processes on 127.0.0.1 (no systemd, no Docker):
#   RabbitMQ    on RABBITMQ_PORT (default 5673)
#   PostgreSQL  on POSTGRES_PORT (default 5433), user postgres, trust authentication on 127.0.0.1 only
#   Azurite     on AZURITE_PORT  (default 10010), blob service only
# Usage: infra/services.sh start|stop|restart|status [rabbitmq|postgres|azurite|all]   (default: all)
#        infra/services.sh vhost NAME   (adds a RabbitMQ virtual host for guest)
# State and logs live in SERVICES_DIR (default /tmp/ingestpipeline-services). After start the connection
# settings are printed and written to SERVICES_DIR/env as Pipeline__* environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

action=${1:-start}
which=${2:-all}
dir=${SERVICES_DIR:-/tmp/ingestpipeline-services}
rabbit_port=${RABBITMQ_PORT:-5673}
pg_port=${POSTGRES_PORT:-5433}
azurite_port=${AZURITE_PORT:-10010}
epmd_port=$((rabbit_port + 10000))
node=ingestpipeline@localhost
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
azurite_js=$root/infra/tools/node_modules/azurite/dist/src/blob/main.js
# Azurite's documented development account: a fixed, public key for the emulator only.
azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

mkdir -p "$dir"
chmod 755 "$dir"

rabbit_env() {
  export HOME=$dir/rabbitmq RABBITMQ_NODENAME=$node RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$rabbit_port \
    RABBITMQ_DIST_PORT=$((rabbit_port + 20000)) RABBITMQ_MNESIA_BASE=$dir/rabbitmq/mnesia RABBITMQ_LOG_BASE=$dir/rabbitmq/log \
    RABBITMQ_PID_FILE=$dir/rabbitmq/pid RABBITMQ_ENABLED_PLUGINS_FILE=$dir/rabbitmq/enabled_plugins \
    RABBITMQ_CONFIG_FILE=$dir/rabbitmq/rabbitmq ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT=$epmd_port
}

start_rabbitmq() {
  (rabbit_env; mkdir -p "$HOME/log" "$HOME/mnesia"; echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
   echo "loopback_users = none" > "$RABBITMQ_CONFIG_FILE.conf"
   if /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" status >/dev/null 2>&1; then exit 0; fi
   nohup /usr/lib/rabbitmq/bin/rabbitmq-server > "$HOME/log/console.log" 2>&1 &
   /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" wait --timeout 60 "$RABBITMQ_PID_FILE" >/dev/null)
}
stop_rabbitmq() {
  (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" shutdown >/dev/null 2>&1 || true; epmd -port "$epmd_port" -kill >/dev/null 2>&1 || true)
}

pg() { runuser -u postgres -- "$pg_bin/$1" "${@:2}"; }
start_postgres() {
  local data=$dir/postgres/data
  mkdir -p "$dir/postgres/socket"
  chown -R postgres:postgres "$dir/postgres"
  [[ -f $data/PG_VERSION ]] || pg initdb -D "$data" -U postgres -A trust --no-sync >/dev/null
  if ! pg pg_ctl -D "$data" status >/dev/null 2>&1; then
    pg pg_ctl -w -t 60 -D "$data" -l "$dir/postgres/log" start \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir/postgres/socket -c max_connections=200 -c fsync=off" >/dev/null
  fi
}
stop_postgres() {
  [[ -d $dir/postgres/data ]] && pg pg_ctl -w -D "$dir/postgres/data" stop -m fast >/dev/null 2>&1 || true
}

start_azurite() {
  mkdir -p "$dir/azurite"
  if [[ -f $dir/azurite/pid ]] && kill -0 "$(cat "$dir/azurite/pid")" 2>/dev/null; then return; fi
  nohup node "$azurite_js" --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$dir/azurite" --silent \
    > "$dir/azurite/log" 2>&1 &
  echo $! > "$dir/azurite/pid"
  for _ in $(seq 100); do
    (echo > /dev/tcp/127.0.0.1/"$azurite_port") 2>/dev/null && return
    sleep 0.1
  done
  echo "Azurite did not start; see $dir/azurite/log" >&2
  return 1
}
stop_azurite() {
  local pid
  [[ -f $dir/azurite/pid ]] || return 0
  pid=$(cat "$dir/azurite/pid")
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$dir/azurite/pid"
}

write_env() {
  # Single-quoted: connection strings hold ';' and '='. Source it with `set -a; . SERVICES_DIR/env; set +a`.
  cat > "$dir/env" <<ENV
Pipeline__Bus__Transport='RabbitMq'
Pipeline__Bus__Host='127.0.0.1'
Pipeline__Bus__Port='$rabbit_port'
Pipeline__Database__Provider='Postgres'
Pipeline__Database__ConnectionString='Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=ingestpipeline'
Pipeline__Blobs__Provider='Azure'
Pipeline__Blobs__ConnectionString='DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;'
ENV
  cat "$dir/env"
}

services=(rabbitmq postgres azurite)
[[ $which != all ]] && services=("$which")
case $action in
  start) infra/install-deps.sh --services; for s in "${services[@]}"; do "start_$s"; done; write_env ;;
  stop) for s in "${services[@]}"; do "stop_$s"; done ;;
  restart) for s in "${services[@]}"; do "stop_$s"; "start_$s"; done ;;
  vhost) # infra/services.sh vhost NAME: a RabbitMQ virtual host of its own (tests keep their queues apart)
    (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" add_vhost "$which" >/dev/null 2>&1 || true
     /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" set_permissions -p "$which" guest ".*" ".*" ".*" >/dev/null) ;;
  status)
    (rabbit_env; /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$node" status >/dev/null 2>&1 && echo "rabbitmq: running on $rabbit_port" || echo "rabbitmq: stopped")
    pg pg_ctl -D "$dir/postgres/data" status >/dev/null 2>&1 && echo "postgres: running on $pg_port" || echo "postgres: stopped"
    [[ -f $dir/azurite/pid ]] && kill -0 "$(cat "$dir/azurite/pid")" 2>/dev/null && echo "azurite: running on $azurite_port" || echo "azurite: stopped" ;;
  *) echo "usage: infra/services.sh start|stop|restart|status [rabbitmq|postgres|azurite|all]" >&2; exit 2 ;;
esac

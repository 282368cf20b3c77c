# Sourced by the bench/run-* scripts. Needs $root (the repository) set.
#
#   build_bench_jar            builds bench/target/hearth-bench.jar when it is missing
#   start_hearth PORT AGENT    starts server-config/run on PORT with an empty H2 database in a new
#                              temporary HEARTH_DATA (AGENT=true also starts its local node agent),
#                              waits until it answers, and sets server_pid, hearth_data (and
#                              agent_pid); an EXIT trap stops it and deletes the data. Called again
#                              (on another port, with HEARTH_DB_URL), it starts another server: the
#                              trap stops them all. HEARTH_JAVA_OPTS and
#                              HEARTH_AGENT_JAVA_OPTS reach the server's and the agent's JVMs;
#                              with BENCH_JFR set, JFR keeps 256 frames per stack (its default
#                              64 cuts most of Payara's EJB stacks before they reach Hearth).
#                              The local agent prices everything at 0 (HEARTH_AGENT_CONFIG), so a
#                              driver's unfunded tenant can rent its VMs.
#                              Rate limits are lifted (0: not counted; a driver is one IP sending at full speed)
#                              unless HEARTH_RATE_LIMIT_* are set; so are the relay's
#                              (HEARTH_RELAY_RATE_*). With HEARTH_DB_URL set, the server uses that
#                              database instead of H2.
#   use_postgres_database NAME creates an empty PostgreSQL database NAME_<pid> (PGHOST, PGPORT, PGUSER
#                              and PGPASSWORD, default 127.0.0.1 / 5432 / postgres / postgres), points
#                              HEARTH_DB_* at it for start_hearth, and drops it on EXIT (after
#                              Hearth has stopped); sql runs psql on it (-Atq, stops on errors).

bench_jar="$root/bench/target/hearth-bench.jar"

build_bench_jar() {
  if [ ! -f "$bench_jar" ]; then
    echo "Building the driver..." >&2
    mvn -q -f "$root/pom.xml" -pl bench -am package -DskipTests -Dspotless.check.skip=true
  fi
}

start_hearth() {
  local port="$1" agent="$2"
  if curl -fsS -o /dev/null "http://localhost:$port/health/ready" 2>/dev/null; then
    echo "Something already answers on port $port; stop it or choose another HEARTH_PORT." >&2
    exit 2
  fi
  hearth_data="$(mktemp -d "${TMPDIR:-/tmp}/hearth-bench.XXXXXX")"
  chmod 711 "$hearth_data" # the agent's sandboxes run as another uid and must reach their roots
  # The agent rents its VMs out for nothing: a driver's tenant has no balance to pay billing with.
  printf '%s\n' price-per-point-hour=0 price-per-memory-gib-hour=0 price-per-disk-gib-hour=0 \
    price-per-gpu-hour=0 >"$hearth_data/agent.properties"
  HEARTH_PORT="$port" HEARTH_DATA="$hearth_data" HEARTH_LOCAL_AGENT="$agent" \
    HEARTH_AGENT_CONFIG="$hearth_data/agent.properties" \
    HEARTH_RATE_LIMIT_SIGN_IN_PER_IP="${HEARTH_RATE_LIMIT_SIGN_IN_PER_IP:-0}" \
    HEARTH_RATE_LIMIT_WRITES_PER_IP="${HEARTH_RATE_LIMIT_WRITES_PER_IP:-0}" \
    HEARTH_RATE_LIMIT_WRITES_PER_CALLER="${HEARTH_RATE_LIMIT_WRITES_PER_CALLER:-0}" \
    HEARTH_RELAY_RATE_EVENTS_PER_KEY="${HEARTH_RELAY_RATE_EVENTS_PER_KEY:-0}" \
    HEARTH_RELAY_RATE_EVENTS_PER_IP="${HEARTH_RELAY_RATE_EVENTS_PER_IP:-0}" \
    HEARTH_RELAY_RATE_REQS_PER_IP="${HEARTH_RELAY_RATE_REQS_PER_IP:-0}" \
    HEARTH_JAVA_OPTS="${HEARTH_JAVA_OPTS:-}${BENCH_JFR:+ -XX:FlightRecorderOptions:stackdepth=256}" \
    setsid "$root/server-config/run" >"$hearth_data/run.out" 2>&1 &
  hearth_runner=$!
  hearth_runners+=("$hearth_runner:$hearth_data")
  echo "Starting Hearth on port $port (data: $hearth_data)..." >&2
  local wanted="Hearth is ready"
  [ "$agent" = true ] && wanted="Local node agent started"
  for _ in $(seq 600); do
    grep -q "$wanted" "$hearth_data/run.out" 2>/dev/null && break
    if ! kill -0 "$hearth_runner" 2>/dev/null; then
      cat "$hearth_data/run.out" >&2
      exit 1
    fi
    sleep 1
  done
  grep -q "$wanted" "$hearth_data/run.out" || { echo "Hearth did not start" >&2; exit 1; }
  server_pid="$(pgrep -f "payara-micro.jar.*--port $port" | head -n 1)"
  if [ "$agent" = true ]; then
    agent_pid="$(pgrep -f "hearth-agent.jar.*--data-dir $hearth_data/agent" | head -n 1)"
  fi
}

# server-config/run stops the agent (which ends its VMs), then the server, on TERM.
hearth_runners=()
stop_hearth() {
  local each runner
  for each in "${hearth_runners[@]}"; do
    runner="${each%%:*}"
    if kill -0 "$runner" 2>/dev/null; then
      kill -TERM "$runner" 2>/dev/null || true
      wait "$runner" 2>/dev/null || true
    fi
    rm -rf "${each#*:}"
  done
  hearth_runners=()
}

use_postgres_database() {
  export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" \
    PGPASSWORD="${PGPASSWORD:-postgres}"
  bench_db="${1}_$$"
  psql -d postgres -qc "CREATE DATABASE $bench_db"
  export HEARTH_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$bench_db" HEARTH_DB_USER="$PGUSER" \
    HEARTH_DB_PASSWORD="$PGPASSWORD"
}

sql() { psql -d "$bench_db" -v ON_ERROR_STOP=1 -Atq "$@"; }

# Polls of a measured phase go through one psql session: starting psql for each poll cost ~60 ms
# of CPU, five to ten times a second a sixth to a third of a 2-core machine while the work it
# measures ran. start_poll opens the session; poll QUERY sets polled to the query's one value.
start_poll() { coproc POLL { exec psql -d "$bench_db" -X -Atq -v ON_ERROR_STOP=1 2>&1; }; }
poll() { printf '%s;\n' "$1" >&"${POLL[1]}"; read -r polled <&"${POLL[0]}"; }
stop_poll() { printf '\\q\n' >&"${POLL[1]}"; wait "$POLL_PID"; }

# The EXIT trap: Hearth first (it holds connections to the database), then the database.
bench_cleanup() {
  stop_hearth
  if [ -n "${bench_db:-}" ]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" || true
  fi
}
trap bench_cleanup EXIT

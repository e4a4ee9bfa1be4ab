#!/usr/bin/env bash
# CDC benchmark: sysbench writes into a MariaDB or PostgreSQL source while Ferry's applier replicates into PostgreSQL;
# for PostgreSQL -> PostgreSQL also pgcopydb follow on the same workload.
# Usage: bench/cdc.sh [SECONDS_PER_RUN] [TABLES] [ROWS_PER_TABLE]      (default 30 s, 4 tables x 100000 rows)
# See bench/README.md. Starts its OWN PostgreSQL 15 and MariaDB instances on loopback ports (the shared servers run
# without wal_level=logical / log_bin, and restarting them would disturb other users); databases ferry_bench_cdc_*.
set -euo pipefail

SECS=${1:-30}
TABLES=${2:-4}
ROWS=${3:-100000}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
PG_PORT=${BENCH_PG_PORT:-55432}
MY_PORT=${BENCH_MY_PORT:-33306}
THREADS=${THREADS:-4}
MODES=${MODES-"batch tx"}
SCENARIOS=${SCENARIOS:-"mariadb pg"}
WORKLOADS=${WORKLOADS:-"oltp_write_only oltp_insert"}
RATE_STEPS=${RATE_STEPS-"0.5 1.0"}   # live runs at these fractions of the source's own rate (1.0 = unthrottled)
JAVA_OPTS=${JAVA_OPTS:-"-Xmx1g"}
work=${WORK:-/tmp/ferry-bench-cdc}
mkdir -p "$work"
results="$work/results.tsv"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

[ -f "$pgbin/../lib/wal2json.so" ] || [ -f "/usr/lib/postgresql/$(basename "$(dirname "$pgbin")")/lib/wal2json.so" ] \
  || echo "cdc.sh: pgcopydb follow needs wal2json: apt-get install -y postgresql-$(basename "$(dirname "$pgbin")")-wal2json" >&2
for tool in sysbench pgcopydb psql mariadb mariadbd mariadb-install-db /usr/bin/time java mvn; do
  command -v "$tool" >/dev/null 2>&1 || { echo "cdc.sh: missing $tool (apt-get install -y sysbench pgcopydb time)" >&2; exit 2; }
done

# ---- build the driver (engine test classes) and its classpath ----
# one reactor run: the sibling modules resolve to their target/classes (no snapshot jars in ~/.m2 needed; the engine
# module is built last, so its classpath is the one left in cp.txt)
(cd "$repo" && mvn -B -q -o -pl engine -am test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" \
  -Dmdep.includeScope=test -Dferry.corpus=/work/shared/corpora >/dev/null)
CP="$repo/engine/target/test-classes:$repo/engine/target/classes:$repo/model/target/classes:$(cat "$work/cp.txt")"

# ---- own server instances ----
start_servers() {
  if ! runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" status >/dev/null 2>&1; then
    if [ ! -d "$work/pg" ]; then
      install -d -o postgres "$work/pg"
      runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
      cat >> "$work/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$work'
wal_level = logical
max_replication_slots = 10
max_wal_senders = 10
shared_buffers = 256MB
synchronous_commit = off
max_connections = 100
CONF
    fi
    chmod 777 "$work"
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w start >/dev/null
  fi
  # this Debian build only lets listed libraries act as output plugins; pgcopydb 0.10 needs wal2json
  if psql -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SHOW output_plugin_libraries" >/dev/null 2>&1; then
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "ALTER SYSTEM SET output_plugin_libraries = pgoutput, test_decoding, wal2json" \
      -c "SELECT pg_reload_conf()" >/dev/null
  fi
  if ! mariadb -h 127.0.0.1 -P "$MY_PORT" -u root -e "select 1" >/dev/null 2>&1; then
    if [ ! -d "$work/my" ]; then
      install -d -o mysql "$work/my"
      mariadb-install-db --user=mysql --datadir="$work/my" --auth-root-authentication-method=normal >/dev/null
    fi
    mariadbd --user=mysql --datadir="$work/my" --port="$MY_PORT" --bind-address=127.0.0.1 --socket="$work/my.sock" \
      --pid-file="$work/my.pid" --log-bin="$work/my/binlog" --binlog-format=ROW --binlog-row-image=FULL --server-id=1 \
      --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=2 --skip-name-resolve >"$work/my.log" 2>&1 &
    for _ in $(seq 1 60); do mariadb -h 127.0.0.1 -P "$MY_PORT" -u root -e "select 1" >/dev/null 2>&1 && break; sleep 1; done
  fi
}
start_servers
trap 'touch "$work/stop"' EXIT   # a driver still running stops at its next 200 ms tick
export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
my() { mariadb -h 127.0.0.1 -P "$MY_PORT" -u root "$@"; }
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
tables_csv() { local p=$1 i s=""; for i in $(seq 1 "$TABLES"); do s="$s${s:+,}$p.sbtest$i"; done; echo "$s"; }
ddl() { for i in $(seq 1 "$TABLES"); do echo "CREATE TABLE sbtest$i (id integer PRIMARY KEY, k integer NOT NULL DEFAULT 0, c char(120) NOT NULL DEFAULT '', pad char(60) NOT NULL DEFAULT '');"; done; }
rows_per_tx() { case $1 in oltp_write_only) echo 4 ;; oltp_insert) echo 1 ;; esac; }

prepare() {  # $1 scenario: fresh source with sysbench data, target with the same rows
  local sc=$1
  pg -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ferry_bench_cdc_dst" \
     -c "CREATE DATABASE ferry_bench_cdc_dst"
  if [ "$sc" = mariadb ]; then
    my -e "DROP DATABASE IF EXISTS ferry_bench_cdc_src; CREATE DATABASE ferry_bench_cdc_src; RESET MASTER"
    sysbench oltp_read_only --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$MY_PORT" --mysql-user=root \
      --mysql-db=ferry_bench_cdc_src --tables="$TABLES" --table-size="$ROWS" prepare >/dev/null
    ddl | pg -d ferry_bench_cdc_dst
    for i in $(seq 1 "$TABLES"); do
      my -N --batch --quick -e "SELECT id, k, c, pad FROM ferry_bench_cdc_src.sbtest$i" \
        | pg -d ferry_bench_cdc_dst -c "\\copy sbtest$i from stdin"
    done
  else
    pg -d postgres -tA -c "SET client_min_messages = warning" -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots" \
       -c "DROP DATABASE IF EXISTS ferry_bench_cdc_src" -c "CREATE DATABASE ferry_bench_cdc_src" >/dev/null
    # sysbench creates its own tables (id SERIAL: oltp_insert relies on it)
    sysbench oltp_read_only --db-driver=pgsql --pgsql-host=127.0.0.1 --pgsql-port="$PG_PORT" --pgsql-user=postgres \
      --pgsql-db=ferry_bench_cdc_src --tables="$TABLES" --table-size="$ROWS" prepare >/dev/null
    pg -d ferry_bench_cdc_src -c "SELECT count(*) FROM sbtest1" >/dev/null
    ddl | pg -d ferry_bench_cdc_dst
    for i in $(seq 1 "$TABLES"); do
      pg -d ferry_bench_cdc_src -c "\\copy sbtest$i to stdout" | pg -d ferry_bench_cdc_dst -c "\\copy sbtest$i from stdin"
    done
  fi
}

sysbench_run() {  # $1 scenario $2 workload $3 seconds $4 rate (0 = unthrottled); prints transactions/s
  local sc=$1 wl=$2 t=$3 rate=$4 conn
  if [ "$sc" = mariadb ]; then
    conn=(--db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$MY_PORT" --mysql-user=root --mysql-db=ferry_bench_cdc_src)
  else
    conn=(--db-driver=pgsql --pgsql-host=127.0.0.1 --pgsql-port="$PG_PORT" --pgsql-user=postgres --pgsql-db=ferry_bench_cdc_src)
  fi
  sysbench "$wl" "${conn[@]}" --tables="$TABLES" --table-size="$ROWS" --threads="$THREADS" --time="$t" --rate="$rate" \
    --report-interval=0 run > "$work/sysbench.out" 2>&1 || true
  awk '/transactions:/ { gsub(/\(/, "", $3); print $3 }' "$work/sysbench.out"
}

# metrics TSV of the driver: epoch_ms applied lag_ms queue heap_mb
applied_now() { tail -1 "$work/metrics.tsv" | cut -f2; }
wait_drained() {  # until applied stops growing for 3 s; prints epoch ms of the last growth
  local last=-1 since=$(date +%s%N) now a lastgrow=$(date +%s%3N)
  while true; do
    a=$(applied_now); now=$(date +%s%N)
    if [ "$a" != "$last" ]; then last=$a; since=$now; lastgrow=$(date +%s%3N); fi
    [ $(( (now - since) / 1000000 )) -ge 3000 ] && break
    sleep 0.2
  done
  echo "$lastgrow"
}

ferry_run() {  # $1 scenario $2 workload $3 mode
  local sc=$1 wl=$2 mode=$3 src_url tables rpt startarg=()
  rpt=$(rows_per_tx "$wl")
  prepare "$sc"
  rm -f "$work/stop" "$work/metrics.tsv"
  local log="$work/driver-$sc-$wl-$mode.log"
  : > "$log"
  if [ "$sc" = mariadb ]; then
    src_url="jdbc:mysql://127.0.0.1:$MY_PORT/ferry_bench_cdc_src?useSSL=false&allowPublicKeyRetrieval=true"; tables=$(tables_csv ferry_bench_cdc_src); source=mysql
    startarg=(start="$(my -N -e "SHOW MASTER STATUS" | awk '{ print $1 ":" $2 }')")
  else
    src_url="jdbc:postgresql://127.0.0.1:$PG_PORT/ferry_bench_cdc_src"; tables=$(tables_csv public); source=pg
  fi
  local args=(source=$source src-url="$src_url" src-user="$( [ $source = pg ] && echo postgres || echo root )" tables="$tables"
    dst-url="jdbc:postgresql://127.0.0.1:$PG_PORT/ferry_bench_cdc_dst?user=postgres" mode="$mode"
    metrics="$work/metrics.tsv" stop="$work/stop")
  if [ $source = pg ]; then java -cp "$CP" dev.ferry.engine.cdc.apply.CdcBench "${args[@]}" prepare-only=true > "$log" 2>&1; fi
  # 1) backlog: the source writes unthrottled for SECS s with no applier running, then Ferry catches up
  local tps src_rows backlog
  tps=$(sysbench_run "$sc" "$wl" "$SECS" 0)
  src_rows=$(awk -v t="$tps" -v r="$rpt" 'BEGIN { printf "%.0f", t * r }')
  backlog=$(awk -v t="$tps" -v r="$rpt" -v s="$SECS" 'BEGIN { printf "%.0f", t * r * s }')
  /usr/bin/time -v -o "$work/time.txt" java $JAVA_OPTS -cp "$CP" dev.ferry.engine.cdc.apply.CdcBench "${args[@]}" "${startarg[@]}" \
    >> "$log" 2>&1 &
  local driver=$!
  for _ in $(seq 1 120); do grep -q started "$log" 2>/dev/null && break; sleep 0.5; done
  grep -q started "$log" || { echo "driver did not start:"; cat "$log"; exit 1; }
  local tend; tend=$(wait_drained)
  local first; first=$(awk '$2 > 0 { print $1; exit }' "$work/metrics.tsv")
  local a1; a1=$(applied_now)
  local catchup; catchup=$(awk -v n="$a1" -v ms=$((tend - first)) 'BEGIN { printf "%.0f", (ms > 0) ? n * 1000 / ms : 0 }')
  # steady state: the rate between 10 % and 90 % of the backlog applied (leaves out JIT warm-up and the tail)
  local steady; steady=$(awk -v n="$a1" '$2 >= 0.1 * n && !t1 { t1 = $1; a1 = $2 } $2 >= 0.9 * n && !t2 { t2 = $1; a2 = $2 }
    END { printf "%.0f", (t2 > t1) ? (a2 - a1) * 1000 / (t2 - t1) : 0 }' "$work/metrics.tsv")
  echo "  backlog: source wrote $tps tx/s = $src_rows rows/s for ${SECS}s (~$backlog rows, Ferry not running); Ferry applied $a1 rows in $(( tend - first )) ms = $catchup rows/s (steady state, 10-90 %: $steady rows/s)"
  # 2) live: throttled source rates; lag = time from the source's last commit to the last applied row
  local best=0 f r ta tb lag a0 live
  for f in $RATE_STEPS; do
    r=$(awk -v t="$tps" -v f="$f" 'BEGIN { printf "%d", t * f }')
    [ "$r" -lt 1 ] && continue
    a0=$(applied_now); ta=$(date +%s%3N)
    sysbench_run "$sc" "$wl" "$SECS" "$( [ "$f" = 1.0 ] && echo 0 || echo "$r" )" >/dev/null
    tb=$(date +%s%3N)
    tend=$(wait_drained)
    lag=$(( tend - tb )); [ $lag -lt 0 ] && lag=0
    live=$(awk -v n=$(( $(applied_now) - a0 )) -v ms=$((tb - ta)) 'BEGIN { printf "%.0f", n * 1000 / ms }')
    echo "  live, source at $( [ "$f" = 1.0 ] && echo "full speed" || echo "$r tx/s" ): applied $live rows/s; lag when the source stopped ${lag} ms"
    if [ "$lag" -lt 1000 ] && [ "$live" -gt "$best" ]; then best=$live; fi
  done
  touch "$work/stop"; wait $driver || true
  local rss; rss=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); printf "%.0f", $2 / 1024 }' "$work/time.txt")
  printf "%s\t%s\tferry-%s\t%s\t%s\t%s\t%s\t%s\n" "$sc" "$wl" "$mode" "$src_rows" "$catchup" "$steady" "$best" "$rss" | tee -a "$results"
}

pgcopydb_run() {  # $1 workload: pgcopydb follow on PostgreSQL -> PostgreSQL
  local wl=$1 rpt t0 tps t1 lsn tend n
  rpt=$(rows_per_tx "$wl")
  prepare pg
  pg -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ferry_bench_cdc_dst" -c "CREATE DATABASE ferry_bench_cdc_dst"
  local pdir="$work/pgcopydb"; rm -rf "$pdir"
  # replication origins are cluster-wide: remove what an earlier run left
  pg -d ferry_bench_cdc_src -tA -c "SELECT pg_replication_origin_drop(roname) FROM pg_replication_origin WHERE roname = 'pgcopydb'" \
     -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'pgcopydb' AND NOT active" >/dev/null
  local SRC="postgresql://postgres@127.0.0.1:$PG_PORT/ferry_bench_cdc_src" DST="postgresql://postgres@127.0.0.1:$PG_PORT/ferry_bench_cdc_dst"
  setsid /usr/bin/time -v -o "$work/time-pgcopydb.txt" pgcopydb clone --follow --source "$SRC" --target "$DST" \
    --dir "$pdir" --table-jobs 2 --index-jobs 2 --not-consistent > "$work/pgcopydb-$wl.log" 2>&1 &
  local p=$!
  # wait for the clone to finish and follow to start
  for _ in $(seq 1 600); do grep -q "sentinel has enabled applying changes" "$work/pgcopydb-$wl.log" && break; sleep 0.5; done
  sleep 3
  t0=$(date +%s%3N)
  tps=$(sysbench_run pg "$wl" "$SECS" 0)
  t1=$(date +%s%3N)
  lsn=$(pg -d ferry_bench_cdc_src -tA -c "SELECT pg_current_wal_lsn()")
  pg -d ferry_bench_cdc_src -c "SELECT 1" >/dev/null
  # wait until pgcopydb replayed everything up to that LSN (sentinel replay_lsn), at most ~5 min
  tend=""
  for _ in $(seq 1 1500); do
    kill -0 "$p" 2>/dev/null || break   # pgcopydb ended (failed)
    r=$(pgcopydb stream sentinel get --source "$SRC" 2>/dev/null | awk '/replay_lsn/ { print $NF }' | head -1 || true)
    [ "$r" = "0/0" ] && r=""
    if [ -n "$r" ] && [ "$(pg -d postgres -tA -c "SELECT '$r'::pg_lsn >= '$lsn'::pg_lsn")" = t ]; then tend=$(date +%s%3N); break; fi
    sleep 0.2
  done
  pgcopydb stream sentinel set endpos --current --source "$SRC" --dir "$pdir" >/dev/null 2>&1 || true
  sleep 2; kill -TERM -- -"$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true   # its own process group (setsid)
  pg -d ferry_bench_cdc_src -c "SET client_min_messages = warning" -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots" >/dev/null 2>&1 || true
  local src_rows=$(awk -v t="$tps" -v r="$rpt" 'BEGIN { printf "%.0f", t * r }')
  local rows=$(awk -v t="$tps" -v r="$rpt" -v s="$SECS" 'BEGIN { printf "%.0f", t * r * s }')
  local rate="n/a" lag_end="timeout"
  if [ -n "$tend" ]; then
    rate=$(awk -v n="$rows" -v ms=$((tend - t0)) 'BEGIN { printf "%.0f", n * 1000 / ms }'); lag_end=$((tend - t1))
  fi
  local rss=$(awk -F: '/Maximum resident/ { gsub(/ /, "", $2); printf "%.0f", $2 / 1024 }' "$work/time-pgcopydb.txt")
  if [ -z "$tend" ]; then
    echo "  pgcopydb follow: did NOT catch up (replay_lsn $(pgcopydb stream sentinel get --source "$SRC" 2>/dev/null | awk '/replay_lsn/ { print $NF }' || true), target LSN $lsn); errors:"
    grep -E "ERROR" "$work/pgcopydb-$wl.log" | head -3 | cut -c1-160 || true
  fi
  echo "  pgcopydb follow: source $tps tx/s; replayed ~$rows rows, $rate rows/s; caught up ${lag_end} ms after the source stopped"
  printf "%s\t%s\tpgcopydb-follow\t%s\t%s\t%s\t%s\t%s\n" pg "$wl" "$src_rows" "$rate" "-" "-" "$rss" | tee -a "$results"
}

printf "scenario\tworkload\ttool\tsource_rows_per_s_alone\tcatch_up_rows_per_s\tsteady_10_90_rows_per_s\tlive_rows_per_s_lag_lt_1s\tpeak_rss_mb\n" > "$results"
for sc in $SCENARIOS; do
  for wl in $WORKLOADS; do
    for mode in $MODES; do
      echo "== $sc -> postgresql, $wl, Ferry $mode apply ($THREADS sysbench threads, ${SECS}s runs, $TABLES x $ROWS rows)"
      ferry_run "$sc" "$wl" "$mode"
    done
    if [ "$sc" = pg ] && [ "${PGCOPYDB:-1}" = 1 ]; then
      echo "== pg -> postgresql, $wl, pgcopydb follow"
      pgcopydb_run "$wl"
    fi
  done
done
echo "results: $results"
column -t -s $'\t' "$results"

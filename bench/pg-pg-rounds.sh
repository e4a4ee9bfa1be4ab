#!/usr/bin/env bash
# PostgreSQL → PostgreSQL full load, Ferry builds and pgcopydb run ALTERNATELY on the same source (for a shared or
# noisy machine: compare like with like). Per run: wall, user and sys seconds of the tool (/usr/bin/time) and the CPU
# seconds the PostgreSQL server spent meanwhile (postmaster's reaped children + live children; needs the server's pid
# file readable, i.e. the same host). The source must exist already (e.g. prepared by bench/full-load.sh, or:
#   sysbench oltp_read_only --db-driver=pgsql --pgsql-user=postgres --pgsql-db=$SRC --tables=4 --table-size=250000 prepare).
# Usage: bench/pg-pg-rounds.sh ROUNDS FERRY_LAUNCHER... (each launcher is a ./ferry of some build; "pgcopydb" for pgcopydb)
#   e.g. SRC=ferry_bench_src bench/pg-pg-rounds.sh 4 /tmp/base/ferry ./ferry pgcopydb
# Ferry loads into pre-created tables with their primary key (as bench/full-load.sh), pgcopydb clones into an empty
# database (--jobs 2 --index-jobs 2). Drops and re-creates the database $DST (default ferry_rounds_dst).
set -uo pipefail
ROUNDS=${1:?rounds}; shift
TABLES=${TABLES:-4}; ROWS=${ROWS:-250000}
SRC=${SRC:-ferry_bench_src}; DST=${DST:-ferry_rounds_dst}
export PGHOST=${PG_HOST:-127.0.0.1} PGPORT=${PG_PORT:-5432} PGUSER=${PG_USER:-postgres}
work=${WORK:-$(mktemp -d /tmp/ferry-rounds.XXXXXX)}
mkdir -p "$work/p"
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
pid_file=${PG_PID_FILE:-$(ls /var/run/postgresql/*.pid 2>/dev/null | head -1)}
server_cpu() {  # CPU seconds of the server so far
  local pm tck tot c t
  pm=$(head -1 "$pid_file" 2>/dev/null) || { echo 0; return; }
  tck=$(getconf CLK_TCK)
  tot=$(awk '{print $14+$15+$16+$17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$(awk '{print $14+$15}' "/proc/$c/stat" 2>/dev/null); tot=$((tot + ${t:-0})); done
  awk -v t="$tot" -v k="$tck" 'BEGIN { printf "%.2f", t / k }'
}
cat > "$work/p/p.json" <<JSON
{ "formatVersion": 1, "name": "rounds",
  "endpoints": [
    { "name": "src", "engine": "postgresql", "host": "$PGHOST", "port": $PGPORT, "database": "$SRC", "user": "$PGUSER" },
    { "name": "dst", "engine": "postgresql", "host": "$PGHOST", "port": $PGPORT, "database": "$DST", "user": "$PGUSER" } ],
  "tableMappings": { "rules": [ { "rule-type": "selection", "rule-id": "1", "rule-name": "sbtest", "rule-action": "include",
      "object-locator": { "schema-name": "public", "table-name": "sbtest%" } } ] },
  "tasks": [ { "name": "rounds", "type": "full-load", "source": "src", "target": "dst",
               "settings": { "MaxFullLoadSubTasks": 4, "ValidationEnabled": false } } ] }
JSON
one() {  # one TOOL LABEL
  local tool=$1 label=$2 c0 c1 n=0 i c
  pg -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $DST" -c "CREATE DATABASE $DST"
  if [ "$tool" = pgcopydb ]; then
    cmd=(pgcopydb clone --source "postgresql://$PGUSER@$PGHOST:$PGPORT/$SRC" --target "postgresql://$PGUSER@$PGHOST:$PGPORT/$DST"
         --dir "$work/pgcopydb" --jobs 2 --index-jobs 2 --no-owner --no-acl --restart)
  else
    for i in $(seq 1 "$TABLES"); do
      echo "CREATE TABLE public.sbtest$i (id integer PRIMARY KEY, k integer NOT NULL DEFAULT 0, c char(120) NOT NULL DEFAULT '', pad char(60) NOT NULL DEFAULT '');"
    done | pg -d "$DST"
    rm -rf "$work/p/.ferry"
    cmd=("$tool" migrate --project "$work/p/p.json")
  fi
  local log="$work/$(printf '%s' "$label" | tr -c 'A-Za-z0-9' '_').log"
  c0=$(server_cpu)
  echo "0 0 0" > "$work/time.txt"
  /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "${cmd[@]}" > "$log" 2>&1 || echo "FAILED: $log"
  c1=$(server_cpu)
  for i in $(seq 1 "$TABLES"); do c=$(pg -d "$DST" -tA -c "SELECT count(*) FROM public.sbtest$i"); n=$((n + c)); done
  local wall user sys
  read -r wall user sys < <(tail -1 "$work/time.txt")
  printf "%-28s wall %6s  user %5s  sys %5s  server %5s  rows %s  load %s\n" "$label" "$wall" "$user" "$sys" \
    "$(awk -v a="$c1" -v b="$c0" 'BEGIN { printf "%.2f", a - b }')" "$n" "$(cut -d' ' -f1 /proc/loadavg)"
}
for tool in "$@"; do [ "$tool" = pgcopydb ] || one "$tool" "warm-up $tool" > /dev/null; done   # builds, class archives
for r in $(seq 1 "$ROUNDS"); do
  for tool in "$@"; do one "$tool" "$r $tool"; done
done

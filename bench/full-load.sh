#!/usr/bin/env bash
# Full-load benchmark: Ferry side by side with pgloader, pgcopydb and a raw client pipe, on the same sysbench data.
# Usage: bench/full-load.sh [TABLES] [ROWS_PER_TABLE] [LOB_ROWS]   (default 4 × 250000, no LOB table)
#   LOB_ROWS > 0 adds a table of LOB_ROWS values of LOB_MB MB each (default 10), loaded MariaDB → PostgreSQL,
#   PostgreSQL → PostgreSQL and SQLite → PostgreSQL by Ferry with LobMode FULL (peak RSS is the point: it must stay
#   under 1 GB).
# See bench/README.md. Talks only to the local servers below; drops and recreates the $BENCH_DB databases
# (default ferry_bench, ferry_bench_src, ferry_bench_dst). SKIP_PEERS=1 runs Ferry only (for profiling).
# ONLY=pg-pg,sqlite-pg runs only the listed scenarios (mariadb-pg, pg-pg, sqlite-pg; the LOB runs follow LOB_ROWS).
set -euo pipefail

TABLES=${1:-4}
ROWS=${2:-250000}
LOB_ROWS=${3:-0}
LOB_MB=${LOB_MB:-10}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
FERRY=${FERRY:-"$repo/ferry"}          # e.g. FERRY="java -cp app/target/ferry-app.jar:app/target/lib/* dev.ferry.app.Main"
MY_HOST=${MY_HOST:-127.0.0.1}; MY_PORT=${MY_PORT:-3306}; MY_USER=${MY_USER:-root}; MY_PASSWORD=${MY_PASSWORD:-}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_USER=${PG_USER:-postgres}
PGLOADER_WITH=(--with "prefetch rows = 10000" --with "workers = 2" --with "concurrency = 1")
FERRY_SUBTASKS=${FERRY_SUBTASKS:-4}
ONLY=${ONLY:-mariadb-pg,pg-pg,sqlite-pg}
want() { [[ ",$ONLY," == *",$1,"* ]]; }
BENCH_DB=${BENCH_DB:-ferry_bench}        # MariaDB database; PostgreSQL gets ${BENCH_DB}_src and ${BENCH_DB}_dst
TOOL_TIMEOUT=${TOOL_TIMEOUT:-1800}     # seconds before a run is stopped (pgloader was once seen hanging with 0 CPU)
work=${WORK:-$(mktemp -d /tmp/ferry-bench.XXXXXX)}
mkdir -p "$work"
results="$work/results.tsv"

missing=()
for tool in sysbench pgloader pgcopydb mariadb psql sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "full-load.sh: missing: ${missing[*]}" >&2
  echo "install them with: apt-get install -y sysbench pgloader pgcopydb mariadb-client postgresql-client sqlite3 time" >&2
  exit 2
fi
export PGHOST=$PG_HOST PGPORT=$PG_PORT PGUSER=$PG_USER
my() { mariadb -h "$MY_HOST" -P "$MY_PORT" -u "$MY_USER" ${MY_PASSWORD:+-p"$MY_PASSWORD"} "$@"; }
pg() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
mysql_url="mysql://$MY_USER${MY_PASSWORD:+:$MY_PASSWORD}@$MY_HOST:$MY_PORT/${BENCH_DB}"
pg_url() { echo "postgresql://$PG_USER@$PG_HOST:$PG_PORT/$1"; }
my -e "select 1" >/dev/null || { echo "full-load.sh: cannot reach MariaDB at $MY_HOST:$MY_PORT as $MY_USER" >&2; exit 2; }
pg -d postgres -c "select 1" >/dev/null || { echo "full-load.sh: cannot reach PostgreSQL at $PG_HOST:$PG_PORT as $PG_USER" >&2; exit 2; }

total=$((TABLES * ROWS))
expected=$total
echo "== data: $TABLES tables × $ROWS rows = $total rows; work dir $work"

# ---- sources ----
my -e "DROP DATABASE IF EXISTS ${BENCH_DB}; CREATE DATABASE ${BENCH_DB}"
sysbench oltp_read_only --db-driver=mysql --mysql-host="$MY_HOST" --mysql-port="$MY_PORT" --mysql-user="$MY_USER" \
  --mysql-password="$MY_PASSWORD" --mysql-db=${BENCH_DB} --tables="$TABLES" --table-size="$ROWS" prepare >/dev/null
pg -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${BENCH_DB}_src" -c "CREATE DATABASE ${BENCH_DB}_src"
sysbench oltp_read_only --db-driver=pgsql --pgsql-host="$PG_HOST" --pgsql-port="$PG_PORT" --pgsql-user="$PG_USER" \
  --pgsql-db=${BENCH_DB}_src --tables="$TABLES" --table-size="$ROWS" prepare >/dev/null
sqlite_db="$work/bench.sqlite"
rm -f "$sqlite_db"
for i in $(seq 1 "$TABLES"); do
  sqlite3 "$sqlite_db" "CREATE TABLE sbtest$i (id INTEGER PRIMARY KEY, k INTEGER NOT NULL DEFAULT 0, c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '')"
  my -N --batch --quick -e "SELECT id, k, c, pad FROM ${BENCH_DB}.sbtest$i" > "$work/sbtest$i.tsv"
  sqlite3 "$sqlite_db" -cmd ".mode tabs" ".import $work/sbtest$i.tsv sbtest$i"
  rm -f "$work/sbtest$i.tsv"
done

# ---- helpers ----
ddl() {  # schema-qualified sysbench tables with their primary key (what a deploy would create)
  local schema=$1
  echo "SET client_min_messages = warning;"
  echo "CREATE SCHEMA IF NOT EXISTS \"$schema\";"
  for i in $(seq 1 "$TABLES"); do
    echo "CREATE TABLE \"$schema\".sbtest$i (id integer PRIMARY KEY, k integer NOT NULL DEFAULT 0, c char(120) NOT NULL DEFAULT '', pad char(60) NOT NULL DEFAULT '');"
  done
}
fresh_target() {  # $1: schema to pre-create, or "" for an empty database
  pg -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${BENCH_DB}_dst" -c "CREATE DATABASE ${BENCH_DB}_dst"
  if [ -n "$1" ]; then ddl "$1" | pg -d ${BENCH_DB}_dst; fi
}
count_target() {  # $1 schema; counts the sbtest tables, or the LOB table when LOB_RUN=1
  local n=0 i c
  if [ "${LOB_RUN:-0}" = 1 ]; then
    pg -d ${BENCH_DB}_dst -tA -c "SELECT count(*) FROM \"$1\".lobs"
    return
  fi
  for i in $(seq 1 "$TABLES"); do
    c=$(pg -d ${BENCH_DB}_dst -tA -c "SELECT count(*) FROM \"$1\".sbtest$i")
    n=$((n + c))
  done
  echo "$n"
}
data_mb() {  # tab-separated text volume of the data set, measured on the PostgreSQL source
  local q="" i
  for i in $(seq 1 "$TABLES"); do
    q="$q${q:+ UNION ALL }SELECT sum(length(id::text) + length(k::text) + octet_length(c) + octet_length(pad) + 4) s FROM sbtest$i"
  done
  pg -d ${BENCH_DB}_src -tA -c "SELECT round(sum(s) / 1048576.0, 1) FROM ($q) x"
}
MB=$(data_mb)
echo "== data volume: $MB MB as text"
printf "scenario\ttool\tseconds\trows_per_s\tmb_per_s\tpeak_rss_mb\trows_loaded\n" > "$results"

run() {  # run SCENARIO TOOL SCHEMA command...
  local scenario=$1 tool=$2 schema=$3; shift 3
  local t="$work/time.txt" log="$work/$scenario-$tool.log"
  echo "-- $scenario: $tool"
  if ! /usr/bin/time -v -o "$t" timeout "$TOOL_TIMEOUT" "$@" >"$log" 2>&1; then
    echo "   FAILED (log: $log)"; tail -5 "$log" | sed 's/^/   /'
    printf "%s\t%s\tFAILED\t\t\t\t\n" "$scenario" "$tool" >> "$results"
    return 0
  fi
  local wall rss secs loaded
  wall=$(grep "Elapsed (wall clock)" "$t" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep "Maximum resident set size" "$t" | awk '{print $NF}')
  loaded=$(count_target "$schema")
  local rps mbs rssmb
  rps=$(awk -v n="$loaded" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')
  mbs=$(awk -v m="$MB" -v s="$secs" 'BEGIN { printf "%.1f", m / s }')
  rssmb=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
  printf "   %s s, %s rows/s, %s MB/s, peak RSS %s MB, %s rows loaded%s\n" "$secs" "$rps" "$mbs" "$rssmb" "$loaded" \
    "$([ "$loaded" = "$expected" ] || echo "  (EXPECTED $expected)")"
  [ "$loaded" = "$expected" ] || secs="INCOMPLETE"
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$scenario" "$tool" "$secs" "$rps" "$mbs" "$rssmb" "$loaded" >> "$results"
}
project() {  # project FILE SOURCE_ENDPOINT_JSON SCHEMA_PATTERN [TABLE_PATTERN] [EXTRA_SETTINGS]
  cat > "$1" <<JSON
{
  "formatVersion": 1,
  "name": "bench",
  "endpoints": [
    $2,
    { "name": "dst", "engine": "postgresql", "host": "$PG_HOST", "port": $PG_PORT, "database": "${BENCH_DB}_dst", "user": "$PG_USER" }
  ],
  "tableMappings": { "rules": [
    { "rule-type": "selection", "rule-id": "1", "rule-name": "sbtest", "rule-action": "include",
      "object-locator": { "schema-name": "$3", "table-name": "${4:-sbtest%}" } } ] },
  "tasks": [ { "name": "bench", "type": "full-load", "source": "src", "target": "dst",
               "settings": { "MaxFullLoadSubTasks": $FERRY_SUBTASKS, "ValidationEnabled": false${5:+, $5} } } ]
}
JSON
  rm -rf "$(dirname "$1")/.ferry"
}
raw_mysql() {
  local i
  for i in $(seq 1 "$TABLES"); do
    my -N --batch --quick -e "SELECT id, k, c, pad FROM ${BENCH_DB}.sbtest$i" \
      | pg -d ${BENCH_DB}_dst -c "\\copy ${BENCH_DB}.sbtest$i FROM STDIN"
  done
}
raw_pg() {
  local i
  for i in $(seq 1 "$TABLES"); do
    pg -d ${BENCH_DB}_src -c "\\copy sbtest$i TO STDOUT" | pg -d ${BENCH_DB}_dst -c "\\copy public.sbtest$i FROM STDIN"
  done
}
export -f my pg raw_mysql raw_pg
export TABLES MY_HOST MY_PORT MY_USER MY_PASSWORD BENCH_DB
mkdir -p "$work/p-my" "$work/p-pg" "$work/p-sq"
[ -n "$MY_PASSWORD" ] && export FERRY_BENCH_MY_PASSWORD="$MY_PASSWORD"
my_ep="{ \"name\": \"src\", \"engine\": \"mysql\", \"host\": \"$MY_HOST\", \"port\": $MY_PORT, \"database\": \"${BENCH_DB}\", \"user\": \"$MY_USER\"${MY_PASSWORD:+, \"passwordEnv\": \"FERRY_BENCH_MY_PASSWORD\"} }"
project "$work/p-my/p.json" "$my_ep" ${BENCH_DB}
project "$work/p-pg/p.json" "{ \"name\": \"src\", \"engine\": \"postgresql\", \"host\": \"$PG_HOST\", \"port\": $PG_PORT, \"database\": \"${BENCH_DB}_src\", \"user\": \"$PG_USER\" }" public
project "$work/p-sq/p.json" "{ \"name\": \"src\", \"engine\": \"sqlite\", \"path\": \"$sqlite_db\" }" main

# ---- LOB table (optional): LOB_ROWS values of LOB_MB MB, Ferry only (LobMode FULL), peak RSS is the point ----
if [ "$LOB_ROWS" -gt 0 ]; then
  lob_chars=$((LOB_MB * 1024 * 1024 / 32))
  echo "== LOB table: $LOB_ROWS rows × $LOB_MB MB"
  my -e "CREATE TABLE ${BENCH_DB}.lobs (id int PRIMARY KEY, b longblob NOT NULL)"
  for i in $(seq 1 "$LOB_ROWS"); do   # one row per statement: each value stays under max_allowed_packet
    my -e "INSERT INTO ${BENCH_DB}.lobs VALUES ($i, REPEAT(MD5($i), $lob_chars))"
  done
  pg -d ${BENCH_DB}_src -c "CREATE TABLE lobs (id int PRIMARY KEY, b bytea NOT NULL)" \
     -c "INSERT INTO lobs SELECT g, convert_to(repeat(md5(g::text), $lob_chars), 'UTF8') FROM generate_series(1, $LOB_ROWS) g"
  lob_ddl() { echo "SET client_min_messages = warning; CREATE SCHEMA IF NOT EXISTS \"$1\"; CREATE TABLE \"$1\".lobs (id int PRIMARY KEY, b bytea NOT NULL);"; }
  sqlite_lob_db="$work/lobs.sqlite"   # a file of its own: pgloader copies the whole sysbench file
  rm -f "$sqlite_lob_db"
  sqlite3 "$sqlite_lob_db" "CREATE TABLE lobs (id INTEGER PRIMARY KEY, b BLOB NOT NULL)" \
    "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $LOB_ROWS) INSERT INTO lobs SELECT i, randomblob($((LOB_MB * 1024 * 1024))) FROM g"
  mkdir -p "$work/p-my-lob" "$work/p-pg-lob" "$work/p-sq-lob"
  project "$work/p-my-lob/p.json" "$my_ep" ${BENCH_DB} lobs '"LobMode": "FULL"'
  project "$work/p-pg-lob/p.json" "{ \"name\": \"src\", \"engine\": \"postgresql\", \"host\": \"$PG_HOST\", \"port\": $PG_PORT, \"database\": \"${BENCH_DB}_src\", \"user\": \"$PG_USER\" }" public lobs '"LobMode": "FULL"'
  project "$work/p-sq-lob/p.json" "{ \"name\": \"src\", \"engine\": \"sqlite\", \"path\": \"$sqlite_lob_db\" }" main lobs '"LobMode": "FULL"'
  saved_mb=$MB; MB=$((LOB_ROWS * LOB_MB)); expected=$LOB_ROWS; LOB_RUN=1
  fresh_target ""; lob_ddl ${BENCH_DB} | pg -d ${BENCH_DB}_dst; run mariadb-pg-lob ferry ${BENCH_DB} $FERRY migrate --project "$work/p-my-lob/p.json"
  fresh_target ""; lob_ddl public | pg -d ${BENCH_DB}_dst;      run pg-pg-lob ferry public $FERRY migrate --project "$work/p-pg-lob/p.json"
  fresh_target ""; lob_ddl public | pg -d ${BENCH_DB}_dst;      run sqlite-pg-lob ferry public $FERRY migrate --project "$work/p-sq-lob/p.json"
  MB=$saved_mb; expected=$total; LOB_RUN=0
  # pgloader and pgcopydb copy whole databases: the LOB table must not be part of the sysbench comparison
  my -e "DROP TABLE ${BENCH_DB}.lobs"; pg -d ${BENCH_DB}_src -c "DROP TABLE lobs"
fi

# ---- MariaDB -> PostgreSQL ----
if want mariadb-pg; then
fresh_target ${BENCH_DB}; run mariadb-pg ferry ${BENCH_DB} $FERRY migrate --project "$work/p-my/p.json"
[ "${SKIP_PEERS:-0}" = 1 ] || { fresh_target "";          run mariadb-pg pgloader ${BENCH_DB} pgloader "${PGLOADER_WITH[@]}" "$mysql_url" "$(pg_url ${BENCH_DB}_dst)"; }
[ "${SKIP_PEERS:-0}" = 1 ] || { fresh_target ${BENCH_DB}; run mariadb-pg raw-pipe ${BENCH_DB} bash -c raw_mysql; }
fi
# ---- PostgreSQL -> PostgreSQL ----
if want pg-pg; then
fresh_target public;      run pg-pg ferry public $FERRY migrate --project "$work/p-pg/p.json"
[ "${SKIP_PEERS:-0}" = 1 ] || { fresh_target "";          run pg-pg pgcopydb public pgcopydb clone --source "$(pg_url ${BENCH_DB}_src)" --target "$(pg_url ${BENCH_DB}_dst)" \
                            --dir "$work/pgcopydb" --jobs 2 --index-jobs 2 --no-owner --no-acl --restart; }
[ "${SKIP_PEERS:-0}" = 1 ] || { fresh_target public;      run pg-pg raw-pipe public bash -c raw_pg; }
fi
# ---- SQLite -> PostgreSQL ----
if want sqlite-pg; then
fresh_target public;      run sqlite-pg ferry public $FERRY migrate --project "$work/p-sq/p.json"
[ "${SKIP_PEERS:-0}" = 1 ] || { fresh_target "";          run sqlite-pg pgloader public pgloader "${PGLOADER_WITH[@]}" "sqlite://$sqlite_db" "$(pg_url ${BENCH_DB}_dst)"; }
fi

echo
echo "== results ($TABLES × $ROWS rows, $MB MB): $results"
awk -F'\t' 'NR == 1 { next }
  { key = $1; if ($2 == "ferry") f[key] = $3; t[NR] = $0 }
  END { printf "%-14s %-9s %8s %10s %7s %9s %10s %s\n", "scenario", "tool", "seconds", "rows/s", "MB/s", "RSS MB", "rows", "ferry speed vs this";
        for (i = 2; i <= NR; i++) { split(t[i], c, "\t");
          ratio = (c[3] + 0 > 0 && f[c[1]] + 0 > 0) ? sprintf("%.2fx", c[3] / f[c[1]]) : "-";
          printf "%-14s %-9s %8s %10s %7s %9s %10s %s\n", c[1], c[2], c[3], c[4], c[5], c[6], c[7], ratio } }' "$results"

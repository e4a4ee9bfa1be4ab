#!/usr/bin/env bash
# Peak RSS of one SQLite → PostgreSQL load of LOB_ROWS × LOB_MB MB BLOBs (LobMode FULL), Ferry alone.
# Usage: bench/sqlite-lob-rss.sh [FERRY_DIR] [LABEL]   (FERRY_DIR: a built checkout, default this one)
#   LOB_ROWS (default 100), LOB_MB (default 10), WORK (default /tmp/ferry-lob-rss), PG_HOST/PG_PORT/PG_USER,
#   DST_DB (default ferry_lob_rss_dst, dropped and recreated). FERRY_JAVA_OPTS / FERRY_MAX_HEAP pass through to the
#   launcher (e.g. FERRY_JAVA_OPTS=-XX:TieredStopAtLevel=1 for G1). Prints rows, wall, CPU seconds and peak RSS.
# Compare builds with: git worktree add /tmp/ferry-<sha> <sha>; (cd /tmp/ferry-<sha> && mvn -B -q -o -DskipTests package)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir=${1:-"$(dirname "$here")"}; label=${2:-run}
LOB_ROWS=${LOB_ROWS:-100}; LOB_MB=${LOB_MB:-10}
work=${WORK:-/tmp/ferry-lob-rss}; db=${DST_DB:-ferry_lob_rss_dst}
PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_USER=${PG_USER:-postgres}
pg() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }
mkdir -p "$work/$label"; rm -rf "$work/$label/.ferry"
src="$work/lobs-$LOB_ROWS-$LOB_MB.sqlite"
if [ ! -f "$src" ]; then
  sqlite3 "$src.tmp" "CREATE TABLE lobs (id INTEGER PRIMARY KEY, b BLOB NOT NULL)" \
    "WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < $LOB_ROWS) INSERT INTO lobs SELECT i, randomblob($((LOB_MB * 1024 * 1024))) FROM g"
  mv "$src.tmp" "$src"
fi
pg -d postgres -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
pg -d "$db" -c "CREATE TABLE public.lobs (id int PRIMARY KEY, b bytea NOT NULL)"
cat > "$work/$label/p.json" <<JSON
{ "formatVersion": 1, "name": "bench",
  "endpoints": [ { "name": "src", "engine": "sqlite", "path": "$src" },
    { "name": "dst", "engine": "postgresql", "host": "$PG_HOST", "port": $PG_PORT, "database": "$db", "user": "$PG_USER" } ],
  "tableMappings": { "rules": [ { "rule-type": "selection", "rule-id": "1", "rule-name": "lobs", "rule-action": "include",
      "object-locator": { "schema-name": "main", "table-name": "lobs" } } ] },
  "tasks": [ { "name": "bench", "type": "full-load", "source": "src", "target": "dst",
      "settings": { "MaxFullLoadSubTasks": 4, "ValidationEnabled": false, "LobMode": "FULL" } } ] }
JSON
t="$work/$label/time.txt"
/usr/bin/time -v -o "$t" "$dir/ferry" migrate --project "$work/$label/p.json" > "$work/$label/log.txt" 2>&1 \
  || { echo "FAILED (log: $work/$label/log.txt)"; tail -5 "$work/$label/log.txt"; }
n=$(pg -d "$db" -tA -c "SELECT count(*) FROM public.lobs")
echo "$label rows=$n wall=$(grep 'Elapsed (wall' "$t" | awk '{print $NF}')" \
  "cpu_s=$(grep -E 'User time|System time' "$t" | awk '{s += $NF} END {print s}')" \
  "peak_rss_mb=$(( $(grep 'Maximum resident' "$t" | awk '{print $NF}') / 1024 ))"

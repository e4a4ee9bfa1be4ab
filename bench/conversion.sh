#!/usr/bin/env bash
# Conversion throughput: Ferry's Oracle -> PostgreSQL conversion next to `ora2pg -i` (offline input files) on the same
# Oracle scripts. Prints input lines, wall seconds and lines/s for each tool, and the ratio.
#   bench/conversion.sh [corpus-dir]        (default ../shared/corpora; needs: apt-get install -y ora2pg)
# Ferry runs as one `ferry assess` per file set (no --verify: re-parse only) and also reports its own in-process
# parse+convert time; ora2pg runs once per object type it converts (-t TABLE, VIEW, SEQUENCE, PROCEDURE, FUNCTION,
# TRIGGER, PACKAGE, TYPE), which is how it is used on input files.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/corpora}"
command -v ora2pg >/dev/null || { echo "ora2pg is not installed: apt-get install -y ora2pg" >&2; exit 2; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
ferry=(java -cp "$here/app/target/ferry-app.jar:$here/app/target/lib/*" dev.ferry.app.Main)
[ -f "$here/app/target/ferry-app.jar" ] || (cd "$here" && mvn -q -B -DskipTests install)

hr="$corpus/oracle-sample-schemas/human_resources"
co="$corpus/oracle-sample-schemas/customer_orders"
chinook="$(find "$corpus/chinook" -name Chinook_Oracle.sql | head -1)"
sets=("hr:$hr/hr_create.sql $hr/hr_code.sql" "co:$co/co_create.sql" "chinook:$chinook")

cat > "$work/ora2pg.conf" <<CONF
ORACLE_DSN dbi:Oracle:host=localhost;sid=NONE
ORACLE_USER none
ORACLE_PWD none
PG_VERSION 16
CONF

now() { date +%s.%N; }
printf '%-8s %8s  %10s %10s  %10s %10s %12s  %7s\n' set lines ferry_s ferry_l/s ora2pg_s ora2pg_l/s ferry_inproc ratio
for entry in "${sets[@]}"; do
  name="${entry%%:*}"; files="${entry#*:}"
  lines=$(cat $files | wc -l)
  mkdir -p "$work/$name/in"; cp $files "$work/$name/in/"
  t0=$(now)
  out=$("${ferry[@]}" assess --source "$work/$name/in" --source-engine oracle --target-engine postgresql --out "$work/$name/ferry" --schema "$name" 2>&1)
  t1=$(now)
  inproc=$(echo "$out" | grep -oE 'parse [0-9]+ ms, convert [0-9]+ ms' | awk '{print $2+$5}')
  t2=$(now)
  for f in $files; do
    for t in TABLE VIEW SEQUENCE PROCEDURE FUNCTION TRIGGER PACKAGE TYPE; do
      ora2pg -q -c "$work/ora2pg.conf" -i "$f" -t $t -n "$name" -o "$work/$name-$t-$(basename "$f")" -b "$work" >/dev/null 2>&1 || true
    done
  done
  t3=$(now)
  awk -v n="$name" -v l="$lines" -v f="$(echo "$t1 - $t0" | bc)" -v o="$(echo "$t3 - $t2" | bc)" -v ip="${inproc:-0}" \
    'BEGIN { printf "%-8s %8d  %10.2f %10.0f  %10.2f %10.0f %9d ms  %6.2fx\n", n, l, f, l/f, o, l/o, ip, o/f }'
done

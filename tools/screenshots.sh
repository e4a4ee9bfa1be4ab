#!/usr/bin/env bash
# Screenshots of the workbench's main views, taken from the real application (./ferry) under Xvfb.
#
#   tools/screenshots.sh [out-dir]          # default out-dir: docs/screenshots
#
# Starts a virtual X display (Xvfb) of the window's size, runs ./ferry once per theme with a fresh home (so the demo's
# SQLite source and embedded PostgreSQL are created from scratch and nothing of the user's is touched) and the opt-in
# tour (-Dferry.tour=<dir>, see DemoTour): the tour starts the demo and does each section's work; for every step it
# writes NN-name.key (the section's shortcut, which this script types with xdotool) and NN-name.ready (the content is
# on screen), and this script captures the screen with ImageMagick's `import` and answers NN-name.done.
#
# Settings (environment): FERRY_SHOTS_SIZE (1280x800), FERRY_SHOTS_THEMES ("light dark"; dark pictures get a -dark
# suffix), FERRY_SHOTS_SCRIPTS (Oracle scripts the Assessment step assesses; default the HR sample schema of
# ../shared/corpora), FERRY_SHOTS_DEMO_SCALE (60: the demo store of about 540,000 rows, so the load can be caught
# under way), FERRY_SHOTS_DISPLAY (an X display number; default a free one Xvfb picks), FERRY_SHOTS_KEEP=1 keeps the
# work folder (the application's logs, the homes, the tour's marker files) for a look.
# Needs: Xvfb, xdotool, ImageMagick (apt-get install xvfb xdotool imagemagick), a JDK and Maven for ./ferry.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$here/docs/screenshots}" && cd "${1:-$here/docs/screenshots}" && pwd)"
size="${FERRY_SHOTS_SIZE:-1280x800}"
width="${size%x*}"
height="${size#*x}"
themes="${FERRY_SHOTS_THEMES:-light dark}"
corpora="$here/../shared/corpora"
[ -d "$corpora" ] || corpora="$here/../../shared/corpora"   # a git worktree one level deeper
scripts="${FERRY_SHOTS_SCRIPTS:-$corpora/oracle-sample-schemas/human_resources}"
[ -e "$scripts" ] && scripts="$(cd "$(dirname "$scripts")" && pwd)/$(basename "$scripts")"   # no ../ in the picture
display="${FERRY_SHOTS_DISPLAY:+:$FERRY_SHOTS_DISPLAY}"
for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 2; }
done
[ -e "$scripts" ] || { echo "screenshots: no scripts at $scripts (set FERRY_SHOTS_SCRIPTS); the Assessment and Deploy steps are skipped" >&2; scripts=""; }

work="$(mktemp -d /tmp/ferry-shots.XXXXXX)"
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if [ "${FERRY_SHOTS_KEEP:-0}" = 1 ]; then echo "screenshots: work folder kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

if [ -n "$display" ]; then
  Xvfb "$display" -screen 0 "${width}x${height}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
else   # a free display number, chosen by Xvfb (other sessions may use :99)
  Xvfb -displayfd 3 -screen 0 "${width}x${height}x24" -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
  display=":$(head -1 "$work/display")"
fi
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.2; done
xdpyinfo >/dev/null 2>&1 || { echo "screenshots: Xvfb did not start on $display (see $work/xvfb.log)" >&2; exit 1; }

# build first (the launcher would too, but its output would mix with the app's)
if [ ! -f "$here/app/target/ferry-app.jar" ]; then
  (cd "$here" && mvn -q -B -o -DskipTests package)
fi

for theme in $themes; do
  suffix=""
  [ "$theme" = light ] || suffix="-$theme"
  home="$work/home-$theme"
  tour="$work/tour-$theme"
  mkdir -p "$home/config" "$home/data" "$tour"
  # the remembered window layout: the whole screen (no window manager, so no decorations)
  printf 'x=0\ny=0\nwidth=%s\nheight=%s\nmaximized=false\n' "$width" "$height" >"$home/config/window.properties"
  echo "screenshots: $theme theme, ${width}x${height}, log $work/ferry-$theme.log" >&2
  HOME="$home" XDG_DATA_HOME="$home/data" FERRY_CONFIG_DIR="$home/config" FERRY_CDS=0 \
    FERRY_JAVA_OPTS="-Duser.home=$home -Dferry.theme=$theme -Dferry.tour=$tour -Dferry.tour.scripts=$scripts -Dferry.demo.scale=${FERRY_SHOTS_DEMO_SCALE:-60} -Dprism.order=sw" \
    "$here/ferry" >"$work/ferry-$theme.log" 2>&1 &
  app_pid=$!
  wid="$(timeout 120 xdotool search --sync --name '^Ferry' | head -1)"
  xdotool windowmove "$wid" 0 0 windowsize "$wid" "$width" "$height"
  handled=" "
  deadline=$((SECONDS + 1200))
  while [ ! -e "$tour/finished" ] && kill -0 "$app_pid" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "screenshots: the tour took more than 20 minutes" >&2; break; }
    for f in $(ls "$tour" | grep -E '\.(key|ready)$' | sort); do
      case "$handled" in *" $f "*) continue ;; esac
      handled="$handled$f "
      step="${f%.*}"
      name="${step#*-}"
      case "$f" in
        *.key)
          wid="$(xdotool search --name '^Ferry' | head -1)"
          xdotool windowfocus --sync "$wid" 2>/dev/null || xdotool windowfocus "$wid"
          xdotool key --clearmodifiers "$(cat "$tour/$f")"
          ;;
        *.ready)
          if [ -e "$tour/$step.failed" ]; then echo "screenshots: $name: $(cat "$tour/$step.failed")" >&2; fi
          import -window root "$out/$name$suffix.png"
          echo "screenshots: wrote $out/$name$suffix.png" >&2
          touch "$tour/$step.done"
          ;;
      esac
    done
    sleep 0.3
  done
  wait "$app_pid" || echo "screenshots: ferry exited with $? (see $work/ferry-$theme.log)" >&2
  app_pid=""
done

#!/usr/bin/env bash
# Makes the README screenshots of the workbench under Xvfb, into docs/screenshots/.
#   scripts/screenshots.sh [CORPUS_DIR]
# CORPUS_DIR (default /tmp/gw-dev-corpus, from ../shared/corpus/make-dev-corpus.sh) keeps a job
# busy long enough to photograph it running; without it only the samples are ingested.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/docs/screenshots"
corpus="${1:-/tmp/gw-dev-corpus}"
app="${GW_APP:-$root/build/bin/graphwright}" # GW_APP: another build's binary
[ -x "$app" ] || { echo "build first: ./run.sh or ./test.sh" >&2; exit 1; }
mkdir -p "$out"

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
inputs=("$root/resources/samples")
mkdir -p "$work/problems"
cp "$root/tests/fixtures/encrypted.pdf" "$work/problems/quarterly-report.pdf"
printf '{"title": "unterminated' > "$work/problems/export.json"
head -c 4096 /dev/urandom > "$work/problems/scan.pdf"
inputs+=("$work/problems")
[ -d "$corpus" ] && inputs+=("$corpus")

display=:97
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
export DISPLAY="$display" HOME="$work/home" QT_QPA_PLATFORM=xcb
mkdir -p "$HOME"
"$app" --project "$work/demo.gwp" "${inputs[@]}" >/dev/null 2>&1 &
app_pid=$!
# Wait for the window, then fill the screen with it.
win=
for _ in $(seq 50); do
    win=$(xdotool search --name "Graphwright" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.2
done
[ -n "$win" ] || { echo "the window did not appear" >&2; exit 1; }
xdotool windowsize "$win" 1440 900 windowmove "$win" 0 0
# The window restores its default size once shown; ask again after that, and photograph the
# window itself, so no black border remains whatever size it kept.
sleep 1
xdotool windowsize "$win" 1440 900 windowmove "$win" 0 0
# Photographs the screen and trims the black around the window (without a window manager, Qt
# may keep its first size whatever xdotool asks).
shot() {
    import -window root png:- | convert png:- -bordercolor black -border 1 -trim +repage "$1"
}
sleep "${GW_SHOT_RUNNING_AFTER:-5}"
shot "$out/workbench-running.png"
# The finished state: the mixed corpus takes about 15 s on two cores.
sleep "${GW_SHOT_DONE_AFTER:-30}"
# Sort by state, descending (failed and skipped first), and select the first row, so the picture
# shows what failed and why. Positions are those of the default layout at 1200x760, below the
# Jobs/Graph tabs and the list's own toolbar (the State header at y 124, the first row at 144).
xdotool mousemove 380 124 click 1 sleep 0.3 click 1 sleep 0.3 mousemove 90 144 click 1 sleep 0.5 mousemove 1000 10
shot "$out/workbench-done.png"
# The graph tab (Ctrl+2) on the sample project: filter to one entity, select its row, read one of
# its sentences in context. Positions are those of the window at 1440x900.
xdotool key ctrl+2
# The ingest docks belong to the Jobs tab: close them to give the graph the room.
xdotool mousemove 1192 57 click 1 sleep 0.5 mousemove 1192 557 click 1
sleep "${GW_SHOT_GRAPH_AFTER:-8}"
xdotool key ctrl+f type --delay 40 "${GW_SHOT_ENTITY:-Ada Lovelace}"
sleep 1
xdotool mousemove "${GW_SHOT_ROW_X:-80}" "${GW_SHOT_ROW_Y:-168}" click 1
sleep 3
xdotool mousemove 1000 10
shot "$out/graph-workspace.png"
# All entities again, and the relation table.
xdotool key ctrl+f key ctrl+a key BackSpace
sleep 1
shot "$out/graph-entities.png"
kill "$app_pid" 2>/dev/null || true
echo "wrote $out/workbench-running.png, $out/workbench-done.png, $out/graph-workspace.png and $out/graph-entities.png"

#!/usr/bin/env bash
# Installs what is missing, builds into build/ and runs the main job on the bundled sample
# documents (resources/samples) in the project build/samples.gwp:
#   - with a display: the workbench window, ingesting the samples;
#   - without one (ssh, CI): the headless CLI, printing the summary.
# Extra arguments go to the program (e.g. ./run.sh --json without a display).
set -euo pipefail
GW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$GW_ROOT/scripts/common.sh"

gw_install_packages
gw_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo

project="$GW_ROOT/build/samples.gwp"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    gw_log "Opening the workbench on $project"
    exec "$GW_ROOT/build/bin/graphwright" --project "$project" "$@" "$GW_ROOT/resources/samples"
fi
gw_log "No display: ingesting the sample documents into $project with the CLI"
exec "$GW_ROOT/build/bin/graphwright-cli" ingest --project "$project" "$@" "$GW_ROOT/resources/samples"

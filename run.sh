#!/usr/bin/env bash
# Installs what is missing, builds into build/ and runs the main job: the headless CLI ingesting
# the bundled sample documents into samples.gwp. Extra arguments go to graphwright-cli ingest.
set -euo pipefail
GW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$GW_ROOT/scripts/common.sh"

gw_install_packages
gw_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo

project="$GW_ROOT/build/samples.gwp"
gw_log "Ingesting the sample documents into $project"
exec "$GW_ROOT/build/bin/graphwright-cli" ingest --project "$project" "$@" "$GW_ROOT/resources/samples"

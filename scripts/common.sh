# Shared by run.sh and test.sh: install missing Debian packages, configure and build.
# Sourced, not run. Expects GW_ROOT to be the checkout.

gw_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

gw_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "error: need root (or sudo) to run: $*" >&2
        return 1
    fi
}

# gw_install_packages [list]: the packages of scripts/debian-packages.txt (or of another list).
gw_install_packages() {
    local list="${1:-$GW_ROOT/scripts/debian-packages.txt}" wanted missing=()
    wanted=$(grep -v '^\s*#' "$list" | grep -v '^\s*$')
    for pkg in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    gw_log "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    gw_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    gw_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# gw_configure <build-dir> [extra cmake args...]
gw_configure() {
    local dir="$1"
    shift
    gw_log "Configuring $dir"
    cmake -S "$GW_ROOT" -B "$GW_ROOT/$dir" -G Ninja "$@" >"$GW_ROOT/$dir.configure.log" 2>&1 || {
        cat "$GW_ROOT/$dir.configure.log" >&2
        return 1
    }
}

# gw_build <build-dir> [extra cmake args...]: configures and builds everything.
gw_build() {
    gw_configure "$@"
    gw_log "Building $1"
    cmake --build "$GW_ROOT/$1"
}

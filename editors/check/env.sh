# Sourced by the editor checks: paths, and `trixie PROGRAM ARGS…`, which runs an editor
# unpacked by fetch.sh through trixie's own loader and C library.
TRIXIE=${TRIXIE:-/opt/trixie}
TRIXIE_LIB=$TRIXIE/usr/lib/x86_64-linux-gnu
CHECK_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$CHECK_DIR/../.." && pwd)
# The server the README's configs name (target/release/…); PROFILE=debug checks a debug build.
PROFILE=${PROFILE:-release}
SERVER=$REPO/target/$PROFILE/examples/ddl-lsp

trixie() {
  local prog=$1
  shift
  case $prog in
    nvim) prog=$TRIXIE/usr/bin/nvim ;;
    hx) prog=$TRIXIE/usr/lib/hx/hx ;;
  esac
  "$TRIXIE_LIB/ld-linux-x86-64.so.2" --library-path "$TRIXIE_LIB" "$prog" "$@"
}
# The editors as commands (arrays): $NVIM / $HX when set (an editor on PATH), else trixie's.
if [ -n "${NVIM:-}" ]; then NVIM_CMD=("$NVIM"); else
  NVIM_CMD=("$TRIXIE_LIB/ld-linux-x86-64.so.2" --library-path "$TRIXIE_LIB" "$TRIXIE/usr/bin/nvim"); fi
if [ -n "${HX:-}" ]; then HX_CMD=("$HX"); else
  HX_CMD=("$TRIXIE_LIB/ld-linux-x86-64.so.2" --library-path "$TRIXIE_LIB" "$TRIXIE/usr/lib/hx/hx"); fi
export VIMRUNTIME=$TRIXIE/usr/share/nvim/runtime
export HELIX_RUNTIME=$TRIXIE/usr/lib/hx/runtime

# The fenced block that follows the line starting with $1 in the README's "Editor
# support", with the README's placeholder paths replaced by this checkout's.
readme_block() {
  awk -v head="$1" '
    index($0, head) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }
  ' "$REPO/README.md" |
    sed -e "s#/path/to/connector-ddl/target/release/#$REPO/target/$PROFILE/#g" \
        -e "s#/path/to/profiles.json#$CHECK_DIR/profiles.json#g" \
        -e "s#/path/to/schemas#$CHECK_DIR/schemas#g"
}

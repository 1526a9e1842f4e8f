#!/usr/bin/env bash
# Runs the README's Neovim setup ("Editor support") in a real Neovim, headless: the README's
# init.lua exactly as written (placeholder paths replaced by this checkout's), on
# editors/check/orders.sql, driven by nvim_check.lua (diagnostics, completion, hover, quick
# fix). Not part of CI (CI has no editors). Needs:
#   bash editors/check/fetch.sh                # Neovim 0.10 from Debian trixie into /opt/trixie
#   cargo build --release --example ddl-lsp    # or PROFILE=debug with `cargo build --example ddl-lsp`
# Any Neovim ≥ 0.10 on PATH works too: NVIM=nvim bash editors/check/nvim.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ -x "$SERVER" ] || { echo "no server at $SERVER: cargo build --example ddl-lsp (PROFILE=debug) or --release" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
readme_block '**Neovim**' >"$work/init.lua"
echo "--- init.lua (from the README)"
cat "$work/init.lua"
echo "---"
cp "$CHECK_DIR/orders.sql" "$work/orders.sql"
cd "$work"
# The unpacked Neovim's tree-sitter parsers (markdown, for hover) are in /usr/lib/nvim under
# $TRIXIE, where its built-in runtimepath does not look.
NVIM_RTP=()
[ -n "${NVIM:-}" ] || NVIM_RTP=(--cmd "set runtimepath+=$TRIXIE/usr/lib/nvim")
# XDG dirs inside $work: no user config, plugins or state get in.
XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state \
  timeout 120 "${NVIM_CMD[@]}" --headless "${NVIM_RTP[@]}" -u init.lua orders.sql \
  -c "lua local ok, err = pcall(dofile, '$CHECK_DIR/nvim_check.lua') if not ok then io.stdout:write('FAIL ', err, '\\n') vim.cmd('cquit! 3') end"

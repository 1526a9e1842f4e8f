#!/usr/bin/env bash
# Runs the README's Neovim setup ("Editor support") in a real Neovim, headless: the README's
# init.lua exactly as written (placeholder paths replaced by this checkout's), on
# editors/check/orders.sql, driven by nvim_check.lua (diagnostics, completion, hover, quick
# fix), then CTRL-X CTRL-O typed into a second, listening nvim (the popup menu read back).
# Not part of CI (CI has no editors). Needs:
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
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_STATE_HOME=$work/state
timeout 120 "${NVIM_CMD[@]}" --headless "${NVIM_RTP[@]}" -u init.lua orders.sql \
  -c "lua local ok, err = pcall(dofile, '$CHECK_DIR/nvim_check.lua') if not ok then io.stdout:write('FAIL ', err, '\\n') vim.cmd('cquit! 3') end"

# The completion popup as typed: keys go through Neovim's input queue (another nvim sends
# them over the --listen socket), so insert mode stays on while the answer comes.
echo "--- CTRL-X CTRL-O typed in insert mode"
timeout 60 "${NVIM_CMD[@]}" --headless --listen "$work/nvim.sock" "${NVIM_RTP[@]}" \
  -u init.lua orders.sql >"$work/listen.log" 2>&1 &
remote() { "${NVIM_CMD[@]}" --server "$work/nvim.sock" "$@"; }
for _ in $(seq 50); do
  [ "$(remote --remote-expr 'luaeval("#vim.lsp.get_clients({name = [[ddl-lsp]]})")' 2>/dev/null)" = 1 ] && break
  sleep 0.2
done
remote --remote-send '7Goso<C-x><C-o>'
for _ in $(seq 25); do [ "$(remote --remote-expr 'pumvisible()')" = 1 ] && break; sleep 0.2; done
mode=$(remote --remote-expr 'mode()')
items=$(remote --remote-expr 'join(map(copy(complete_info().items), "v:val.word"), ", ")')
echo "     mode ${mode}, menu: ${items}"
remote --remote-send '<C-c>:qa!<CR>' || true
wait
if [ "$mode" = i ] && grep -q 'source.offset' <<<"$items"; then
  echo "ok   CTRL-X CTRL-O after \`so\` shows source.offset in the menu"
else
  echo "FAIL CTRL-X CTRL-O after \`so\` shows source.offset in the menu"
  exit 1
fi

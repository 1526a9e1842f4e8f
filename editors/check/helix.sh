#!/usr/bin/env bash
# Runs the README's Helix setup ("Editor support") in a real Helix, driven in tmux: the
# README's languages.toml exactly as written (placeholder paths replaced by this checkout's)
# in a fresh config dir, `hx --health sql`, then editors/check/orders.sql opened and, as a
# user would: the diagnostic (`space d`), hover (`space k`), the quick fix (`space a`),
# completion in a WITH clause (insert mode). Prints each screen; exits 0 when every step
# showed what it should. Not part of CI (CI has no editors). Needs tmux and:
#   bash editors/check/fetch.sh                # Helix 25.01 from Debian trixie into /opt/trixie
#   cargo build --release --example ddl-lsp    # or PROFILE=debug with `cargo build --example ddl-lsp`
# Any Helix on PATH works too: HX=hx bash editors/check/helix.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ -x "$SERVER" ] || { echo "no server at $SERVER: cargo build --example ddl-lsp (PROFILE=debug) or --release" >&2; exit 2; }

work=$(mktemp -d)
session=ddl-helix-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/config/helix"
readme_block '**Helix**' >"$work/config/helix/languages.toml"
echo "--- languages.toml (from the README)"
cat "$work/config/helix/languages.toml"
cp "$CHECK_DIR/orders.sql" "$work/orders.sql"
# No user config, cache or state gets in; the log (hx -v) has the LSP traffic.
export XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data

failures=0
ok() { echo "ok   $1"; }
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

echo "--- hx --health sql"
health=$(NO_COLOR=1 "${HX_CMD[@]}" --health sql 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
echo "$health"
if grep -q "✓ $SERVER" <<<"$health"; then ok "hx --health sql finds the server"; else fail "hx --health sql finds the server"; fi

tmux new-session -d -s "$session" -x 200 -y 50 -c "$work" \
  "$(printf '%q ' "${HX_CMD[@]}") -v orders.sql"
screen() { tmux capture-pane -p -t "$session" | sed 's/ *$//'; }
keys() { for k in "$@"; do tmux send-keys -t "$session" "$k"; sleep 0.2; done; }
# Typed text, a character at a time as a person types (a burst of keys makes Helix 25.01
# send its didChange notifications out of order: see notes/lsp.md, Session 5).
type_text() {
  local s=$1 i
  for ((i = 0; i < ${#s}; i++)); do tmux send-keys -t "$session" -l "${s:i:1}"; sleep 0.2; done
}
# Waits up to 15 s for the screen to match (or, with !, to stop matching) a regex, then
# prints it under a title.
expect() {
  local title=$1 pattern=$2 negate=${3:-} i shown
  for ((i = 0; i < 75; i++)); do
    shown=$(screen)
    if [ -z "$negate" ] && grep -qE -- "$pattern" <<<"$shown"; then break; fi
    if [ -n "$negate" ] && ! grep -qE -- "$pattern" <<<"$shown"; then break; fi
    sleep 0.2
  done
  echo "--- screen: $title"
  grep -v '^ *~$' <<<"$shown" | grep -v '^ *│ *│ *│' | grep -v '^$' || true
  if [ -z "$negate" ] && grep -qE -- "$pattern" <<<"$shown"; then ok "$title"
  elif [ -n "$negate" ] && ! grep -qE -- "$pattern" <<<"$shown"; then ok "$title"
  else fail "$title"; fi
}

expect "the diagnostic's mark and count" '● 1 +1 sel'
keys Space d
expect "space d: the diagnostics picker" 'ERROR +option::unknown unknown option `source.offst`'
keys Escape 7 g g g s Space k
expect "space k: hover on \`topic\`" 'The topic to read from or write to'
keys Escape 8 g g g s Space a
expect "space a: the quick fix offered" 'replace `source.offst` with `source.offset`'
keys Enter
expect "the quick fix applied, the diagnostic gone" '● 1 +1 sel' !
keys 7 g g o
type_text so
expect "insert mode: option keys completed in WITH" 'source\.offset +property'
keys C-n
expect "the completion's documentation" 'Where a new consumer group starts reading'
keys Enter
type_text " = '"
expect "inside the quotes: the option's values" "earliest +enum_member"
keys C-n Enter Escape
expect "the value completed" "source\.offset = 'earliest'\$"
keys : q ! Enter

if [ "$failures" -eq 0 ]; then echo "helix check: all passed"; else echo "helix check: $failures failed"; fi
[ "$failures" -eq 0 ]

#!/usr/bin/env bash
# Helix 25.01 sends the didChange notifications of a burst of keys out of order now and
# then (its log shows e.g. versions 11, 13, 12). This types a burst (`t.ab` in one go, at
# the start of a key, after a completion was accepted, where it happens most) RUNS times
# (default 8) in a fresh Helix each time, saves, and compares the key the server reports as
# unknown with the key in the saved file. Exits 1 if the server's text ever drifted from
# the editor's. Needs what helix.sh needs; uses the README's languages.toml.
set -euo pipefail
source "$(dirname "$0")/env.sh"
[ -x "$SERVER" ] || { echo "no server at $SERVER" >&2; exit 2; }
RUNS=${RUNS:-8}
drifted=0
reordered=0
for ((run = 1; run <= RUNS; run++)); do
  work=$(mktemp -d)
  session=ddl-burst-$$-$run
  mkdir -p "$work/config/helix"
  readme_block '**Helix**' >"$work/config/helix/languages.toml"
  head -11 "$CHECK_DIR/orders.sql" >"$work/orders.sql" # the orders table only
  tmux new-session -d -s "$session" -x 200 -y 50 -c "$work" \
    "env XDG_CONFIG_HOME=$work/config XDG_CACHE_HOME=$work/cache XDG_DATA_HOME=$work/data $(printf '%q ' "${HX_CMD[@]}") -v orders.sql"
  sleep 3
  # A new line, `so`, the first completion accepted, the line deleted; then the burst
  # at the start of `type` on line 9.
  for k in 7 g g o s o C-n Enter Escape x d 9 g g g s i; do tmux send-keys -t "$session" "$k"; sleep 0.2; done
  tmux send-keys -t "$session" -l "t.ab"
  sleep 1.5
  tmux send-keys -t "$session" Escape
  sleep 0.3
  tmux send-keys -t "$session" ":w" Enter
  sleep 1.5
  log=$work/cache/helix/helix.log
  sent=$(grep 'didChange"' "$log" | grep -o '"version":[0-9]*' | cut -d: -f2 | tr '\n' ' ')
  editor=$(sed -n 9p "$work/orders.sql" | awk '{print $1}')
  server=$(grep 'publishDiagnostics' "$log" | tail -1 | grep -o 'unknown option `t[^`]*`' | cut -d'`' -f2 || true)
  sorted=$(tr ' ' '\n' <<<"$sent" | grep . | sort -n | tr '\n' ' ')
  [ "$sent" = "$sorted" ] || reordered=$((reordered + 1))
  verdict=same
  [ "$editor" = "$server" ] || { verdict=DRIFTED; drifted=$((drifted + 1)); }
  echo "run $run: versions sent: $sent| editor's key: $editor | server's: $server | $verdict"
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$work"
done
echo "helix burst: $reordered of $RUNS runs sent changes out of order; the server drifted in $drifted"
[ "$drifted" -eq 0 ]

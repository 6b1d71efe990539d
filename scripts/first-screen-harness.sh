# The tmux harness of scripts/measure-first-screen.sh and scripts/measure-start-floor.sh, sourced by both:
# a launch in a fresh 120×40 pane timed from just before `exec` until a pattern is on screen. The caller sets
# `work` (a temporary folder), `socket` (its own tmux server) and `environment` (variables for the program).

peak() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$1/status" 2>/dev/null || echo "?"; }
milliseconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) * 1000 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Starts COMMAND in a fresh 120×40 pane and waits until PATTERN is on screen and LINES lines are drawn;
# prints "milliseconds pid".
launch() {
  local command=$1 pattern=$2 lines=$3
  tmux -L "$socket" new-session -d -s m -x 120 -y 40 \
    "bash -c 'printf %s \"\$EPOCHREALTIME\" > \"$work/start\"; exec env $environment $command'"
  local deadline=$((SECONDS + 120)) screen
  while true; do
    screen=$(tmux -L "$socket" capture-pane -p -t m 2>/dev/null || true)
    if grep -q "$pattern" <<<"$screen" && [ "$(grep -c . <<<"$screen")" -ge "$lines" ]; then break; fi
    [ "$SECONDS" -lt "$deadline" ] || { echo "het scherm verscheen niet binnen 120 s" >&2; exit 1; }
  done
  local shown=$EPOCHREALTIME
  echo "$(milliseconds "$(cat "$work/start")" "$shown") $(tmux -L "$socket" display-message -p -t m '#{pane_pid}')"
}

# Ends the pane's program (SIGHUP) and lets the machine settle before the next launch.
stop() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  sleep 0.3
}

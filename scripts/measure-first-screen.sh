#!/usr/bin/env bash
# Time from launch to the first full screen of the real `dossier` binary in a real terminal (tmux),
# median of several launches, and the peak memory (VmHWM) of the process once that screen is shown.
#
#   scripts/measure-first-screen.sh [DOSSIER.json] [RUNS]
#
# Without a file it measures the bundled Oss dossier (data/gemeente-oss.json). The file is copied to a
# temporary folder first, so the measurement never touches the original. Build first:
# `swift build -c release`; DOSSIER_BINARY chooses another binary.
#
# "Full screen" = the status bar's last hint ("alle toetsen") is on screen: the renderer draws the whole
# frame into its buffer and ncurses sends it in one refresh, so the status bar arrives with the list.
# The launch time is taken inside the tmux pane just before `exec`, so tmux's own start-up is not
# counted; polling `tmux capture-pane` costs 2-4 ms per look, which bounds the resolution.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${DOSSIER_BINARY:-.build/release/dossier}
source_file=${1:-data/gemeente-oss.json}
runs=${2:-9}
[ -x "$binary" ] || { echo "geen programma op $binary; eerst: swift build -c release" >&2; exit 66; }
[ -f "$source_file" ] || { echo "geen dossier op $source_file" >&2; exit 66; }
command -v tmux >/dev/null || { echo "tmux is nodig" >&2; exit 69; }

work=$(mktemp -d)
session="dossier-first-screen-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"' EXIT
binary=$(realpath "$binary")

times=()
memory=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work"/dossier.json*
  cp "$source_file" "$work/dossier.json"
  [ -f "$source_file.journal" ] && cp "$source_file.journal" "$work/dossier.json.journal"
  tmux new-session -d -s "$session" -x 120 -y 40 \
    "bash -c 'printf %s \"\$EPOCHREALTIME\" > \"$work/start\"; exec env LANG=C.UTF-8 HOME=\"$work\" DOSSIER_NOW=2026-11-22T09:00:00Z \"$binary\" --store \"$work/dossier.json\"'"
  deadline=$((SECONDS + 60))
  until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "alle toetsen"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "het scherm verscheen niet binnen 60 s" >&2; exit 1; }
  done
  shown=$EPOCHREALTIME
  pid=$(tmux display-message -p -t "$session" '#{pane_pid}')
  peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null || echo "?")
  start=$(cat "$work/start")
  elapsed=$(awk -v a="$start" -v b="$shown" 'BEGIN { printf "%.1f", (b - a) * 1000 }')
  echo "start $run: ${elapsed} ms tot het eerste volle scherm, piekgeheugen ${peak} MB"
  times+=("$elapsed")
  memory+=("$peak")
  tmux kill-session -t "$session"
  sleep 0.2
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "mediaan over $runs starts: $(median "${times[@]}") ms tot het eerste volle scherm; piekgeheugen (mediaan) $(median "${memory[@]}") MB"

#!/usr/bin/env bash
# Time from launch to the first full screen of the real `dossier` binary in a real terminal (tmux, 120×40),
# median of several launches, with its memory; and, when abook is installed, abook's first full screen
# on an address book with as many contacts as the dossier has activities, measured in the same run with
# the launches interleaved, and the ratio. This script installs nothing (`apt-get install abook` for the
# comparison).
#
#   scripts/measure-first-screen.sh [DOSSIER.json] [RUNS]
#
# Without a file it measures the bundled Oss dossier (data/gemeente-oss.json). The files are copied to a
# temporary folder once, so the measurement never touches the originals. A copy has a new inode, so its
# side index (NAME.index) no longer describes it: the first launch reads the whole dossier and writes a new
# one once its screen is up ("zonder bijbestand"); the launches after it are what a user sees every day.
# Each launch is ended with SIGHUP (the session is killed), so nothing is compacted in between.
# Build first: `swift build -c release`; DOSSIER_BINARY chooses another binary.
#
# DOSSIER_COMPARE_STORE=postgresql://… also starts the program on that store in every run, between the file
# and abook, and prints its median beside the file's: the first screen on a database against the same screen
# on a file, in one run. Copy the same dossier there first (`dossier db init` and `dossier copy --from FILE --to
# URL`, which writes its list index), and build with `--traits PostgreSQL`. The address is shown without a
# password.
#
# "Full screen" = the status bar's last hint ("alle toetsen") is on screen: the renderer draws the whole
# frame into its buffer and ncurses sends it in one refresh, so the status bar arrives with the list. For
# abook: its header ("q:quit") and the frame's bottom line. "Loaded" = the status word "dossier laden …" is
# gone (the whole dossier read behind the first screen). The launch time is taken inside the tmux pane just
# before `exec`, so tmux's own start-up is not counted; polling `tmux capture-pane` costs 2-4 ms per look,
# which bounds the resolution. Memory: the peak (VmHWM) of the process at the first screen, and once the
# whole dossier is loaded.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${DOSSIER_BINARY:-.build/release/dossier}
source_file=${1:-data/gemeente-oss.json}
runs=${2:-9}
[ -x "$binary" ] || { echo "geen programma op $binary; eerst: swift build -c release" >&2; exit 66; }
[ -f "$source_file" ] || { echo "geen dossier op $source_file" >&2; exit 66; }
command -v tmux >/dev/null || { echo "tmux is nodig" >&2; exit 69; }

work=$(mktemp -d)
socket="dossier-first-screen-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
binary=$(realpath "$binary")
cp "$source_file" "$work/dossier.json"
[ -f "$source_file.journal" ] && cp "$source_file.journal" "$work/dossier.json.journal"
environment="LANG=C.UTF-8 HOME=$work DOSSIER_USER=meting DOSSIER_NOW=2026-11-22T09:00:00Z"

# launch, stop, peak, milliseconds, median
source scripts/first-screen-harness.sh

# Waits until the whole dossier is loaded behind the first screen; prints the milliseconds since launch.
loaded() {
  local deadline=$((SECONDS + 120))
  while tmux -L "$socket" capture-pane -p -t m | grep -q "dossier laden"; do
    [ "$SECONDS" -lt "$deadline" ] || { echo "het dossier werd niet binnen 120 s geladen" >&2; exit 1; }
  done
  milliseconds "$(cat "$work/start")" "$EPOCHREALTIME"
}

dossier_command="\"$binary\" --store \"$work/dossier.json\""

# The first launch on the copy: no side index that describes it; it writes one once its screen is up.
read -r first pid <<<"$(launch "$dossier_command" "alle toetsen" 0)"
deadline=$((SECONDS + 120))
until [ -f "$work/dossier.json.index" ] && [ "$work/dossier.json.index" -nt "$work/dossier.json" ]; do
  [ "$SECONDS" -lt "$deadline" ] || { echo "er kwam geen bijbestand" >&2; exit 1; }
  sleep 0.05
done
first_peak=$(peak "$pid")
stop
echo "eerste start op de kopie (zonder bijbestand): ${first} ms tot het eerste volle scherm, piekgeheugen ${first_peak} MB"

contacts=0
if command -v abook >/dev/null; then
  contacts=$("$binary" validate "$work/dossier.json" --json | grep -o '"activities" *: *[0-9]*' | grep -o '[0-9]*$')
  # An address book as people keep one: name, e-mail, address, phones, notes; names with accents.
  awk -v n="$contacts" 'BEGIN {
    srand(7)
    print "# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n"
    split("Ærø Jansen Müller Øster Dupont Nguyễn Svensson Çelik Kowalski Rossi", last, " ")
    split("Anne Bram Chloé Daan Eva Floor Gijs Hanna Ivo Jet", given, " ")
    for (i = 0; i < n; i++) {
      printf "[%d]\nname=%s %s %d\nemail=contact%d@example.org\naddress=Raadhuislaan %d\ncity=Oss\nzip=5341 GM\ncountry=Nederland\nphone=+31 412 %06d\nmobile=+31 6 %08d\nnotes=Ontmoet op de handelsmissie van %d\n\n", i, given[1 + i % 10], last[1 + int(i / 10) % 10], i, i, i % 400, i, i, 2020 + i % 7
    }
  }' > "$work/addressbook"
fi

times=(); screen_peaks=(); loaded_times=(); loaded_peaks=(); abook_times=(); abook_peaks=(); compare_times=()
compare_store=${DOSSIER_COMPARE_STORE:-}
export DOSSIER_COMPARE_STORE
# The address as shown: without a password (postgresql://user:secret@host → postgresql://user@host).
compare_shown=$(sed -E 's#^([a-z]+://[^:/@]*):[^@]*@#\1@#' <<<"$compare_store")
for run in $(seq 1 "$runs"); do
  read -r elapsed pid <<<"$(launch "$dossier_command" "alle toetsen" 0)"
  screen_peak=$(peak "$pid")
  whole=$(loaded)
  sleep 0.2
  loaded_peak=$(peak "$pid")
  stop
  times+=("$elapsed"); screen_peaks+=("$screen_peak"); loaded_times+=("$whole"); loaded_peaks+=("$loaded_peak")
  line="start $run: dossier ${elapsed} ms tot het eerste volle scherm (${screen_peak} MB), heel dossier na ${whole} ms (${loaded_peak} MB)"
  if [ -n "$compare_store" ]; then
    # The address is read from the environment inside the pane, so no character in it is taken as syntax.
    read -r compare_elapsed pid <<<"$(launch "\"$binary\" --store \"\$DOSSIER_COMPARE_STORE\"" "alle toetsen" 0)"
    stop
    compare_times+=("$compare_elapsed")
    line="$line; op $compare_shown ${compare_elapsed} ms"
  fi
  if [ "$contacts" -gt 0 ]; then
    read -r abook_elapsed pid <<<"$(launch "abook --datafile \"$work/addressbook\"" "q:quit" $((contacts + 3 < 38 ? contacts + 3 : 38)))"
    abook_peak=$(peak "$pid")
    stop
    abook_times+=("$abook_elapsed"); abook_peaks+=("$abook_peak")
    line="$line; abook ${abook_elapsed} ms (${abook_peak} MB)"
  fi
  echo "$line"
done

echo "mediaan over $runs starts: $(median "${times[@]}") ms tot het eerste volle scherm (piekgeheugen $(median "${screen_peaks[@]}") MB);" \
  "het hele dossier geladen na $(median "${loaded_times[@]}") ms (piekgeheugen $(median "${loaded_peaks[@]}") MB)"
if [ -n "$compare_store" ]; then
  echo "op $compare_shown, dezelfde starts: $(median "${compare_times[@]}") ms tot het eerste volle scherm" \
    "(het bestand: $(median "${times[@]}") ms)"
fi
if [ "$contacts" -gt 0 ]; then
  dossier_median=$(median "${times[@]}")
  abook_median=$(median "${abook_times[@]}")
  echo "abook met $contacts contacten, dezelfde starts: $abook_median ms tot het eerste volle scherm (piekgeheugen $(median "${abook_peaks[@]}") MB);" \
    "dossier / abook = $(awk -v d="$dossier_median" -v a="$abook_median" 'BEGIN { printf "%.2f", d / a }')"
else
  echo "(abook is niet geïnstalleerd: geen vergelijking; apt-get install abook)"
fi

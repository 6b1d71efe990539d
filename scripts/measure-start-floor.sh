#!/usr/bin/env bash
# How fast can a program start and draw one full screen in tmux at all, measured as
# scripts/measure-first-screen.sh measures `dossier` and abook (same harness, same 120×40 pane)?
#
#   scripts/measure-start-floor.sh [RUNS]
#
# Builds, in a temporary folder, the same tiny ncurses program four ways — in C, in Swift without Foundation,
# in Swift with Foundation loaded, and the two Swift ones with the standard library linked in statically — and
# starts each in turn, interleaved with `dossier` on the bundled dossier (and abook on an address book of one
# contact, when installed). Each program draws 39 lines with accents and CJK and a last line with "alle
# toetsen", then waits for a key: what a start costs before any dossier is read. Prints the median of each.
# Needs cc, swiftc, tmux and libncurses-dev; installs nothing. Build first: `swift build -c release`.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=$(realpath "${DOSSIER_BINARY:-.build/release/dossier}")
runs=${1:-9}
[ -x "$binary" ] || { echo "geen programma op $binary; eerst: swift build -c release" >&2; exit 66; }
for tool in cc swiftc tmux; do command -v "$tool" >/dev/null || { echo "$tool is nodig" >&2; exit 69; }; done

work=$(mktemp -d)
socket="dossier-start-floor-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
environment="LANG=C.UTF-8 HOME=$work DOSSIER_USER=meting DOSSIER_NOW=2026-11-22T09:00:00Z"
# launch, stop, median
source scripts/first-screen-harness.sh

cat > "$work/floor.c" <<'EOF'
#include <locale.h>
#include <stdio.h>
#include <ncurses.h>
int main(void) {
    setlocale(LC_ALL, "");
    initscr(); cbreak(); noecho(); keypad(stdscr, TRUE);
    char line[64];
    for (int row = 0; row < LINES - 1; row++) {
        snprintf(line, sizeof line, "Regel %d: Århus, Besançon, 上海", row + 1);
        mvaddstr(row, 0, line);
    }
    mvaddstr(LINES - 1, 0, " q stoppen   ? alle toetsen");
    refresh(); getch(); endwin();
    return 0;
}
EOF
cat > "$work/floor.swift" <<'EOF'
import CNcursesw
setlocale(LC_ALL, "")
initscr(); cbreak(); noecho(); keypad(stdscr, true)
for row in 0..<(dossier_lines() - 1) { mvaddstr(row, 0, "Regel \(row + 1): Århus, Besançon, 上海") }
mvaddstr(dossier_lines() - 1, 0, " q stoppen   ? alle toetsen")
refresh(); getch(); endwin()
EOF
# The same with Foundation loaded and used once (dossier uses it for dates, paths and transliteration).
{ echo "import Foundation"; sed 's/^refresh()/mvaddstr(0, 60, ProcessInfo.processInfo.environment["HOME"] ?? ""); refresh()/' "$work/floor.swift"; } \
  > "$work/floor-foundation.swift"

cc -O2 "$work/floor.c" -o "$work/c" -lncursesw
swiftc -O -I Sources/CNcursesw "$work/floor.swift" -o "$work/swift" 2>/dev/null
swiftc -O -I Sources/CNcursesw "$work/floor-foundation.swift" -o "$work/swift-foundation" 2>/dev/null
swiftc -O -static-stdlib -I Sources/CNcursesw "$work/floor.swift" -o "$work/swift-static" 2>/dev/null
swiftc -O -static-stdlib -I Sources/CNcursesw "$work/floor-foundation.swift" -o "$work/swift-foundation-static" 2>/dev/null
cp data/gemeente-oss.json "$work/dossier.json"

names=("C" "Swift" "Swift + Foundation" "Swift, statisch" "Swift + Foundation, statisch" "dossier (meegeleverd dossier)")
commands=("$work/c" "$work/swift" "$work/swift-foundation" "$work/swift-static" "$work/swift-foundation-static"
          "\"$binary\" --store \"$work/dossier.json\"")
patterns=("alle toetsen" "alle toetsen" "alle toetsen" "alle toetsen" "alle toetsen" "alle toetsen")
if command -v abook >/dev/null; then
  printf '# abook addressbook file\n\n[format]\nprogram=abook\nversion=0.6.1\n\n[0]\nname=Anne Ærø\nemail=anne@example.org\n\n' > "$work/addressbook"
  names+=("abook (1 contact)"); commands+=("abook --datafile \"$work/addressbook\""); patterns+=("q:quit")
fi

# The first launch of each reads its files into the page cache; not counted.
for index in "${!commands[@]}"; do launch "${commands[$index]}" "${patterns[$index]}" 0 >/dev/null; stop; done
declare -A samples
for run in $(seq 1 "$runs"); do
  for index in "${!commands[@]}"; do
    read -r elapsed _ <<<"$(launch "${commands[$index]}" "${patterns[$index]}" 0)"
    stop
    samples[$index]="${samples[$index]:-} $elapsed"
  done
done
echo "mediaan over $runs starts, tot het eerste volle scherm in tmux (120×40):"
for index in "${!commands[@]}"; do
  # shellcheck disable=SC2086
  printf '  %-32s %6s ms\n' "${names[$index]}" "$(median ${samples[$index]})"
done

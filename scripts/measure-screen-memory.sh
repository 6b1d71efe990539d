#!/usr/bin/env bash
# Peak memory of the screen (VmHWM) on a generated dossier of 100.000 activities and 10.000 relations, once the
# whole dossier is read and the search keys are made (the resident size has stood still for 3 s), three starts
# each; with a second binary (an older build) alternately, each on its own copy of the same dossier. With
# heaptrack on the machine, one more start of each under heaptrack: the peak of the heap and where it is, by the
# innermost function of this program that allocated it.
#
#   scripts/measure-screen-memory.sh [NEW_BINARY [OLD_BINARY]]
#
# Defaults to .build/release/dossier; an older build as in scripts/measure-commands.sh. Needs tmux, and python3
# for heaptrack's breakdown. Takes ± 1 min per binary. Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
binaries=("${1:-.build/release/dossier}")
[ $# -ge 2 ] && binaries+=("$2")
work=$(mktemp -d /tmp/dossier-screen-memory.XXXXXX)
socket="dossier-screen-memory-$$"
trap 'tmux -L "$socket" kill-server 2> /dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/home"
export HOME="$work/home" DOSSIER_USER=meting LANG=C.UTF-8 NO_COLOR=1
for index in "${!binaries[@]}"; do
    mkdir -p "$work/$index"
    binaries[$index]=$(realpath "${binaries[$index]}")
    DOSSIER_NOW=2026-11-22T09:00:00Z "${binaries[$index]}" generate --relations 10000 --activities 100000 --seed 7 --journal 50 \
        -o "$work/$index/d.json" > /dev/null
done

# Starts the screen (with an optional wrapper such as heaptrack), waits until its resident size has stood still
# for 3 s (at most 40 s), prints its VmHWM in MB and stops it without letting it compact.
screen_peak() { # index, then the wrapper's words
    local index=$1 pid="" rss="" last="" still=0
    shift
    tmux -L "$socket" new-session -d -s m -x 120 -y 36 "cd $work/$index && $* ${binaries[$index]} --store $work/$index/d.json; sleep 60"
    for _ in $(seq 1 80); do
        sleep 0.5
        pid=$(pgrep -f "^${binaries[$index]} --store $work/$index/d.json" | head -1 || true)
        [ -n "$pid" ] || continue
        rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")
        if [ "$rss" = "$last" ]; then still=$((still + 1)); else still=0; fi
        last=$rss
        [ "$still" -ge 6 ] && break
    done
    awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"
    kill -KILL "$pid"
    sleep 1
    tmux -L "$socket" kill-server 2> /dev/null || true
}

for index in "${!binaries[@]}"; do
    peaks=""
    for _ in 1 2 3; do peaks+=" $(screen_peak "$index") MB"; done
    echo "${binaries[$index]}: piekgeheugen van het scherm (VmHWM):$peaks"
done

command -v heaptrack > /dev/null && command -v python3 > /dev/null || exit 0
for index in "${!binaries[@]}"; do
    screen_peak "$index" heaptrack -o "$work/$index/heap" > /dev/null
    sleep 3
    echo
    echo "${binaries[$index]}: onder heaptrack"
    heaptrack_print -f "$work/$index"/heap*.zst --flamegraph-cost-type peak -F "$work/$index/stacks" | grep "peak heap memory"
    python3 - "$work/$index/stacks" << 'PYTHON'
import collections, subprocess, sys
# Per stack the bytes it held at the peak, counted to the innermost function of this program (not the standard
# library's array growth it called), its name demangled.
places = collections.Counter()
for line in open(sys.argv[1]):
    stack, _, size = line.rstrip().rpartition(" ")
    ours = [frame.split(" (")[0] for frame in stack.split(";") if "Dossier" in frame and not frame.startswith(("$ss", "$sS"))]
    places[ours[-1] if ours else "(buiten dit programma)"] += int(size)
top = places.most_common(15)
def demangled(*options):
    names = subprocess.run(["swift", "demangle", "--compact", *options], input="\n".join(p for p, _ in top), capture_output=True,
                           text=True).stdout.splitlines()
    return names if len(names) == len(top) else [p for p, _ in top]
# The short name, and for a generic function the type it was specialised for (what the array held).
for (place, size), short, full in zip(top, demangled("--simplified"), demangled()):
    marker = "generic specialization <"
    if marker in full:
        full = full[full.index(marker):]
        depth, end = 0, len(full)
        for index, character in enumerate(full):
            depth += {"<": 1, ">": -1}.get(character, 0)
            if depth == 0 and character == ">":
                end = index
                break
        short += " <" + full[len(marker):end].replace("DossierCore.", "").replace("Swift.", "") + ">"
    print(f"  {size / 1e6:6.1f} MB  {short[:110]}")
PYTHON
done

#!/usr/bin/env bash
# Wall time and peak memory (maximum resident set size, /usr/bin/time) of the list commands, the changes of one
# record and the refusals of a mistyped name, on a generated dossier of 100.000 activities and 10.000 relations,
# three runs each; with a second binary (an older build), both in the same run, alternately, each on its own
# copy of the same dossier (generated with the same seed, so the changes never disturb the other's figures).
#
#   scripts/measure-commands.sh [NEW_BINARY [OLD_BINARY]]
#
# Defaults to .build/release/dossier. An older build for comparison:
#   git worktree add /tmp/old <commit> && (cd /tmp/old && swift build -c release)
#   scripts/measure-commands.sh .build/release/dossier /tmp/old/.build/release/dossier
# Generating the dossiers takes ± 5 s each; the whole run ± 3 min. Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
binaries=("${1:-.build/release/dossier}")
[ $# -ge 2 ] && binaries+=("$2")
work=$(mktemp -d /tmp/dossier-measure.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
export HOME="$work/home" DOSSIER_USER=meting LANG=C.UTF-8
for index in "${!binaries[@]}"; do
    mkdir -p "$work/$index"
    DOSSIER_NOW=2026-11-22T09:00:00Z "${binaries[$index]}" generate --relations 10000 --activities 100000 --seed 7 --journal 50 \
        -o "$work/$index/d.json" > /dev/null
done

measure() { # label, then the arguments; @I@ becomes the run's number
    local label=$1 line
    shift
    line=$(printf '%-34s' "$label")
    for index in "${!binaries[@]}"; do
        local times="" peaks="" status=0
        for run in 1 2 3; do
            local arguments=("${@//@I@/$run}")
            status=0
            /usr/bin/time -f '%e %M' -o "$work/time" "${binaries[$index]}" "${arguments[@]}" --store "$work/$index/d.json" \
                > /dev/null 2> /dev/null || status=$?
            read -r seconds kilobytes < <(tail -1 "$work/time")
            times+=" $seconds"
            peaks+=" $((kilobytes / 1024))"
        done
        line+=$(printf ' | %s s,%s MB (%s)' "$times" "$peaks" "$status")
    done
    echo "$line"
}

echo "dossier per opdracht: seconden en piekgeheugen van drie runs (exitstatus); ${binaries[*]}"
measure "show: past nergens" show nergens-te-vinden-xyz
measure "show: met suggesties" show arhus
measure "log: past nergens" log nergens-te-vinden-xyz
measure "move: tikfout in een id" move bedrijfsacquisitie-farma-23344x gepland
measure "move: tikfout in een titel" move "Bedrijfsacquisitie farmaa 23344" gepland
measure "edit: tikfout in een relatie" edit "Århus 1008q" --notes x
measure "delete: tikfout in een titel" delete "Bedrijfsacquisitie farmaa 23344" --yes
measure "edit: relatie bij naam" edit "Århus 1008" --notes "n@I@"
measure "add-link: relatie bij naam" add-link "århus 1051" --url "https://example.org/@I@" --label "L@I@"
measure "assess (zonder bewaren)" assess bedrijfsacquisitie-farma-23344
measure "add-follow-up bij id" add-follow-up bedrijfsacquisitie-life-sciences-30152 --what "W@I@" --due 1-1-2027
measure "activities --json" activities --json
measure "activities" activities
measure "agenda" agenda
measure "due" due
measure "budget" budget
measure "show van een relatie" show arhus-1110
measure "relations" relations

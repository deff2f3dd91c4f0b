#!/usr/bin/env bash
# Cold start of one-shot commands: `validate-rules` and `decide` on one file, each run RUNS times as a fresh process,
# for every program given (a folder holding decisioning.dll: a build output or a publish folder). Reports wall and CPU
# time (user + sys, GNU time), minimum and mean.
#
#   bench/batch/cold-start.sh                                   # the Release build and the README's publish of this tree
#   bench/batch/cold-start.sh /tmp/main-build src/Host/bin/Release/net10.0   # programs to compare, e.g. main's build
#   RUNS=10 bench/batch/cold-start.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${RUNS:-5}"
PROGRAMS=("$@")
if [ ${#PROGRAMS[@]} -eq 0 ]; then
  dotnet build -c Release -v q -nologo "$ROOT/src/Host/Host.csproj" >&2
  R2R="$(mktemp -d -t decisioning-r2r.XXXXXX)"
  dotnet publish "$ROOT/src/Host/Host.csproj" -c Release -r linux-x64 --self-contained -o "$R2R" -v q -nologo >&2
  PROGRAMS=("$ROOT/src/Host/bin/Release/net10.0" "$R2R")
fi
TIMES="$(mktemp)"
echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| program | command | wall min | wall mean | CPU min | CPU mean |\n|---|---|---:|---:|---:|---:|\n'
for program in "${PROGRAMS[@]}"; do
  for command in "validate-rules $ROOT/rules" "decide $ROOT/samples/nordlys-individual-growth.json --rules $ROOT/rules --templates $ROOT/templates"; do
    for _ in $(seq 1 "$RUNS"); do
      # shellcheck disable=SC2086 # the command is words
      /usr/bin/time -f '%e %U %S' -o "$TIMES" dotnet "$program/decisioning.dll" $command >/dev/null 2>&1 || true
      cat "$TIMES"
    done | awk -v p="$program" -v c="${command%% *}" '{ c2 = $2 + $3; n++; sw += $1; sc += c2; if (wm == "" || $1 < wm) wm = $1; if (cm == "" || c2 < cm) cm = c2 }
      END { printf "| %s | %s | %.2f s | %.2f s | %.2f s | %.2f s |\n", p, c, wm, sw / n, cm, sc / n }'
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

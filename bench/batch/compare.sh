#!/usr/bin/env bash
# decide-batch against its baselines, in the same run: the service (`decisioning decide-batch`, Release, with and without
# the facts block: `--no-facts`, since neither baseline writes facts), the same
# engine with the hand-written C# policy (`Decisioning.Bench batch-handwritten`) and a plain Python reading of the policy
# (`bench/python/decide_batch.py`, json in and out). For each size it reports wall and CPU time (GNU time) and the
# marginal cost per line: (time for N lines - time for 1 line) / (N - 1), which leaves start-up out. The three outputs
# are compared byte for byte with the service's --no-facts output (neither baseline writes the facts block).
#
#   bench/batch/compare.sh                 # 40,000 and 100,000 lines
#   bench/batch/compare.sh 10000           # the sizes given; with two or more, a second table gives the marginal cost
#                                          # between each size and the one before (the warm rate, warm-up left out)
#   CPUS=0 bench/batch/compare.sh          # pin every program to these cores (taskset), e.g. one core. Beware: pinned
#                                          # to one core, .NET's tiered compilation did not move the hot methods past
#                                          # tier 0 within 4 s (perf map: 65 of 5,600 methods at tier 1), so a pinned
#                                          # JIT build measures unoptimised code
#   BUILD=jit bench/batch/compare.sh       # both C# programs from `dotnet build -c Release` (JIT only) instead
#   REPEAT=3 bench/batch/compare.sh        # 3 rounds of every size and program, in turn, keeping each one's fastest wall and
#                                          # least CPU: on a shared host whose speed drifts, the minimum is the figure
#                                          # least disturbed by others (every run is listed on standard error)
# By default both C# programs are published self-contained for linux-x64 as one composite ReadyToRun image without
# the quick JIT (how the README says to run the program for speed): the service, and the bench program that holds the
# hand-written decider, so the two start from the same kind of code. The hand-written decider runs with the service's
# runtime settings (no tiered PGO, as src/Host/Host.csproj sets).
#   PREVIOUS=/tmp/old-publish bench/batch/compare.sh   # adds that build of the program as a same-run baseline
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$(mktemp -d -t decisioning-compare.XXXXXX)}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(40000 100000)
PIN=()
[ -z "${CPUS:-}" ] || PIN=(taskset -c "$CPUS")

if [ "${BUILD:-r2r}" = jit ]; then
  dotnet build -c Release -v q -nologo "$ROOT/bench/Decisioning.Bench/Decisioning.Bench.csproj" >&2
  HOST="$ROOT/src/Host/bin/Release/net10.0/decisioning.dll"
  BENCH="$ROOT/bench/Decisioning.Bench/bin/Release/net10.0/Decisioning.Bench.dll"
else
  # The service as the README publishes it for speed: self-contained, one composite ReadyToRun image, no quick JIT
  # (src/Host/Host.csproj). The bench program gets the same, in its own intermediate folder as the service's has.
  dotnet publish -c Release -r linux-x64 --self-contained -v q -nologo -o "$WORK/publish-host" "$ROOT/src/Host/Host.csproj" >&2
  dotnet publish -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
    -p:TieredCompilationQuickJit=false -p:IntermediateOutputPath=obj/Release/composite/ -v q -nologo -o "$WORK/publish-bench" \
    "$ROOT/bench/Decisioning.Bench/Decisioning.Bench.csproj" >&2
  HOST="$WORK/publish-host/decisioning.dll"
  BENCH="$WORK/publish-bench/Decisioning.Bench.dll"
  export DECISIONING_ROOT="$ROOT" # the bench program finds the rule set from here, not from its own folder
fi
read -r VERSION HASH < <(dotnet "$HOST" validate-rules "$ROOT/rules" | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["version"], d["hash"])')

# measure NAME N OUT: runs NAME once on N lines, its output to OUT, and keeps its least wall and CPU so far in
# BEST_WALL and BEST_CPU["NAME N"].
declare -A BEST_WALL BEST_CPU
measure() {
  local name="$1" n="$2" out="$3" w c
  read -r w c < <(run "$name" "$WORK/in-$n.jsonl" "$out")
  echo "    $name $n: $w s wall, $c s CPU" >&2
  local k="$name $n"
  if [ -z "${BEST_WALL[$k]:-}" ] || awk -v a="$w" -v b="${BEST_WALL[$k]}" 'BEGIN { exit !(a < b) }'; then BEST_WALL[$k]=$w; fi
  if [ -z "${BEST_CPU[$k]:-}" ] || awk -v a="$c" -v b="${BEST_CPU[$k]}" 'BEGIN { exit !(a < b) }'; then BEST_CPU[$k]=$c; fi
}
REPEAT="${REPEAT:-1}"
PROGRAMS=(service service-no-facts handwritten python)
# PREVIOUS=DIR adds "previous-no-facts": another build of the program (a folder holding decisioning.dll, e.g. an
# earlier commit's publish) run the same way as service-no-facts, as a same-run baseline.
[ -z "${PREVIOUS:-}" ] || PROGRAMS=(service service-no-facts previous-no-facts handwritten python)

# run NAME INPUT OUTPUT: prints "wall cpu" in seconds. Wall is read from bash's microsecond clock around the run (GNU
# time's is in hundredths, 2.5 % of 40,000 lines at 100,000 a second); CPU (user + sys) from GNU time.
run() {
  local name="$1" input="$2" output="$3" log="$WORK/time.txt" start="$EPOCHREALTIME"
  case "$name" in
    service) "${PIN[@]}" /usr/bin/time -f '%e %U %S' -o "$log" dotnet "$HOST" decide-batch "$input" --rules "$ROOT/rules" --templates "$ROOT/templates" >"$output" ;;
    service-no-facts) "${PIN[@]}" /usr/bin/time -f '%e %U %S' -o "$log" dotnet "$HOST" decide-batch "$input" --no-facts --rules "$ROOT/rules" --templates "$ROOT/templates" >"$output" ;;
    previous-no-facts) "${PIN[@]}" /usr/bin/time -f '%e %U %S' -o "$log" dotnet "$PREVIOUS/decisioning.dll" decide-batch "$input" --no-facts --rules "$ROOT/rules" --templates "$ROOT/templates" >"$output" ;;
    handwritten) DOTNET_TieredPGO=0 "${PIN[@]}" /usr/bin/time -f '%e %U %S' -o "$log" dotnet "$BENCH" batch-handwritten "$input" >"$output" ;;
    python) "${PIN[@]}" /usr/bin/time -f '%e %U %S' -o "$log" python3 "$ROOT/bench/python/decide_batch.py" "$VERSION" "$HASH" "$input" >"$output" ;;
  esac
  local end="$EPOCHREALTIME"
  awk -v start="$start" -v end="$end" '{ printf "%.3f %.2f\n", end - start, $2 + $3 }' "$log"
}

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)${CPUS:+, pinned to CPUs $CPUS}; build: ${BUILD:-r2r}" >&2
# Every size is measured in every round, and every program in turn within a size, so a slow minute of a shared host
# falls on all of them alike rather than on one size's block. The first round keeps every output (compared below);
# later rounds write to /dev/null, so gigabytes of files waiting to reach the disk do not slow the runs after them.
for n in 1 "${SIZES[@]}"; do
  dotnet "$BENCH" gen-batch "$n" "$WORK/in-$n.jsonl"
done
for round in $(seq 1 "$REPEAT"); do
  echo "  round $round of $REPEAT" >&2
  for n in 1 "${SIZES[@]}"; do
    for name in "${PROGRAMS[@]}"; do
      if [ "$round" -eq 1 ]; then measure "$name" "$n" "$WORK/out-$n-$name"; else measure "$name" "$n" /dev/null; fi
    done
  done
done
printf '| program | lines | wall s | CPU s | 1 line: wall / CPU s | marginal wall us/line | marginal CPU us/line | lines/s (marginal wall) |\n'
printf '|---|---:|---:|---:|---:|---:|---:|---:|\n'
declare -A PREV_N PREV_WALL PREV_CPU
STEADY=""
for n in "${SIZES[@]}"; do
  for name in "${PROGRAMS[@]}"; do
    w=${BEST_WALL[$name $n]}; c=${BEST_CPU[$name $n]}
    if [ -n "${PREV_N[$name]:-}" ]; then
      # Between this size and the one before: the cost of the extra lines once the program is warm (start-up and the
      # warm-up of the first lines both left out).
      STEADY+="$(awk -v name="$name" -v a="${PREV_N[$name]}" -v b="$n" -v wa="${PREV_WALL[$name]}" -v wb="$w" -v ca="${PREV_CPU[$name]}" -v cb="$c" 'BEGIN {
        mw = (wb - wa) / (b - a) * 1e6; mc = (cb - ca) / (b - a) * 1e6
        printf "| %s | %d to %d | %.1f | %.1f | %.0f |", name, a, b, mw, mc, (mw > 0 ? 1e6 / mw : 0) }')"$'\n'
    fi
    PREV_N[$name]=$n; PREV_WALL[$name]=$w; PREV_CPU[$name]=$c
    awk -v name="$name" -v n="$n" -v w="$w" -v c="$c" -v w1="${BEST_WALL[$name 1]}" -v c1="${BEST_CPU[$name 1]}" 'BEGIN {
      mw = (w - w1) / (n - 1) * 1e6; mc = (c - c1) / (n - 1) * 1e6
      printf "| %s | %d | %.3f | %.2f | %.3f / %.2f | %.1f | %.1f | %.0f |\n", name, n, w, c, w1, c1, mw, mc, (mw > 0 ? 1e6 / mw : 0) }'
  done
  for name in "${PROGRAMS[@]:2}"; do
    if cmp -s "$WORK/out-$n-service-no-facts" "$WORK/out-$n-$name"; then
      echo "  $n lines: $name output identical to the service's --no-facts output" >&2
    else
      echo "  $n lines: $name output DIFFERS from the service's --no-facts output ($WORK/out-$n-$name)" >&2
    fi
  done
  echo "  $n lines: output bytes: $(for name in "${PROGRAMS[@]}"; do printf '%s %s  ' "$name" "$(stat -c %s "$WORK/out-$n-$name")"; done)" >&2
done
[ -n "${KEEP:-}" ] || rm -f "$WORK"/in-*.jsonl "$WORK"/out-*
if [ -n "$STEADY" ]; then
  printf '\n| program | lines | marginal wall us/line | marginal CPU us/line | lines/s (marginal wall) |\n|---|---|---:|---:|---:|\n%s' "$STEADY"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

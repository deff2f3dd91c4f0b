#!/usr/bin/env bash
# Runs `decisioning decide-batch` (Release) over generated application lines and reports wall time, decisions per
# second and peak resident memory (GNU time -v), for several batch sizes, so it shows whether memory grows with the
# batch. The lines are generated deterministically from bench/Decisioning.Bench/applications/ (ids, CVR, head count,
# founding date, costs, request and activity varied; every line is a valid application).
#
#   bench/batch/run-batch.sh                 # 1, 10,000 and 100,000 lines
#   bench/batch/run-batch.sh 100000 10000    # the sizes given
#   KEEP=1 bench/batch/run-batch.sh          # keep the generated input and output in $WORK
#   EXTRA_ENV="DOTNET_gcServer=0" bench/batch/run-batch.sh   # run the program with extra environment
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-$(mktemp -d -t decisioning-batch.XXXXXX)}"
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then
  SIZES=(1 10000 100000)
fi

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (apt package 'time')" >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi

echo "building Release (src/Host, bench/Decisioning.Bench)" >&2
dotnet build -c Release -v q -nologo "$ROOT/src/Host/Host.csproj" >&2
dotnet build -c Release -v q -nologo "$ROOT/bench/Decisioning.Bench/Decisioning.Bench.csproj" >&2
HOST="$ROOT/src/Host/bin/Release/net10.0/decisioning.dll"
BENCH="$ROOT/bench/Decisioning.Bench/bin/Release/net10.0/Decisioning.Bench.dll"

# "h:mm:ss.ss" or "m:ss.ss" from GNU time to seconds.
to_seconds() { awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }

echo "machine: $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '| lines | wall s | decisions/s (incl. start-up) | peak RSS MiB | user s | sys s | output lines | bad/failed lines |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${SIZES[@]}"; do
  input="$WORK/applications-$n.jsonl"
  output="$WORK/decisions-$n.jsonl"
  timelog="$WORK/time-$n.txt"
  dotnet "$BENCH" gen-batch "$n" "$input"
  set +e
  # shellcheck disable=SC2086 # EXTRA_ENV is a list of NAME=VALUE words
  env ${EXTRA_ENV:-} /usr/bin/time -v -o "$timelog" dotnet "$HOST" decide-batch "$input" --rules "$ROOT/rules" --templates "$ROOT/templates" >"$output" 2>"$WORK/stderr-$n.txt" &
  timepid=$!
  # Resident memory over the run: "lines written, RSS KiB" every half second, to see whether it grows.
  : >"$WORK/rss-$n.txt"
  while kill -0 "$timepid" 2>/dev/null; do
    child=$(pgrep -P "$timepid" | head -1)
    if [ -n "$child" ] && rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$child/status" 2>/dev/null) && [ -n "$rss" ]; then
      echo "$(wc -l <"$output") $rss" >>"$WORK/rss-$n.txt"
    fi
    sleep 0.5
  done
  wait "$timepid"
  rc=$?
  set -e
  wall=$(to_seconds "$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$timelog")")
  rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$timelog")
  user=$(sed -n 's/.*User time (seconds): //p' "$timelog")
  sys=$(sed -n 's/.*System time (seconds): //p' "$timelog")
  lines=$(wc -l <"$output")
  bad=$(grep -c '"errors":\|"error":' "$output" || true)
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$wall" "$rate" "$rss" "$user" "$sys" "$lines" "$bad"
  if [ "$n" -ge 10000 ]; then
    # RSS after each tenth of the batch (the first sample at or past it).
    awk -v n="$n" 'BEGIN { next_at = n / 10 } $1 >= next_at && next_at <= n { printf "%s%d%%: %.1f MiB", sep, 100 * $1 / n, $2 / 1024; sep = ", "; while (next_at <= $1) next_at += n / 10 } END { print "" }' \
      "$WORK/rss-$n.txt" | sed "s/^/  RSS during $n lines (lines done: RSS): /" >&2
  fi
  if [ "$rc" -ne 0 ] || [ "$lines" -ne "$n" ]; then
    echo "decide-batch exited $rc with $lines lines for $n inputs; see $WORK/stderr-$n.txt" >&2
    exit 1
  fi
  if [ -z "${KEEP:-}" ]; then
    rm -f "$input" "$output"
  fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); files in $WORK" >&2

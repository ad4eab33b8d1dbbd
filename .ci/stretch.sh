#!/usr/bin/env bash
# One node at full stretch: a 2-minute run of 300 symbols at nominal speed, no faults. Passes when the run exits 0
# (every criterion, reconciliation valid) and its order round-trip p99 is under STRETCH_MAX_P99_MS (100 by default).
# Not part of .ci/run: it takes about four minutes and wants the machine to itself (docs/operations.md, Performance).
# Usage: bash .ci/stretch.sh [REPORT_DIR]   (env: STRETCH_SYMBOLS=300, STRETCH_DURATION=2m, STRETCH_MAX_P99_MS=100)
set -euo pipefail

cd "$(dirname "$0")/.."

symbols="${STRETCH_SYMBOLS:-300}"
duration="${STRETCH_DURATION:-2m}"
max_p99_ms="${STRETCH_MAX_P99_MS:-100}"
report_dir="${1:-reports/stretch}"

say() { echo "stretch.sh: $*" >&2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/ContinuousOperation.Cli -c Release --nologo -v quiet >&2

say "load before the run: $(uptime)"
status=0
dotnet src/ContinuousOperation.Cli/bin/Release/net10.0/continuous-operation.dll run \
  --duration "$duration" --symbol-count "$symbols" --speed 1 --faults none --report-dir "$report_dir" || status=$?
say "load after the run: $(uptime)"

# The newest run folder's report; a run that could not start (exit 2 or 3) has none.
report=$(ls -t "$report_dir"/run_*/continuous_operation_*.json 2>/dev/null | head -n 1 || true)
if [[ -z "$report" ]]; then
  say "no report in $report_dir (run exit code $status)"
  exit $(( status != 0 ? status : 3 ))
fi

# The order_round_trip summary is a flat object: squeeze the whitespace out and read its p99_ms, no JSON tool needed.
p99=$(tr -d ' \n\r\t' < "$report" | grep -o '"order_round_trip":{[^}]*}' | grep -o '"p99_ms":[-0-9.eE+]*' | cut -d: -f2 || true)
if [[ -z "$p99" ]]; then
  say "$report has no order_round_trip p99 (run exit code $status)"
  exit $(( status != 0 ? status : 1 ))
fi

say "$symbols symbols for $duration: exit code $status, order round-trip p99 ${p99} ms (limit ${max_p99_ms} ms), report $report"
if (( status != 0 )); then exit "$status"; fi
if ! awk -v p="$p99" -v max="$max_p99_ms" 'BEGIN { exit !(p < max) }'; then
  say "order round-trip p99 ${p99} ms is not under ${max_p99_ms} ms"
  exit 1
fi
say "passed"

#!/bin/bash
# Whole-process time of short CLI commands on a generated data folder (issue 18: ≤ 30 ms median
# for `motcua show` and `motcua search` on 1,000,000 dossiers): hyperfine's median and mean of
# exec to exit, and the user + sys CPU time, which others' load on a shared machine does not
# inflate as it does the wall clock. The folder is $MOTCUA_BENCH_DIR/cli-N (N = $MOTCUA_BENCH_N,
# default 1000000), made by coldstart.sh or the store benchmarks.
# Usage: docs/bench/clistart.sh [runs]   (needs hyperfine: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-30}
bench=${MOTCUA_BENCH_DIR:-${TMPDIR:-/tmp}/motcua-bench}
data=$bench/cli-${MOTCUA_BENCH_N:-1000000}
bin=$bench/motcua
go build -tags "${TAGS:-no_emoji}" -o "$bin" ./cmd/motcua
[ -f "$data/ready" ] || { echo "no data folder $data: run docs/bench/coldstart.sh first" >&2; exit 1; }
"$bin" -data "$data" procedures >/dev/null # schema upgrades are not part of a command's start
# The CLI acts only for a logged-in official: the demo admin's session, saved in the data folder.
echo "admin@2026" | "$bin" -data "$data" login -login admin >/dev/null
code=$("$bin" -data "$data" search -limit 1 nguyen van | grep -o 'HD[0-9A-Z-]*' | head -1 || true)
[ -n "$code" ] || code=$("$bin" -data "$data" search -limit 1 nguyen | awk 'NR==1{print $1}')
echo "load $(cut -d' ' -f1-3 /proc/loadavg); code $code"
hyperfine -N --warmup 3 --runs "$runs" --export-json /tmp/clistart.json \
	"$bin -data $data show -code $code" "$bin -data $data search nguyen van" "$bin -data $data search $code"
python3 - <<'PY'
import json, statistics
for r in json.load(open("/tmp/clistart.json"))["results"]:
    print(f"{r['command'].split()[-3:]}: median {statistics.median(r['times'])*1000:.1f} ms, "
          f"user+sys {(r['user'] + r['system'])*1000:.1f} ms")
PY
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"

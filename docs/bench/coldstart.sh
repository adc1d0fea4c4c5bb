#!/bin/bash
# Cold start of the officials' window on generated data folders, under Xvfb: milliseconds from
# exec to the first frame, then to the tracking book's first page on screen, and the process's
# peak and current RSS (VmHWM, VmRSS) with the book open, split into what the Go runtime holds,
# the binary, and the rest (SQLite's allocations, the OpenGL stack).
# Each data folder is made once with the real CLI (`motcua demo -dossiers N -years 10 -seed 1`,
# ending today so the book's default year is full) into $MOTCUA_BENCH_DIR/cli-N (default
# $TMPDIR/motcua-bench), the folders the store benchmarks use too. The sizes are
# $COLDSTART_SIZES (default "0 10000 100000 250000 1000000"; 0 is a data folder with only the
# demo's officials and catalogue). Each run also prints the load average, since on a shared
# machine the wall clock includes others' work.
# Usage: docs/bench/coldstart.sh [runs]   (needs Xvfb; run from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
bench=${MOTCUA_BENCH_DIR:-${TMPDIR:-/tmp}/motcua-bench}
bin=$bench/motcua
mkdir -p "$bench"
# The Makefile's tags, plus startuphook: MOTCUA_STARTUP_LOGIN below is not in a release build.
go build -tags "${TAGS:-no_emoji} startuphook" -o "$bin" ./cmd/motcua
prepare() {
	local n=$1 data=$bench/cli-$1
	if [ ! -f "$data/ready" ]; then
		rm -rf "$data"
		if [ "$n" = 0 ]; then
			"$bin" -data "$data" demo | tee "$data.log"
		else
			"$bin" -data "$data" demo -dossiers "$n" -years 10 -seed 1 | tee "$data.log"
		fi
		touch "$data/ready"
	fi
	# Schema upgrades (a migration on a million rows takes a while) are not part of a cold
	# start: apply them first with a quick command.
	"$bin" -data "$data" procedures >/dev/null
	# The book needs a logged-in official: the demo leader, whose documented password a data
	# folder made before accounts existed does not have yet (the CLI acts only after a login:
	# the demo admin's).
	echo "admin@2026" | "$bin" -data "$data" login -login admin >/dev/null
	echo "chutich@2026" | "$bin" -data "$data" -by admin passwd -login chutich >/dev/null
}
disp=:${COLDSTART_DISPLAY:-93}
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null' EXIT
sleep 1
out=$(mktemp)
for n in ${COLDSTART_SIZES:-0 10000 100000 250000 1000000}; do
prepare "$n"
data=$bench/cli-$n
echo "== $n dossiers: $(du -m "$data/motcua.db" | cut -f1) MB ledger"
for i in $(seq "$runs"); do
	# Cold as far as this user can make it: the database file is dropped from the page cache
	# when we may (root), otherwise it is warm from the previous run and we say so.
	# COLDSTART_WARM=1 keeps the cache: on a machine shared with others, dropping it slows them.
	cache=warm
	if [ -z "${COLDSTART_WARM:-}" ] && [ -w /proc/sys/vm/drop_caches ]; then sync; echo 3 >/proc/sys/vm/drop_caches; cache=cold; fi
	: >"$out"
	t0=$(date +%s%N)
	DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 MOTCUA_STARTUP_MARK=book MOTCUA_STARTUP_LOGIN=chutich:chutich@2026 "$bin" -data "$data" >"$out" 2>/dev/null &
	pid=$!
	first=""
	book=""
	for _ in $(seq 6000); do
		if [ -z "$first" ] && grep -q motcua-first-frame "$out"; then first=$((($(date +%s%N) - t0) / 1000000)); fi
		if grep -q motcua-book-open "$out"; then book=$((($(date +%s%N) - t0) / 1000000)); break; fi
		sleep 0.005
	done
	# let the table settle before reading memory: the app prints Go's share a second after
	for _ in $(seq 300); do grep -q motcua-go-memory "$out" && break; sleep 0.01; done
	kb() { awk -v k="$1:" '$1 == k {print int($2 / 1024)}' /proc/$pid/status; }
	cpu=$(grep -o 'motcua-first-frame .*' "$out" | awk '{print $5}')
	bcpu=$(grep -o 'motcua-book-open .*' "$out" | awk '{print $7}')
	echo "run $i ($cache cache, load $(cut -d' ' -f1-3 /proc/loadavg)): first frame ${first} ms (process CPU ${cpu} ms), book open ${book} ms (CPU ${bcpu} ms, $(grep -o 'motcua-book-open [0-9]* rows' "$out" | awk '{print $2}') rows), VmHWM $(kb VmHWM) MB, VmRSS $(kb VmRSS) MB"
	# What the RSS is made of: anonymous and file-backed pages, the largest mappings, and Go's part.
	echo "    RssAnon $(kb RssAnon) MB, RssFile $(kb RssFile) MB; $(grep -o 'motcua-go-memory.*' "$out" | sed 's/motcua-go-memory/Go:/')"
	awk '/^[0-9a-f]+-[0-9a-f]+ /{n=$6} /^Rss:/{r[n]+=$2} END{for (m in r) if (r[m] > 4096) printf "    %5d MB %s\n", r[m]/1024, (m == "" ? "(anonymous)" : m)}' /proc/$pid/smaps | sort -rn
	# SIGKILL: a normal exit writes the exit backup (a minute on this folder) into the next run.
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null || true
done
done
rm -f "$out"

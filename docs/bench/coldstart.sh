#!/bin/bash
# Cold start of the officials' window on a 1,000,000-dossier data folder, under Xvfb:
# milliseconds from exec to the first frame, then to the tracking book's first page on screen,
# and the process's peak and current RSS (VmHWM, VmRSS) with the book open, split into what the
# Go runtime holds, the binary, and the rest (SQLite's allocations, the OpenGL stack).
# The dataset is made once with the real CLI (`motcua demo -dossiers 1000000 -years 10`, ending
# today so the book's default year is full) into $MOTCUA_BENCH_DIR (default $TMPDIR/motcua-bench).
# Usage: docs/bench/coldstart.sh [runs]   (needs Xvfb; run from anywhere in the repository)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
bench=${MOTCUA_BENCH_DIR:-${TMPDIR:-/tmp}/motcua-bench}
data=$bench/cli-1000000
bin=$bench/motcua
mkdir -p "$bench"
# The Makefile's tags, plus startuphook: MOTCUA_STARTUP_LOGIN below is not in a release build.
go build -tags "${TAGS:-no_emoji} startuphook" -o "$bin" ./cmd/motcua
if [ ! -f "$data/ready" ]; then
	rm -rf "$data"
	"$bin" demo -data "$data" -dossiers 1000000 -years 10 -seed 1 | tee "$data.log"
	touch "$data/ready"
fi
# Schema upgrades (a migration on a million rows takes a while) are not part of a cold start:
# apply them first with a quick command.
"$bin" -data "$data" procedures >/dev/null
# The book needs a logged-in official: the demo leader, whose documented password a data folder
# made before accounts existed does not have yet (the CLI acts only after a login: the demo admin).
echo "admin@2026" | "$bin" -data "$data" login -login admin >/dev/null
echo "chutich@2026" | "$bin" -data "$data" -by admin passwd -login chutich >/dev/null
disp=:${COLDSTART_DISPLAY:-93}
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null' EXIT
sleep 1
out=$(mktemp)
for i in $(seq "$runs"); do
	# Cold as far as this user can make it: the database file is dropped from the page cache
	# when we may (root), otherwise it is warm from the previous run and we say so.
	cache=warm
	if [ -w /proc/sys/vm/drop_caches ]; then sync; echo 3 >/proc/sys/vm/drop_caches; cache=cold; fi
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
	echo "run $i ($cache cache): first frame ${first} ms, book open ${book} ms ($(grep -o 'motcua-book-open [0-9]* rows' "$out" | awk '{print $2}') rows), VmHWM $(kb VmHWM) MB, VmRSS $(kb VmRSS) MB"
	# What the RSS is made of: anonymous and file-backed pages, the largest mappings, and Go's part.
	echo "    RssAnon $(kb RssAnon) MB, RssFile $(kb RssFile) MB; $(grep -o 'motcua-go-memory.*' "$out" | sed 's/motcua-go-memory/Go:/')"
	awk '/^[0-9a-f]+-[0-9a-f]+ /{n=$6} /^Rss:/{r[n]+=$2} END{for (m in r) if (r[m] > 4096) printf "    %5d MB %s\n", r[m]/1024, (m == "" ? "(anonymous)" : m)}' /proc/$pid/smaps | sort -rn
	# SIGKILL: a normal exit writes the exit backup (a minute on this folder) into the next run.
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null || true
done
rm -f "$out"

#!/bin/bash
# Takes docs/screenshot.png: the real window under Xvfb at 1366×768, logged in as the demo
# counter official, the intake form filled by keyboard as at the counter.
# Usage: docs/screenshot.sh OUT.png   (MOTCUA=./motcua DATA=/tmp/motcua-shot by default)
set -u
out=${1:-docs/screenshot.png}
bin=${MOTCUA:-./motcua}
data=${DATA:-/tmp/motcua-shot}
"$bin" -data "$data" demo >/dev/null 2>&1
for n in $(seq 150 199); do [ -e /tmp/.X11-unix/X$n ] || { disp=:$n; break; }; done
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
sleep 1
# A fresh HOME: no remembered official or window preferences from earlier runs.
home=$(mktemp -d)
HOME=$home DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 "$bin" -data "$data" >/dev/null 2>&1 & apid=$!
sleep 6
export DISPLAY=$disp
# Vietnamese letters need a slow xdotool: it remaps a spare keycode for each one.
xdotool type --delay 80 "tiepnhan1"; xdotool key Return; sleep 0.3
xdotool type --delay 80 "tiepnhan1@2026"; xdotool key Return; sleep 2
xdotool type --delay 60 "chung thuc"; sleep 0.5
xdotool key Return; sleep 0.5
xdotool type --delay 150 "Trần Thị Bích Ngọc"; xdotool key Return; sleep 0.2
xdotool type --delay 150 "001185012345"; xdotool key Return; sleep 0.2
xdotool type --delay 150 "0987654321"; xdotool key Return; sleep 0.2
xdotool type --delay 150 "Số 12 ngõ 45 Lý Thường Kiệt, phường Hoài Đức"; sleep 1
import -window root "$out"
kill $apid; sleep 0.5; kill -9 $apid 2>/dev/null; kill $xpid; rm -rf "$home"
echo "$out"

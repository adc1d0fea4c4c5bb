#!/bin/bash
# Screenshot of the intake form filled by keyboard, for the README.
disp=:97
Xvfb $disp -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & xpid=$!
sleep 1
DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 ${MOTCUA:-./motcua} -data ${DATA:-/tmp/motcua-shot} >/tmp/shot-app.log 2>&1 & apid=$!
sleep 6
export DISPLAY=$disp
xdotool type --delay 60 "chung thuc"; sleep 0.5
xdotool key Return; sleep 0.5
xdotool type --delay 150 "Trần Thị Bích Ngọc"; xdotool key Return; sleep 0.2
xdotool type --delay 150 "001185012345"; xdotool key Return; sleep 0.2
xdotool type --delay 150 "0987654321"; xdotool key Return; sleep 0.2
xdotool type --delay 150 "Số 12 ngõ 45 Lý Thường Kiệt, phường Hoài Đức"; sleep 1
import -window root "$1"
kill $apid; sleep 0.5; kill -9 $apid 2>/dev/null; kill $xpid

#!/bin/sh
# test_ui_layers.sh - no two files of src/ui call each other round in a
# loop (tools/ui-layers.py): the loop on top, screens, then the helpers
# below them (issue 13).
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped" >&2; exit 0; }
out=$(python3 tools/ui-layers.py) || die "src/ui files call each other in a loop: $out"
exit 0

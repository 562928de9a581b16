# Issue 13, point 7: text typed while the terminal is too small is kept
# and goes into the field when it is big again (欧阳 + 修远 typed small =
# 欧阳修远).  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	start_in
	key F2
	wait_for "$(tx "1 Applicant")"
	typ "欧阳"
	wait_for "欧阳"
	resize 60 20
	wait_for "$(tx "Terminal too small: %dx%d.")"
	typ "修远"
	sleep 0.3
	resize 80 24
	wait_for "欧阳修远"
	next_lang
done
echo ok

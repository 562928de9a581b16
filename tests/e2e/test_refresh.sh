# The home list reloads itself when the clerk is not typing
# (BIANMIN_REFRESH seconds): a case taken at another window for this clerk
# shows up without F5 - but not while rows are marked for a handover (the
# status line says the list is held).
. tests/e2e/lib.sh
e2e_setup
E2E_ENV="BIANMIN_REFRESH=1 BIANMIN_TEST_FAST_PIN=1" e2e_start 80 24 C.UTF-8
login
# another window (the command line) takes a case for 1001
BIANMIN_TEST_FAST_PIN=1 bm intake --item MZ-004 --name 自动刷新 --id 320106194003151004 --have-all >/dev/null \
	|| fail "intake at the other window"
wait_for "自动刷新" 5                    # no key pressed
# with a row marked, the list stays as it is (marks would be lost)
key m
wait_for "*" 3
BIANMIN_TEST_FAST_PIN=1 bm intake --item MZ-004 --name 不刷新 --id 11010519391231072X --have-all >/dev/null \
	|| fail "second intake"
# the reload falls due (BIANMIN_REFRESH=1) and is held, which the screen says
wait_for "held while rows are marked" 5
screen | grep -q "不刷新" && fail "reloaded while a row was marked"
key Up m                               # unmark (m moved down): reloads again
wait_for "不刷新" 5
echo ok

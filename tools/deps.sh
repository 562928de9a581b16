#!/bin/sh
# deps.sh - make sure the libraries and tools bianmin builds and tests with
# are here.  As root it installs the missing Debian packages; otherwise it
# prints the one apt-get line to run and fails.
#   usage: tools/deps.sh build|check|fuzz
set -u
want=${1:-build}

# pkg-config module -> Debian package
build_mods="ncursesw:libncurses-dev sqlite3:libsqlite3-dev yaml-0.1:libyaml-dev libsodium:libsodium-dev nettle:nettle-dev pangocairo:libpango1.0-dev cairo:libcairo2-dev libpq:libpq-dev"
check_mods="check:check"
# command -> Debian package
build_cmds="pkg-config:pkg-config cc:gcc msgfmt:gettext"
check_cmds="python3:python3 tmux:tmux sqlite3:sqlite3 faketime:faketime pdftotext:poppler-utils pdftoppm:poppler-utils locale-gen:locales soffice:libreoffice-calc-nogui unzip:unzip"

missing=""
add() { case " $missing " in *" $1 "*) ;; *) missing="$missing $1" ;; esac; }

mods=$build_mods; cmds=$build_cmds
if [ "$want" = check ]; then mods="$mods $check_mods"; cmds="$cmds $check_cmds"; fi
# libFuzzer comes with clang
if [ "$want" = fuzz ]; then cmds="$cmds clang:clang"; fi
for pair in $cmds; do
	command -v "${pair%%:*}" >/dev/null 2>&1 || add "${pair#*:}"
done
for pair in $mods; do
	if command -v pkg-config >/dev/null 2>&1; then
		pkg-config --exists "${pair%%:*}" 2>/dev/null || add "${pair#*:}"
	else
		add "${pair#*:}"
	fi
done
# the county tests start a private PostgreSQL server (tests/pg.sh)
if [ "$want" = check ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
	add postgresql
fi
# a CJK font for PDF papers (fontconfig must find one)
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then add fontconfig; add fonts-wqy-microhei; fi
# test locales
if [ "$want" = check ] && command -v locale >/dev/null 2>&1; then
	locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$' || need_locale=1
fi

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "deps: installing$missing" >&2
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq >&2 || true
		# shellcheck disable=SC2086
		apt-get install -y -qq $missing >&2 || { echo "deps: apt-get install failed" >&2; exit 1; }
	else
		echo "bianmin needs these Debian packages; run:" >&2
		echo "  sudo apt-get install$missing" >&2
		exit 1
	fi
fi
if [ "${need_locale:-0}" = 1 ] || { [ "$want" = check ] && ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; }; then
	if [ "$(id -u)" = 0 ] && [ -f /etc/locale.gen ]; then
		sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
		grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
		locale-gen >/dev/null 2>&1 || { echo "deps: locale-gen failed" >&2; exit 1; }
	else
		echo "the tests need the zh_CN.UTF-8 locale; run: sudo sh -c 'echo zh_CN.UTF-8 UTF-8 >> /etc/locale.gen && locale-gen'" >&2
		exit 1
	fi
fi
exit 0

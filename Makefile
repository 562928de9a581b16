# bianmin - counter software for township convenience service centers.
#   make            build ./bianmin
#   make run        build and open it on the sample data (demo database)
#   make check      build and run every test (unit, CLI, e2e in tmux)
#   make check-san  unit, CLI and e2e tests under AddressSanitizer + UBSan
#   make check-dates  CLI and e2e tests with the machine clock in 2026-12-31
#                   23:58 and 2027-06-15 (tests own their clock)
#   make bench      benchmarks (make bench-big: 2.3 M cases)
#   make bench-county  the county benchmark at full size (20 centers, 2.3M cases)
#   make install    PREFIX=/usr/local DESTDIR=

.SUFFIXES:

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/bianmin
MANDIR   ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale

CC      ?= cc
B       ?= build
BIN     ?= bianmin
SAN     ?=
CSTD     = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
OPT     ?= -O2 -g
PKGS     = ncursesw sqlite3 yaml-0.1 libsodium nettle pangocairo libpq
ifneq ($(SAN),)
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif

# Library flags come from pkg-config once the dependencies are known to be
# there; $(B)/config.mk is (re)made first, installing what is missing.
ifeq ($(filter clean uninstall,$(MAKECMDGOALS)),)
-include $(B)/config.mk
endif
# ncursesw's pkg-config flags carry their own feature macros; we set ours.
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE -D_GNU_SOURCE,$(PKG_CFLAGS))

CPPFLAGS_ALL = -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	-DBIANMIN_DATADIR='"$(DATADIR)"' -DBIANMIN_LOCALEDIR='"$(LOCALEDIR)"' $(PKG_CFLAGS) $(CPPFLAGS)
CFLAGS_ALL = $(CSTD) $(OPT) $(CFLAGS)
# The source tree's build is a test build: -DBIANMIN_TEST_HOOKS honours the
# suites' switches (BIANMIN_TEST_FAST_PIN, BIANMIN_TEST_PIN_MIN).  `make
# install` builds and installs a binary without them (TEST_HOOKS=).
TEST_HOOKS ?= 1
ifneq ($(TEST_HOOKS),)
CPPFLAGS_ALL += -DBIANMIN_TEST_HOOKS
endif
LDLIBS_ALL = $(PKG_LIBS) -lm $(LDLIBS)

CORE_SRC = $(wildcard src/core/*.c)
UI_SRC   = $(wildcard src/ui/*.c)
CLI_SRC  = $(wildcard src/cli/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(B)/%.o)
UI_OBJ   = $(UI_SRC:%.c=$(B)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(B)/%.o)
MAIN_OBJ = $(B)/src/main.o
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
HDRS     = $(wildcard include/bianmin/*.h) $(wildcard src/*/*.h)
PO       = $(wildcard po/*.po)
MO       = $(PO:po/%.po=$(B)/locale/%/LC_MESSAGES/bianmin.mo)

all: $(BIN) $(MO)

$(B)/config.mk: tools/deps.sh
	@mkdir -p $(B)
	@sh tools/deps.sh $(if $(filter check check-san check-unit check-e2e bench bench-county,$(MAKECMDGOALS)),check,build)
	@{ echo "PKG_CFLAGS = $$(pkg-config --cflags $(PKGS))"; \
	   echo "PKG_LIBS = $$(pkg-config --libs $(PKGS))"; \
	   echo "CHECK_CFLAGS = $$(pkg-config --cflags check 2>/dev/null)"; \
	   echo "CHECK_LIBS = $$(pkg-config --libs check 2>/dev/null)"; } > $@.tmp && mv $@.tmp $@

$(B)/%.o: %.c $(HDRS) $(B)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -c $< -o $@

$(B)/libbianmin.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $(CORE_OBJ)

$(BIN): $(MAIN_OBJ) $(CLI_OBJ) $(UI_OBJ) $(B)/libbianmin.a
	$(CC) $(CFLAGS_ALL) -o $@ $(MAIN_OBJ) $(CLI_OBJ) $(UI_OBJ) $(B)/libbianmin.a $(LDLIBS_ALL)

$(B)/locale/%/LC_MESSAGES/bianmin.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The message catalog template; po/zh_CN.po is then updated with
# msgmerge --update po/zh_CN.po po/bianmin.pot
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ --add-comments=TRANSLATORS --package-name=bianmin \
		-o po/bianmin.pot $(sort $(wildcard src/*.c src/*/*.c src/*/*.h include/bianmin/*.h))

# ---- tests -------------------------------------------------------------
$(B)/tests/%: tests/unit/%.c tests/unit/unit.h $(B)/libbianmin.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CHECK_CFLAGS) -Itests/unit $(CFLAGS_ALL) -o $@ $< $(B)/libbianmin.a $(CHECK_LIBS) $(LDLIBS_ALL)

check-unit: $(UNIT_BIN)
	@sh tests/unit/run.sh $(B)/tests $(UNIT_BIN)

check-cli: all
	@BIANMIN=$(BIN) B=$(B) sh tests/cli/run.sh

check-e2e: all
	@BIANMIN=$(BIN) B=$(B) sh tests/e2e/run.sh

check: all check-unit check-cli check-e2e

# The command-line and terminal suites again with the machine's clock far
# from today - across midnight into a year the holiday file may not cover,
# and in mid-2027 - so a test that leans on the real date fails here.
CHECK_DATES = "2026-12-31 23:58:00" "2027-06-15 10:00:00"
# libfaketime preloaded directly, no semaphore shared between processes
# (tests/faketime.sh says why); the clock starts at $$d and runs on
FAKE_CLOCK = env -u FAKETIME_SHARED FAKETIME_FLSHM=1 LD_PRELOAD='/usr/$$LIB/faketime/libfaketime.so.1' FAKETIME="@$$d"
check-dates: all
	@for d in $(CHECK_DATES); do \
		$(FAKE_CLOCK) date "+== the suites with the machine clock at %F %T"; \
		$(FAKE_CLOCK) BIANMIN=$(BIN) B=$(B) sh tests/cli/run.sh || exit 1; \
		$(FAKE_CLOCK) BIANMIN=$(BIN) B=$(B) sh tests/e2e/run.sh || exit 1; \
	done

# Unit, command-line and terminal tests again, under AddressSanitizer and
# UBSan, in their own tree.  faketime preloads itself before ASan's runtime
# (verify_asan_link_order=0); tests/lsan.supp names the font libraries'
# process-long caches.
SAN_ENV = ASAN_OPTIONS=verify_asan_link_order=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp
check-san:
	$(SAN_ENV) $(MAKE) B=build-san BIN=build-san/bianmin SAN=1 check-unit check-cli check-e2e

# ---- fuzzing (tests/fuzz/) -----------------------------------------------
# make fuzz [FUZZ_SECONDS=30] [FUZZERS="catalog text"]
#   builds each tests/fuzz/fuzz_NAME.c with clang -fsanitize=fuzzer,address,
#   undefined into $(B)/fuzz/ (compiling the core sources it needs directly
#   with clang, not the gcc libbianmin.a) and runs it FUZZ_SECONDS seconds on
#   tests/fuzz/corpus/NAME (new inputs go to $(B)/fuzz/corpus-NAME, crash
#   inputs to $(B)/fuzz/NAME-crash-*, the log to $(B)/fuzz/NAME.log).
# make check-fuzz
#   the same harnesses built with $(CC) + ASan/UBSan and replay_main.c (no
#   libFuzzer), replaying every corpus file once: a regression test.
FUZZ_SECONDS ?= 30
FUZZ_CC  ?= clang
FUZZERS  ?= catalog holidays center template idno text
FUZZ_CORE = src/core/common.c src/core/diag.c src/core/text.c src/core/text_width.c \
	src/core/pinyin_table.c src/core/yamldoc.c
FUZZ_SRC_catalog  = src/core/catalog.c src/core/sha256.c
FUZZ_SRC_holidays = src/core/holidays.c src/core/calendar.c src/core/statutory_table.c
FUZZ_SRC_center   = src/core/center.c
FUZZ_SRC_template = src/core/slip.c src/core/slip_ctx.c src/core/slip_text.c src/core/slip_break.c
FUZZ_SRC_idno     = src/core/idno.c
FUZZ_SRC_text     =
FUZZ_SAN = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(CORE_SRC) $(HDRS) $(B)/config.mk
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS_ALL) $(CSTD) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_CORE) $(FUZZ_SRC_$*) $(LDLIBS_ALL)

$(B)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/replay_main.c $(CORE_SRC) $(HDRS) $(B)/config.mk
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CSTD) $(FUZZ_SAN) -o $@ $< tests/fuzz/replay_main.c \
		$(FUZZ_CORE) $(FUZZ_SRC_$*) $(LDLIBS_ALL)

fuzz: fuzz-deps $(FUZZERS:%=$(B)/fuzz/fuzz_%)
	@for f in $(FUZZERS); do \
		case $$f in catalog|holidays|center) dict=-dict=tests/fuzz/yaml.dict;; \
			template) dict=-dict=tests/fuzz/template.dict;; *) dict=;; esac; \
		mkdir -p $(B)/fuzz/corpus-$$f; echo "fuzz_$$f: $(FUZZ_SECONDS)s"; \
		$(B)/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $$dict \
			-artifact_prefix=$(B)/fuzz/$$f- $(B)/fuzz/corpus-$$f tests/fuzz/corpus/$$f \
			> $(B)/fuzz/$$f.log 2>&1 \
			|| { tail -n 60 $(B)/fuzz/$$f.log; exit 1; }; \
		grep -E '^stat::number_of_executed_units' $(B)/fuzz/$$f.log; \
	done

fuzz-deps:
	@sh tools/deps.sh fuzz

$(FUZZERS:%=$(B)/fuzz/fuzz_%): | fuzz-deps

check-fuzz: $(FUZZERS:%=$(B)/fuzz/replay_%)
	@for f in $(FUZZERS); do $(B)/fuzz/replay_$$f tests/fuzz/corpus/$$f || exit 1; done

$(B)/bench/bench: bench/bench.c $(B)/libbianmin.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(B)/libbianmin.a $(LDLIBS_ALL)

$(B)/bench/gen: bench/gen.c $(B)/libbianmin.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(B)/libbianmin.a $(LDLIBS_ALL)

$(B)/bench/ratios: bench/ratios.c $(B)/libbianmin.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(B)/libbianmin.a $(LDLIBS_ALL)

bench: all $(B)/bench/bench $(B)/bench/gen $(B)/bench/ratios $(B)/bench/county_gen
	@BIANMIN=$(BIN) B=$(B) sh bench/run.sh
	@BIANMIN=$(BIN) B=$(B) sh bench/county.sh

$(B)/bench/county_gen: bench/county_gen.c $(B)/libbianmin.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) -o $@ $< $(B)/libbianmin.a $(LDLIBS_ALL)

# The county benchmark at the issue's size: 20 centers of one year each
# synced, the month report over 2.3 million cases (bench/county.sh).
bench-county: all $(B)/bench/county_gen
	@BIANMIN=$(BIN) B=$(B) COUNTY_CENTERS=20 COUNTY_CASES=11500 COUNTY_REPORT_CASES=2300000 sh bench/county.sh

# the county decade (2.3 M cases): hours to generate on a small machine
bench-big: all $(B)/bench/bench $(B)/bench/gen $(B)/bench/ratios
	@BIANMIN=$(BIN) B=$(B) BENCH_SIZES=2300000 sh bench/run.sh

# ---- run ---------------------------------------------------------------
run: all
	@mkdir -p $(B)/demo
	./$(BIN) --db $(B)/demo/demo.db demo
	./$(BIN) --db $(B)/demo/demo.db

# ---- install -----------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/forms $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	$(MAKE) B=$(B)/release BIN=$(B)/release/bianmin TEST_HOOKS= $(B)/release/bianmin
	install -m 755 $(B)/release/bianmin $(DESTDIR)$(BINDIR)/bianmin
	install -m 644 data/*.yaml $(DESTDIR)$(DATADIR)/
	install -m 644 forms/* $(DESTDIR)$(DATADIR)/forms/
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	for mo in $(MO); do l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/bianmin.mo; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/bianmin
	rm -rf $(DESTDIR)$(DATADIR)
	for f in man/*.1; do rm -f $(DESTDIR)$(MANDIR)/man1/$${f#man/}; done
	for f in man/*.5; do rm -f $(DESTDIR)$(MANDIR)/man5/$${f#man/}; done
	for po in $(PO); do l=$${po#po/}; l=$${l%.po}; rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/bianmin.mo; done

clean:
	rm -rf build build-san bianmin

.PHONY: all run check check-unit check-cli check-e2e check-san check-dates bench bench-big bench-county install uninstall clean pot fuzz fuzz-deps check-fuzz

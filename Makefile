# polybius: build, test and run.
#
#   make            build build/polybius
#   make run        build, then code the sample corpus into events.csv
#   make check      build and run every unit and end-to-end test
#   make asan       the same with -fsanitize=address,undefined (in build-asan/)
#   make bench      throughput, load time and memory (needs ../shared)
#   make eval       score the bundled dictionaries on the gold standard
#   make fuzz       run every libFuzzer target for FUZZ_SECONDS each
#   make install    PREFIX=/usr/local DESTDIR=
#
# Missing libraries are installed with apt-get (through sudo when not root)
# before anything is compiled, so a fresh Debian machine needs nothing else.

BUILD    ?= build
CC       ?= cc
OPT      ?= -O2
SANITIZE ?=
PREFIX   ?= /usr/local
DATADIR  ?= $(PREFIX)/share/polybius
FUZZ_SECONDS ?= 30

DEB_PACKAGES := libglib2.0-dev libjansson-dev libcsv-dev libcmocka-dev pkg-config

# Install the Debian packages when a library is missing. This runs once per
# make invocation, before any compile, and is silent when all is present.
DEPS_OK := $(shell pkg-config --exists glib-2.0 jansson cmocka 2>/dev/null && \
                   test -f /usr/include/csv.h && echo yes)
ifneq ($(DEPS_OK),yes)
  $(info polybius: installing build dependencies: $(DEB_PACKAGES))
  SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
  DEPS_LOG := $(shell $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1; \
        $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES) >/dev/null 2>&1 \
        && echo ok || echo failed)
  ifneq ($(DEPS_LOG),ok)
    $(error could not install $(DEB_PACKAGES); install them and run make again)
  endif
endif

PKG_CFLAGS := $(shell pkg-config --cflags glib-2.0 jansson)
PKG_LIBS   := $(shell pkg-config --libs glib-2.0 jansson) -lcsv -lm -lpthread
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS   := $(shell pkg-config --libs cmocka)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  += -std=gnu11 $(OPT) -g $(WARN) $(SANITIZE) -Iinclude $(PKG_CFLAGS) \
           -DPOLYBIUS_DATADIR='"$(DATADIR)"'
LDFLAGS += $(SANITIZE)

SRCS      := $(sort $(wildcard coder/*.c))
LIB_SRCS  := $(filter-out coder/main.c,$(SRCS))
OBJS      := $(patsubst coder/%.c,$(BUILD)/obj/%.o,$(SRCS))
LIB_OBJS  := $(patsubst coder/%.c,$(BUILD)/obj/%.o,$(LIB_SRCS))
HEADERS   := $(wildcard include/*.h)

TEST_SRCS := $(sort $(wildcard tests/unit/test_*.c))
TEST_BINS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRCS))
TEST_HELPERS := $(wildcard tests/unit/support/*.c)

.PHONY: all run check unit e2e asan bench eval fuzz soak install clean

all: $(BUILD)/polybius

$(BUILD)/polybius: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

$(BUILD)/obj/%.o: coder/%.c $(HEADERS) | $(BUILD)/obj
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/lib/libpolybius.a: $(LIB_OBJS) | $(BUILD)/lib
	rm -f $@ && ar rcs $@ $(LIB_OBJS)

$(BUILD)/tests/%: tests/unit/%.c $(TEST_HELPERS) $(BUILD)/lib/libpolybius.a $(HEADERS) | $(BUILD)/tests
	$(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -Itests/unit/support -DPB_TEST_SRCDIR='"$(CURDIR)"' -o $@ $< $(TEST_HELPERS) \
	  $(BUILD)/lib/libpolybius.a $(LDFLAGS) $(CMOCKA_LIBS) $(PKG_LIBS)

$(BUILD)/obj $(BUILD)/lib $(BUILD)/tests:
	mkdir -p $@

run: $(BUILD)/polybius
	$(BUILD)/polybius code --input-format csv --keep-columns file corpus/corpus.csv -o events.csv
	@echo "events written to events.csv"

check: unit e2e

unit: $(TEST_BINS)
	@failed=0; for t in $(TEST_BINS); do \
	  echo "== $$t"; $$t || failed=1; done; \
	  test $$failed = 0

e2e: $(BUILD)/polybius
	@POLYBIUS=$(CURDIR)/$(BUILD)/polybius sh tests/e2e/run.sh

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SANITIZE="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" check

bench: $(BUILD)/polybius
	@sh tests/bench/bench.sh $(BUILD)/polybius

eval: $(BUILD)/polybius
	@sh tests/gold/eval.sh $(BUILD)/polybius

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

soak: $(BUILD)/polybius
	@sh tests/bench/soak.sh $(BUILD)/polybius

install: $(BUILD)/polybius
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(DATADIR)/dictionaries
	install -m 755 $(BUILD)/polybius $(DESTDIR)$(PREFIX)/bin/polybius
	install -m 644 dictionaries/*.txt dictionaries/*.tsv dictionaries/*.options $(DESTDIR)$(DATADIR)/dictionaries/

clean:
	rm -rf build build-asan build-fuzz events.csv

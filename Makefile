# Một Cửa — build, run and test. `make run` and `make test` work on a fresh Debian machine:
# they install the Debian packages they need first (as root, or through sudo).

GO        ?= go
BIN       ?= motcua
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Fyne builds with cgo against OpenGL and X11; the tests read PDFs and QR codes.
GUI_DEBS  := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_DEBS := poppler-utils zbar-tools
BENCH_DEBS := xvfb hyperfine
WIN_DEBS  := gcc-mingw-w64-x86-64
# Release metadata comes from FyneApp.toml, the one place the version is written.
VERSION   := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO   := $(shell sed -n 's/^ *Build *= *\([0-9]*\)/\1/p' FyneApp.toml)
# Build tools run from the Go module proxy at pinned versions, so every machine makes the same files.
WINRES    := github.com/tc-hib/go-winres@v0.3.3
FYNE      := fyne.io/tools/cmd/fyne@v1.7.4
PKG       := dist/motcua-$(VERSION)-linux-amd64.tar.xz
# Build tags of the app. no_emoji leaves out Fyne's colour emoji font, which no screen uses and
# which Fyne parsed for every text style: −16 MB of heap and −4 MB of binary (docs/BENCHMARKS.md).
TAGS      := no_emoji

.PHONY: run build test vet deps test-deps windows package clean bench walk

run: build
	./$(BIN)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/motcua

test: test-deps
	$(GO) vet -tags ci ./...
	$(GO) test -tags ci -count=1 ./...

vet:
	$(GO) vet -tags ci ./...

# Benchmarks (docs/BENCHMARKS.md): each three times; the datasets are generated once, as
# `motcua demo -dossiers N -years 10 -seed 1` makes them, into $MOTCUA_BENCH_DIR/cli-N (default
# $TMPDIR/motcua-bench) and reused; N is $MOTCUA_BENCH_N (default 1000000; 100000 for the other
# column of the tables). -cpu 1: one core, as the figures' CPU-time columns assume. Output also
# in bench.txt.
BENCH := $(GO) test -run '^$$' -count 3 -cpu 1 -timeout 60m
bench: test-deps
	@dpkg -s $(BENCH_DEBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(BENCH_DEBS); }
	{ uptime && $(BENCH) -bench 'LookupByCode|BookPage' -benchtime 1000x ./store/ && \
	  $(BENCH) -bench 'Search' -benchtime 40x ./store/ && \
	  $(BENCH) -bench 'Report' -benchtime 10x ./store/ && \
	  $(BENCH) -tags ci -bench 'BookTyping' -benchtime 20x ./app/ && \
	  $(BENCH) -bench 'Intake' -benchtime 300x ./app/desk/ && \
	  $(BENCH) -bench 'Slips|ReceiptPDF|BookPDF' -benchtime 2s ./print/ && \
	  TAGS=$(TAGS) bash docs/bench/coldstart.sh 3 && \
	  TAGS=$(TAGS) bash docs/bench/clistart.sh 30 && uptime; } 2>&1 | tee bench.txt

# The end-to-end walk (docs/walk/walk.sh): the real window and kiosk under Xvfb, driven by xdotool,
# at each size of WALK_SIZES; screenshots and logs in walk-out/. Needs xvfb xdotool imagemagick.
WALK_SIZES ?= 1366x768
walk: build
	BIN=./$(BIN) bash docs/walk/walk.sh $(WALK_SIZES)

# Installs only what is missing, so a second run costs nothing.
deps:
	@missing=$$(for p in $(GUI_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Cài gói Debian: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(GO) mod download

test-deps:
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Cài gói Debian: $$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(GO) mod download

# Windows build: cross-compiled with mingw-w64, GUI subsystem (no console window), with the icon,
# the manifest and the version info in a .syso resource that go build links in (made here, not kept).
windows:
	@dpkg -s $(WIN_DEBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(WIN_DEBS); }
	$(GO) run $(WINRES) simply --arch amd64 --out cmd/motcua/rsrc --manifest gui \
		--icon assets/icon.png --product-name "Một Cửa" --file-description "Một Cửa — tiếp nhận và trả kết quả" \
		--original-filename $(BIN).exe --product-version $(VERSION).$(BUILDNO) --file-version $(VERSION).$(BUILDNO)
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(TAGS) -trimpath -ldflags "-H=windowsgui -s -w" -o $(BIN).exe ./cmd/motcua; \
		rc=$$?; rm -f cmd/motcua/rsrc_windows_amd64.syso; exit $$rc

# Linux package: fyne package wraps the binary with its desktop entry (FyneApp.toml [LinuxAndBSD])
# and icon into a tarball whose Makefile installs it (see README). fyne package bumps Build in
# FyneApp.toml on every run; the file is put back so that a package build leaves the tree clean.
package: build
	mkdir -p dist
	cp FyneApp.toml dist/FyneApp.toml.keep
	$(GO) run $(FYNE) package -os linux -exe $(BIN) -tags $(TAGS) -release; \
		rc=$$?; mv dist/FyneApp.toml.keep FyneApp.toml; exit $$rc
	mv "Một Cửa.tar.xz" $(PKG)
	@echo "$(PKG)"

clean:
	rm -f $(BIN) $(BIN).exe cmd/motcua/rsrc_windows_*.syso
	rm -rf dist

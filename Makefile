# Một Cửa — build, run and test. `make run` and `make test` work on a fresh Debian machine:
# they install the Debian packages they need first (as root, or through sudo).

GO        ?= go
BIN       ?= motcua
SUDO      := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Fyne builds with cgo against OpenGL and X11; the tests read PDFs and QR codes.
GUI_DEBS  := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_DEBS := poppler-utils zbar-tools
WIN_DEBS  := gcc-mingw-w64-x86-64

.PHONY: run build test vet deps test-deps windows clean

run: build
	./$(BIN)

build: deps
	$(GO) build -o $(BIN) ./cmd/motcua

test: test-deps
	$(GO) vet -tags ci ./...
	$(GO) test -tags ci -count=1 ./...

vet:
	$(GO) vet -tags ci ./...

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

# Windows build: cross-compiled with mingw-w64, GUI subsystem (no console window).
windows:
	@dpkg -s $(WIN_DEBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(WIN_DEBS); }
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -ldflags "-H=windowsgui" -o $(BIN).exe ./cmd/motcua

clean:
	rm -f $(BIN) $(BIN).exe

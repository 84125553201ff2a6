# Curavani backend (Swift). `make help` lists the targets.
# ENV selects the environment for run targets: dev | test | prod.
ENV ?= dev
FUZZ_SECONDS ?= 60
SWIFT ?= swift
# Release binaries link the Swift runtime statically, as the container images do: fewer
# shared libraries to map, smaller resident memory.
RELEASE_FLAGS ?= -c release --static-swift-stdlib

.DEFAULT_GOAL := help
.PHONY: help deps build release test test-unit fuzz fuzz-build bench dev dev-stop dev-status start stop status clean

help: ## list the targets
	@awk 'BEGIN{FS=":.*## "} /^[a-zA-Z_-]+:.*## /{printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

deps: ## install the Debian packages the build needs (only missing ones)
	@scripts/install-deps.sh build

build: deps ## debug build of all six services
	$(SWIFT) build

release: deps ## release build of all six services
	$(SWIFT) build $(RELEASE_FLAGS)

test: deps ## every test suite: the executables as processes, then unit and live-socket tests
	$(SWIFT) build
	@scripts/process-test.sh
	@scripts/test-postgres.sh start >/dev/null
	@eval "$$(scripts/test-postgres.sh env)" && $(SWIFT) test; status=$$?; scripts/test-postgres.sh stop; exit $$status

test-unit: test ## alias of test while only unit/live suites exist

fuzz-build: ## build the libFuzzer harnesses
	@fuzz/build.sh

fuzz: ## run each fuzz harness for FUZZ_SECONDS (default 60)
	@fuzz/run.sh $(FUZZ_SECONDS)

bench: ## HTTP benchmark of GET /health against the anchors (../shared/bench)
	@scripts/install-deps.sh build bench
	@bench/http.sh

dev: release ## build and start the dev environment natively (ports 8000-8005)
	@scripts/dev-services.sh start dev

dev-stop: ## stop the native dev environment
	@scripts/dev-services.sh stop dev

dev-status: ## show which dev services are ready
	@scripts/dev-services.sh status dev

start: release ## start environment ENV natively
	@scripts/dev-services.sh start $(ENV)

stop: ## stop environment ENV
	@scripts/dev-services.sh stop $(ENV)

status: ## status of environment ENV
	@scripts/dev-services.sh status $(ENV)

clean: ## remove build output and runtime data
	rm -rf .build .build-* fuzz/build .run

# Curavani backend (Swift). `make help` lists the targets.
FUZZ_SECONDS ?= 60
SWIFT ?= swift
# Release binaries link the Swift runtime statically, as the container images do: fewer
# shared libraries to map, smaller resident memory.
RELEASE_FLAGS ?= -c release --static-swift-stdlib

.DEFAULT_GOAL := help
.PHONY: help deps build release test test-unit fuzz fuzz-build bench bench-db bench-patient bench-therapist bench-communication bench-geocoding bench-matching dev deploy deploy-test status clean

help: ## list the targets (<env> is dev, test or prod)
	@awk 'BEGIN{FS=":.*## "} /^[a-zA-Z_%-]+:.*## /{sub("%", "<env>", $$1); printf "  %-20s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

deps: ## install the Debian packages the build needs (only missing ones)
	@scripts/install-deps.sh build

build: deps ## debug build of all six services
	$(SWIFT) build

release: deps ## release build of all six services
	$(SWIFT) build $(RELEASE_FLAGS)

# Stops and restarts the shared test PostgreSQL: it runs alone, after every other suite.
RESTART_TEST = failsFastWhileServerIsDownAndRecovers

test: ## every suite: executables as processes, native test environment up twice, unit/live/PostgreSQL tests
	@scripts/install-deps.sh build runtime
	$(SWIFT) build
	@scripts/test-postgres.sh start >/dev/null
	@eval "$$(scripts/test-postgres.sh env)" && scripts/process-test.sh && scripts/queue-crash-test.sh && scripts/env-test.sh test \
	  && $(SWIFT) test --skip '$(RESTART_TEST)' && $(SWIFT) test --skip-build --filter '$(RESTART_TEST)'; \
	  status=$$?; scripts/test-postgres.sh stop; exit $$status

test-unit: test ## alias of test while only unit/live suites exist

fuzz-build: ## build the libFuzzer harnesses
	@fuzz/build.sh

fuzz: ## run each fuzz harness for FUZZ_SECONDS (default 60)
	@fuzz/run.sh $(FUZZ_SECONDS)

bench: ## HTTP benchmark of GET /health against the anchors (../shared/bench)
	@scripts/install-deps.sh build bench
	@bench/http.sh

bench-db: ## pool vs pgbench -S through PgBouncer
	@scripts/install-deps.sh build runtime
	@bench/pg.sh

bench-patient: ## patient endpoints (10,000 patients, wrk -t1 -c32) against pgbench -S, issue 4 targets
	@scripts/install-deps.sh build runtime bench
	@bench/patient.sh

bench-therapist: ## therapist endpoints (2,000 therapists, wrk -t1 -c32) against pgbench -S, issue 5 targets
	@scripts/install-deps.sh build runtime bench
	@bench/therapist.sh

bench-communication: ## GET /api/emails?patient_id= (wrk -t1 -c32) and queue throughput to a local SMTP sink, issue 7 targets
	@scripts/install-deps.sh build runtime bench
	@bench/communication.sh

bench-matching: ## therapist selection (wrk -t1 -c32) and bundle creation (c1) on 10,000 patients / 2,000 therapists, issue 8 targets
	@scripts/install-deps.sh build runtime bench
	@bench/matching.sh

bench-geocoding: ## geocoding endpoints (PLZ distance, cached distance; wrk -t1 -c64), issue 6 targets
	@scripts/install-deps.sh build runtime bench
	@bench/geocoding.sh

define deploy_env
	@scripts/install-deps.sh build runtime
	@scripts/pg-env.sh up $(1)
	@scripts/services.sh migrate $(1)
	@scripts/services.sh start $(1)
endef

dev: release ## build and start the dev environment natively: PostgreSQL, PgBouncer, six services
	$(call deploy_env,dev)

deploy-test: release ## the same for the test environment (8010-8015, 5433/6433)
	$(call deploy_env,test)

deploy: release ## the same for prod (8020-8025, 5434/6434); needs real secrets in .env.prod
	$(call deploy_env,prod)

ensure-db-%: ## PostgreSQL cluster, role, database and PgBouncer for env
	@scripts/install-deps.sh build runtime
	@scripts/pg-env.sh up $*

check-db-%: ## the env's role can connect directly and through PgBouncer
	@scripts/pg-env.sh check $*

migrate-%: release ## apply pending migrations of every service schema in env
	@scripts/services.sh migrate $*

import-therapists-%: release ## one therapist import cycle now from the env's folder (therapist import-now)
	@scripts/services.sh import-therapists $*

import-plz-%: release ## load PLZ centroids into env's geocoding schema: make import-plz-dev FILE=DE.txt
	@scripts/services.sh import-plz $* "$(FILE)"

check-migrations-%: release ## exit 1 when env has pending or drifted migrations
	@scripts/services.sh check-migrations $*

stop-%: ## stop the env's services, PgBouncer and PostgreSQL
	@scripts/services.sh stop $*
	@scripts/pg-env.sh down $*

status: ## status of every environment
	@for e in dev test prod; do [ -f .env.$$e ] || continue; scripts/services.sh status $$e; scripts/pg-env.sh status $$e; done

logs-%: ## the last lines of each service log of env
	@scripts/services.sh logs $*

health-check-%: ## every service of env answers /health healthy
	@scripts/services.sh health $*

clean: ## remove build output and runtime data
	rm -rf .build .build-* fuzz/build .run

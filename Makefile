# Makefile for actorgraph: build the CLI, test it against a real Neo4j, run the demo.
#
#   make build        build bin/actorgraph
#   make test         go test -count=1 ./... against $NEO4J_URI, or, when NEO4J_URI is
#                     unset, against a throwaway local Neo4j (scripts/with-local-neo4j)
#   make neo4j-up     start Neo4j: Docker Compose when a Docker engine answers, else the
#                     local launcher (scripts/neo4j-local, no Docker needed)
#   make neo4j-down   stop it
#   make demo         neo4j-up, build, load the Moscow Times article, query who-met-whom,
#                     and print the address of Neo4j Browser
#   make lint         gofmt -l and go vet
#   make fuzz         run each fuzz target for FUZZTIME (10s) with short minimisation

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

GO ?= go
BIN := bin/actorgraph
ARTICLE := testdata/moscow-times-2025-12-02-witkoff-kushner-putin.txt
NEO4J_LOCAL := scripts/neo4j-local
# scripts/neo4j-local keeps its state in $NEO4J_LOCAL_DIR, .neo4j-local by default.
LOCAL_ENV := $(or $(NEO4J_LOCAL_DIR),.neo4j-local)/env

# docker_up is true when a Docker engine answers (not only a docker client).
docker_up = docker info >/dev/null 2>&1
# With Docker, the guide of saved queries and the graph style are served by the guide
# service of docker-compose.yml from this folder, on 127.0.0.1:$(GUIDE_PORT).
DOCKER_BROWSER_DIR := .neo4j-local/docker-browser
GUIDE_PORT := $(or $(NEO4J_GUIDE_PORT),7480)

.PHONY: build test neo4j-up neo4j-down demo lint fuzz

build:
	$(GO) build -o $(BIN) ./cmd/actorgraph

test:
	@if [[ -n "$${NEO4J_URI:-}" ]]; then \
		echo "make test: Neo4j at $$NEO4J_URI"; \
		$(GO) test -count=1 ./...; \
	else \
		echo "make test: NEO4J_URI is unset; starting a throwaway local Neo4j"; \
		scripts/with-local-neo4j $(GO) test -count=1 ./...; \
	fi

neo4j-up:
	@if $(docker_up); then \
		mkdir -p $(DOCKER_BROWSER_DIR); \
		cp browser/actorgraph.grass $(DOCKER_BROWSER_DIR)/actorgraph.grass; \
		$(GO) run ./cmd/actorgraph queries guide \
			--url http://127.0.0.1:$(GUIDE_PORT)/guide.html \
			--style-url http://127.0.0.1:$(GUIDE_PORT)/actorgraph.grass \
			$(DOCKER_BROWSER_DIR)/guide.html; \
		docker compose up -d --wait; \
	else \
		echo "make neo4j-up: no Docker engine; using the local launcher (scripts/neo4j-local)"; \
		$(NEO4J_LOCAL) start; \
	fi

neo4j-down:
	@# Compose interpolates NEO4J_PASSWORD even for down; its value does not matter there.
	@if $(docker_up) && [[ -n "$$(NEO4J_PASSWORD=unused docker compose ps -q 2>/dev/null)" ]]; then \
		NEO4J_PASSWORD=unused docker compose down; \
	fi
	@$(NEO4J_LOCAL) stop

demo: neo4j-up build
	@if $(docker_up); then \
		export NEO4J_URI="$${NEO4J_URI:-neo4j://127.0.0.1:7687}" \
			NEO4J_USERNAME="$${NEO4J_USERNAME:-neo4j}" \
			NEO4J_DATABASE="$${NEO4J_DATABASE:-neo4j}"; \
	else \
		source $(LOCAL_ENV); \
	fi; \
	echo "+ $(BIN) load $(ARTICLE)"; \
	$(BIN) load $(ARTICLE); \
	echo "+ $(BIN) query who-met-whom"; \
	$(BIN) query who-met-whom; \
	echo "Neo4j is still running; stop it with: make neo4j-down"; \
	if $(docker_up); then \
		echo "Neo4j Browser: http://127.0.0.1:7474/browser/ (user neo4j, password \$$NEO4J_PASSWORD)"; \
	elif [[ -n "$${NEO4J_BROWSER_URL:-}" ]]; then \
		echo "Neo4j Browser: $$NEO4J_BROWSER_URL (user neo4j, password: NEO4J_PASSWORD in $(LOCAL_ENV))"; \
	else \
		echo "Neo4j Browser: off (NEO4J_LOCAL_HTTP_PORT=off)"; \
	fi

lint:
	@unformatted=$$(gofmt -l .); \
	if [[ -n "$$unformatted" ]]; then \
		echo "gofmt -l: these files need gofmt -w:"; echo "$$unformatted"; exit 1; \
	fi
	$(GO) vet ./...

# model retrains the relation model (extract/relate/model.gz) from testdata/gold, then
# rebuilds bin/actorgraph, which embeds it.
.PHONY: model
model: build
	$(BIN) train
	$(GO) build -o $(BIN) ./cmd/actorgraph

# FUZZ_TARGETS are package:target pairs; every fuzz target of the repository.
FUZZ_TARGETS := ./extract:FuzzExtract ./extract:FuzzClean ./graph/namekey:FuzzKey \
	./cmd/actorgraph:FuzzParams ./extract/postag:FuzzTag ./extract/postag:FuzzWordFunctions
FUZZTIME ?= 10s
# Go's default minimisation (60s per new input) eats short runs; 50
# executions per input keeps the time for fuzzing.
FUZZMINIMIZE ?= 50x

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "+ go test -run '^$$' -fuzz '^$$name\$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg"; \
		log=$$(mktemp); \
		if $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) $$pkg >$$log 2>&1; then \
			grep -E '^(fuzz: elapsed: .*execs|ok)' $$log | tail -2 || true; rm -f $$log; \
		else \
			echo "fuzz target $$name failed; the last lines of its output:"; tail -40 $$log; \
			for f in $$(find "$$pkg/testdata/fuzz/$$name" -type f -newer $$log 2>/dev/null); do \
				echo "failing input $$f (commit it: go test runs it as a regression case):"; cat "$$f"; \
			done; \
			rm -f $$log; exit 1; \
		fi; \
	done

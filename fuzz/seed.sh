#!/usr/bin/env bash
# Copies seeds from the test suite into fuzz/corpus/<target>/ (not committed: libFuzzer
# grows these directories as it runs). Run from anywhere: `bash fuzz/seed.sh`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tests="$here/../tests"
corpus="$here/corpus"
mkdir -p "$corpus"/{ide,fast_path,compile_sql,compile_request,profiles,avro,protobuf,json_schema}

seed() { # seed TARGET FILE...: each file under a name that keeps seeds of one stem apart
    local target="$1"; shift
    for f in "$@"; do
        [ -f "$f" ] || continue
        cp "$f" "$corpus/$target/$(echo "${f#"$tests"/}" | tr '/' '_')"
    done
}

shopt -s globstar nullglob
seed compile_sql "$tests"/ddl/**/*.sql
seed ide "$tests"/ddl/**/*.sql
seed fast_path "$tests"/ddl/**/*.sql
seed compile_request "$tests"/requests/*.json
seed profiles "$tests"/fixtures/profiles.json
seed avro "$tests"/corpus/avro/**/*.avsc "$tests"/fixtures/schemas/**/*.avsc
seed protobuf "$tests"/corpus/proto/**/*.proto "$tests"/fixtures/schemas/**/*.proto
seed json_schema "$tests"/corpus/json-schema/**/*.json "$tests"/fixtures/schemas/**/*.json
for t in "$corpus"/*; do
    echo "$(basename "$t"): $(ls "$t" | wc -l) seeds"
done

#!/bin/sh
# Runs one libFuzzer harness for the "fuzz" test suite.
#   run-fuzzer.sh corpus HARNESS SEEDS WORKDIR [SEED-FILE…]   every seed once
#   run-fuzzer.sh fuzz HARNESS SEEDS WORKDIR [SEED-FILE…]     new inputs for UT_FUZZ_SECONDS (20)
# SEED-FILEs are seeds made by the build, such as the test suite's signing key. New inputs go to
# WORKDIR/corpus, never into the seeds in the source tree; inputs that crash go to
# WORKDIR/artifacts/, to reproduce with `HARNESS FILE`.
set -eu
[ $# -ge 4 ] || { echo "usage: $0 corpus|fuzz HARNESS SEEDS WORKDIR [SEED-FILE…]" >&2; exit 2; }
mode=$1 harness=$2 seeds=$3 work=$4
shift 4

mkdir -p "$work/artifacts"
case "$mode" in
  corpus)
    # Files, not a folder: libFuzzer then runs exactly these once each and stops. Its own failure
    # status, 77, would mean "skipped" to meson.
    exec "$harness" -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$work/artifacts/" \
      "$seeds"/* "$@"
    ;;
  fuzz)
    # A fresh corpus each time keeps a run as long as the last one.
    rm -rf "$work/corpus"
    mkdir -p "$work/corpus"
    [ $# -eq 0 ] || cp "$@" "$work/corpus/"
    exec "$harness" -error_exitcode=1 -timeout_exitcode=1 -artifact_prefix="$work/artifacts/" \
      -max_total_time="${UT_FUZZ_SECONDS:-20}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      "$work/corpus" "$seeds"
    ;;
  *)
    echo "usage: $0 corpus|fuzz HARNESS SEEDS WORKDIR [SEED-FILE…]" >&2
    exit 2
    ;;
esac

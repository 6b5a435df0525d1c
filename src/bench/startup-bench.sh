#!/usr/bin/env bash
# Whole-process timings, shell to exit: fxmatrix's strategies against the seed's Python scripts and
# `xargs -P N curl | jq`, all against one loopback API with 100 ms latency and 33 bases.
#
#   src/bench/startup-bench.sh [runs]      (needs hyperfine, curl, jq, python3 with requests)
#
# Writes the table to target/startup-bench.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
port=18099
url="http://127.0.0.1:$port/v1"
date=2012-01-02 # a day with 34 currencies: 33 bases need 33 requests
bases=USD,JPY,BGN,CZK,DKK,GBP,HUF,LTL,LVL,PLN,RON,SEK,CHF,NOK,HRK,RUB,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR

./fxmatrix --version >/dev/null # builds the jar and the class-data archive if needed
./fxmatrix serve --port "$port" --latency 100ms --quiet &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "$url/currencies" >/dev/null 2>&1 && break; sleep 0.1; done

export FXMATRIX_API_URL="$url" FXMATRIX_DATE="$date" FXMATRIX_BASES="$bases"
fx="./fxmatrix -q --date $date -b $bases"
# The URLs the curl runs fetch: the same requests fxmatrix sends (no base among its symbols).
urls=target/startup-bench-urls.txt
for base in ${bases//,/ }; do
  echo "$url/$date?base=$base&symbols=$(echo "$bases" | tr ',' '\n' | grep -vx "$base" | paste -sd, -)"
done >"$urls"
curls() { # $1 = parallelism: one curl per base, every answer through one jq
  echo "xargs -P $1 -n 1 curl -fsS <$urls | jq -c .rates >/dev/null"
}

hyperfine -N --warmup 3 --runs "$runs" --export-markdown target/startup-bench.md \
  -n "fxmatrix sequential" "$fx -s sequential" \
  -n "fxmatrix pool -t 4" "$fx -s pool -t 4" \
  -n "fxmatrix thread-per-item" "$fx -s thread-per-item" \
  -n "fxmatrix virtual" "$fx -s virtual" \
  -n "fxmatrix async" "$fx -s async" \
  -n "fxmatrix process -t 4" "$fx -s process -t 4" \
  -n "seed sequential.py" "python3 src/bench/seed/seed_sequential.py" \
  -n "seed pool of 4 (seed_pool.py)" "python3 src/bench/seed/seed_pool.py" \
  -n "seed thread per base (seed_threads.py)" "python3 src/bench/seed/seed_threads.py" \
  >&2
hyperfine --warmup 3 --runs "$runs" --export-markdown target/startup-bench-curl.md \
  -n "xargs -P 33 curl | jq" "$(curls 33)" \
  -n "xargs -P 4 curl | jq" "$(curls 4)" \
  >&2
cat target/startup-bench.md target/startup-bench-curl.md

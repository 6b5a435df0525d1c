#!/usr/bin/env bash
# Whole-process timings, shell to exit, side by side in one run, against one loopback API with
# 100 ms latency:
#   - the floors: a Hello World JVM with its own AOT cache and the launcher's flags, and for the job
#     a plain OkHttp program (src/bench/OkHttpFloor.java) the same way;
#   - fxmatrix's own start: --version, --help and a usage error (--bases US);
#   - the 33-base job: every strategy against the seed's Python scripts and `xargs -P N curl | jq`;
#   - and for the job, how long after the shell's exec the first request reaches the server
#     (from the server's own log).
#
#   src/bench/startup-bench.sh [runs]      (needs hyperfine, curl, jq, python3 with requests)
#
# Writes target/bench/startup-bench.md and prints it. fxmatrix runs with --no-cache: the API's answers
# are cacheable for a day, and a cached run would send nothing at all; one row is such a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
port=18099
url="http://127.0.0.1:$port/v1"
date=2012-01-02 # a day with 34 currencies: 33 bases need 33 requests
bases=USD,JPY,BGN,CZK,DKK,GBP,HUF,LTL,LVL,PLN,RON,SEK,CHF,NOK,HRK,RUB,TRY,AUD,BRL,CAD,CNY,HKD,IDR,ILS,INR,KRW,MXN,MYR,NZD,PHP,SGD,THB,ZAR
out=target/bench
mkdir -p "$out"

./fxmatrix --version >/dev/null # builds the jar and the class-data archives if needed

# The floor: the same JDK as the launcher's, the same flags, a one-class jar with its own AOT cache.
java=$(FXMATRIX_WHICH_JAVA=1 ./fxmatrix)
flags=(-XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+UseSerialGC -Xlog:disable)
if [[ ! -f $out/hello.jar ]]; then
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$out/Hello.java"
  "${java%/java}/javac" -d "$out" "$out/Hello.java"
  "${java%/java}/jar" cfe "$out/hello.jar" Hello -C "$out" Hello.class
fi
hello=("$java" "${flags[@]}" -cp "$out/hello.jar" Hello)
if "$java" -XX:AOTMode=off -version >/dev/null 2>&1; then # JDK 24+
  [[ -f $out/hello.aot ]] || "$java" "${flags[@]}" "-XX:AOTCacheOutput=$out/hello.aot" -cp "$out/hello.jar" Hello >/dev/null 2>&1
  hello=("$java" "${flags[@]}" "-XX:AOTCache=$out/hello.aot" -cp "$out/hello.jar" Hello)
fi

# The job's floor on a JVM: a plain OkHttp program, compiled against the jar's OkHttp and jackson-core.
floor_jar=$out/okhttp-floor.jar
if [[ ! -f $floor_jar || src/bench/OkHttpFloor.java -nt $floor_jar || target/fxmatrix.jar -nt $floor_jar ]]; then
  rm -rf "$out/floor" "$out/okhttp-floor.aot"
  "${java%/java}/javac" -cp target/fxmatrix.jar -d "$out/floor" src/bench/OkHttpFloor.java
  "${java%/java}/jar" cf "$floor_jar" -C "$out/floor" .
fi
floor_args=(-cp "$floor_jar:target/fxmatrix.jar" OkHttpFloor "$url" "$date" "$bases")
floor=("$java" "${flags[@]}" "${floor_args[@]}")

./fxmatrix serve --port "$port" --latency 100ms 2>"$out/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -fs "$url/currencies" >/dev/null 2>&1 && break; sleep 0.1; done

if "$java" -XX:AOTMode=off -version >/dev/null 2>&1; then # JDK 24+: its own AOT cache, trained on the job
  [[ -f $out/okhttp-floor.aot ]] || "$java" "${flags[@]}" "-XX:AOTCacheOutput=$out/okhttp-floor.aot" "${floor_args[@]}" >/dev/null 2>&1
  floor=("$java" "${flags[@]}" "-XX:AOTCache=$out/okhttp-floor.aot" "${floor_args[@]}")
fi

export FXMATRIX_API_URL="$url" FXMATRIX_DATE="$date" FXMATRIX_BASES="$bases"
fx="./fxmatrix -q --no-cache --date $date -b $bases"
# The cron case: a run whose every answer the HTTP cache holds (filled once, here).
cached="./fxmatrix -q --cache-dir $out/bench-cache --date $date -b $bases -s async"
rm -rf "$out/bench-cache" && $cached >/dev/null
# The URLs the curl runs fetch: one per base, every other base as its symbols.
urls=$out/startup-bench-urls.txt
for base in ${bases//,/ }; do
  echo "$url/$date?base=$base&symbols=$(echo "$bases" | tr ',' '\n' | grep -vx "$base" | paste -sd, -)"
done >"$urls"
curls() { # $1 = parallelism: one curl per base, every answer through one jq
  echo "xargs -P $1 -n 1 curl -fsS <$urls | jq -c .rates >/dev/null"
}

hyperfine -N -i --warmup 3 --runs "$runs" --export-markdown "$out/start.md" \
  -n "Hello World JVM (own AOT cache)" "${hello[*]}" \
  -n "fxmatrix --version" "./fxmatrix --version" \
  -n "fxmatrix --help" "./fxmatrix --help" \
  -n "fxmatrix --bases US (usage error)" "./fxmatrix --bases US" \
  >&2
hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$out/job.md" \
  -n "fxmatrix sequential" "$fx -s sequential" \
  -n "seed sequential.py" "python3 src/bench/seed/seed_sequential.py" \
  -n "fxmatrix pool -t 4" "$fx -s pool -t 4" \
  -n "seed pool of 4 (seed_pool.py)" "python3 src/bench/seed/seed_pool.py" \
  -n "fxmatrix thread-per-item" "$fx -s thread-per-item" \
  -n "fxmatrix virtual" "$fx -s virtual" \
  -n "fxmatrix async" "$fx -s async" \
  -n "fxmatrix async, every answer from the cache" "$cached" \
  -n "OkHttp floor (OkHttpFloor.java, own AOT cache)" "${floor[*]}" \
  -n "seed thread per base (seed_threads.py)" "python3 src/bench/seed/seed_threads.py" \
  -n "fxmatrix process -t 4" "$fx -s process -t 4" \
  >&2
hyperfine --warmup 3 --runs "$runs" --export-markdown "$out/curl.md" \
  -n "xargs -P 33 curl | jq" "$(curls 33)" \
  -n "xargs -P 4 curl | jq" "$(curls 4)" \
  >&2

# First request on the wire: the server logs each request's arrival to the millisecond.
first_request() { # $1 = name, rest = command; prints "| name | median ms (min-max) |"
  local name=$1 t0 first ms=()
  shift
  for _ in $(seq 9); do
    t0=$(date +%s%3N)
    bash -c "$*" >/dev/null 2>&1 || true
    first=$(python3 - "$t0" "$out/server.log" <<'PY'
import sys, datetime
t0 = int(sys.argv[1])
for line in open(sys.argv[2]):
    fields = line.split()
    if len(fields) > 1 and fields[1] == "GET":
        t = int(datetime.datetime.fromisoformat(fields[0].replace("Z", "+00:00")).timestamp() * 1000)
        if t >= t0:
            print(t)
            break
PY
)
    [[ -n $first ]] && ms+=($((first - t0)))
  done
  sorted=($(printf '%s\n' "${ms[@]}" | sort -n))
  printf '| %s | %s (%s-%s) |\n' "$name" "${sorted[${#sorted[@]} / 2]}" "${sorted[0]}" "${sorted[-1]}"
}
{
  echo "| first request after exec | ms, median (min-max) of 9 |"
  echo "|:---|---:|"
  first_request "fxmatrix async" "$fx -s async"
  first_request "fxmatrix thread-per-item" "$fx -s thread-per-item"
  first_request "fxmatrix sequential" "$fx -s sequential"
  first_request "OkHttp floor" "${floor[*]}"
  first_request "xargs -P 33 curl | jq" "$(curls 33)"
  first_request "seed thread per base" "python3 src/bench/seed/seed_threads.py"
} >"$out/first.md"

cat "$out/start.md" "$out/job.md" "$out/curl.md" "$out/first.md" | tee "$out/startup-bench.md"

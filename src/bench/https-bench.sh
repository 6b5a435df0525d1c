#!/usr/bin/env bash
# https runs, timed offline: the embedded API behind a loopback TLS proxy whose certificate is
# made here and added to a copy of the JDK's trust store (src/bench/tls_proxies.py).
#   - 5 bases answered from the HTTP cache (a cron job's usual run), and the same with --offline;
#   - 5 bases and 1 base fetched through a CONNECT proxy that waits 60 ms before it connects, as a
#     remote server's connect would (the host, fx.test, resolves only there).
#
#   src/bench/https-bench.sh [runs] [another fxmatrix checkout]   (needs hyperfine, openssl, curl, python3)
#
# Another checkout (a git worktree of an older commit) is timed beside this one: each case's two
# commands in one hyperfine run, with the same proxies, trust store and cache. Writes
# target/bench/https-bench.md and prints it.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-15}
checkouts=("$PWD")
[[ -z ${2:-} ]] || checkouts+=("$(cd "$2" && pwd)")
out=$PWD/target/bench/https
mkdir -p "$out"
api=18098 tls=18443 proxy=18888

for c in "${checkouts[@]}"; do "$c/fxmatrix" --version >/dev/null; done # builds jars and archives if needed
java=$(FXMATRIX_WHICH_JAVA=1 ./fxmatrix)
if [[ ! -f $out/trust.jks ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj /CN=fx.test \
    -addext "subjectAltName=DNS:fx.test,IP:127.0.0.1" -keyout "$out/key.pem" -out "$out/cert.pem" 2>/dev/null
  cacerts=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')/lib/security/cacerts
  cp "$cacerts" "$out/trust.jks" && chmod u+w "$out/trust.jks"
  "${java%/java}/keytool" -importcert -noprompt -alias fx.test -file "$out/cert.pem" \
    -keystore "$out/trust.jks" -storepass changeit >/dev/null
fi

./fxmatrix serve --port "$api" --latency 100ms --quiet 2>/dev/null &
server=$!
python3 src/bench/tls_proxies.py "$out/cert.pem" "$out/key.pem" "$api" "$tls" "$proxy" 60 >"$out/proxies.log" &
proxies=$!
trap 'kill "$server" "$proxies" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  grep -q ready "$out/proxies.log" 2>/dev/null && curl -fs "http://127.0.0.1:$api/v1/currencies" >/dev/null 2>&1 && break
  sleep 0.1
done

# The trust store (and, for the fetches, the proxy) as system properties the JVM reads itself:
# JAVA_TOOL_OPTIONS leaves the launcher's own flags, archive and quick exit as they are.
trust="-Djavax.net.ssl.trustStore=$out/trust.jks -Djavax.net.ssl.trustStorePassword=changeit"
via_proxy="$trust -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=$proxy"
five="-q --date 2012-01-02 -b USD,EUR,PLN,NOK,CZK"
cached="$five --api-url https://127.0.0.1:$tls/v1 --cache-dir $out/cache"
rm -rf "$out/cache" && JAVA_TOOL_OPTIONS=$trust ./fxmatrix $cached >/dev/null 2>&1

time_cases() { # $1 = markdown file, $2 = JAVA_TOOL_OPTIONS, then name / fxmatrix arguments pairs
  local md=$1 opts=$2 commands=() c
  shift 2
  while (($#)); do
    for c in "${checkouts[@]}"; do
      commands+=(-n "$1$([[ $c == "$PWD" ]] || echo " (${c##*/})")" "$c/fxmatrix $2")
    done
    shift 2
  done
  JAVA_TOOL_OPTIONS=$opts hyperfine -N --warmup 3 --runs "$runs" --export-markdown "$md" "${commands[@]}" >&2
}
time_cases "$out/cached.md" "$trust" \
  "5 bases over https, from the cache" "$cached" \
  "the same, --offline" "$cached --offline"
time_cases "$out/fetched.md" "$via_proxy" \
  "5 bases fetched over https, 60 ms connect" "$five --no-cache --api-url https://fx.test:$tls/v1" \
  "1 base fetched over https, 60 ms connect" "-q --date 2012-01-02 -b USD --symbols EUR --no-cache --api-url https://fx.test:$tls/v1"
cat "$out/cached.md" "$out/fetched.md" | tee target/bench/https-bench.md

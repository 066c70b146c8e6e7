#!/usr/bin/env bash
# Cold start of the Netty entry point and, in process, the Azure function class (no Functions host
# installs here): a fresh JVM until its first successful answer (GET /health), several runs each,
# with and without cheap JVM options, AppCDS and the JDK 25 AOT cache. AWS and GCP are measured as
# their platforms start them by scripts/function-cold-start.sh. Beside ours, two baselines with nothing
# of ours: a minimal Micronaut app (one controller, Netty; benchmarks/minimal-micronaut) and the
# JDK's own HTTP server, so the table shows what our code adds. Prints a markdown table.
#
#   scripts/cold-start.sh                        # 5 runs per row, every option set
#   RUNS=3 scripts/cold-start.sh                 # fewer runs
#   OPTION_SETS="plain fast" scripts/cold-start.sh   # some of: plain fast cds aot
#   ENTRIES="netty micronaut-minimal" scripts/cold-start.sh
#   SKIP_BUILD=1 scripts/cold-start.sh
#   FORMAT=tsv scripts/cold-start.sh             # "entry<TAB>option set<TAB>min<TAB>median" lines
#                                                # (scripts/bench.sh reads these)
#
# Runs are interleaved (round after round, every entry point once per round), so a load spike on
# a shared machine falls on all of them alike: compare the rows of one run with each other.
# Needs a JDK 21+ as JAVA_HOME (the AOT-cache rows need JDK 25) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
option_sets=${OPTION_SETS:-plain fast cds aot}
entries=${ENTRIES:-netty azure micronaut-minimal jdk-httpserver}
format=${FORMAT:-markdown}
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
out="$root/bench-out/cold-start"
mkdir -p "$out"

export RUN_TOKEN=cold-start-run-token-0123456789abcdef
export FREEE_DRY_RUN=true

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -DskipTests package \
    -pl app,adapters-azure,benchmarks/minimal-micronaut -am
fi
./mvnw -q -pl app dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$out/app.classpath" >/dev/null
# The Azure host brings the Java functions library itself; the staged lib/ leaves it out.
for library in azure-functions-java-library:3.2.0 azure-functions-java-core-library:1.2.0; do
  ./mvnw -q -N dependency:copy -Dartifact="com.microsoft.azure.functions:$library" \
    -DoutputDirectory="$out/azure-host" >/dev/null
done

# Class-data archives take jars only, so the bench mains (test classes) go into small jars.
for adapter in azure; do
  "${JAVA_HOME}/bin/jar" cf "$out/$adapter-bench.jar" -C "$root/adapters-$adapter/target/test-classes" io
done
netty_cp="$root/app/target/app-0.1.0-SNAPSHOT.jar:$(cat "$out/app.classpath")"
azure_dir="$root/adapters-azure/target/azure-functions/invoice-bridge"
azure_cp="$azure_dir/invoice-bridge-azure.jar:$(echo "$azure_dir"/lib/*.jar "$out"/azure-host/*.jar | tr ' ' ':'):$out/azure-bench.jar"
minimal_dir="$root/benchmarks/minimal-micronaut/target"
minimal_cp="$minimal_dir/benchmarks-minimal-micronaut-0.1.0-SNAPSHOT.jar:$(cat "$minimal_dir/runtime.classpath")"
start_limit_ms=60000
port=0

# A port nothing listens on now (a fresh one per run: no answer from an earlier server).
free_port() {
  local candidate
  while :; do
    candidate=$(( 20000 + RANDOM % 40000 ))
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$candidate/" 2>/dev/null || { echo $candidate; return; }
  done
}

# Becomes (exec) the server JVM of entry $1, under timeout; rest: JVM options.
serve() {
  local entry=$1; shift
  case $entry in
    netty) PORT=$port exec timeout 120 "$java" "$@" -cp "$netty_cp" io.invoicebridge.Application ;;
    micronaut-minimal) PORT=$port exec timeout 120 "$java" "$@" -cp "$minimal_cp" \
           io.invoicebridge.bench.baseline.MinimalMicronautApplication ;;
    jdk-httpserver) PORT=$port exec timeout 120 "$java" "$@" -cp "$minimal_cp" \
           io.invoicebridge.bench.baseline.BareJdkHttpServer ;;
  esac
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One run; prints milliseconds from spawn to the first 200. $1 entry, rest: JVM options.
# Every JVM runs under timeout, and a server that has not answered within a minute is stopped.
run_once() {
  local entry=$1; shift
  local start; start=$(now_ms)
  case $entry in
    azure) timeout 120 "$java" "$@" -cp "$azure_cp" io.invoicebridge.adapters.azure.ColdStart >/dev/null ;;
    netty|micronaut-minimal|jdk-httpserver)
      port=$(free_port)
      start=$(now_ms)
      serve "$entry" "$@" >"$out/server.log" 2>&1 &
      local pid=$!
      until curl -fs -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
        if ! kill -0 $pid 2>/dev/null || [ $(( $(now_ms) - start )) -gt $start_limit_ms ]; then
          kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
          echo "$entry did not answer: $(tail -5 "$out/server.log")" >&2; return 1
        fi
        sleep 0.02
      done
      local end; end=$(now_ms)
      kill $pid; wait $pid 2>/dev/null || true
      echo $(( end - start )); return 0 ;;
  esac
  echo $(( $(now_ms) - start ))
}

fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# The JVM options of option set $1 for entry $2 (the archives are trained per entry point).
options_for() {
  case $1 in
    plain) echo "" ;;
    fast) echo "$fast" ;;
    cds) echo "$fast -XX:SharedArchiveFile=$out/$2.jsa" ;;
    aot) echo "$fast -XX:AOTCache=$out/$2.aot" ;;
  esac
}

label_for() {
  case $1 in
    plain) echo "(none)" ;;
    fast) echo "\`$fast\`" ;;
    cds) echo "\`$fast\` + AppCDS archive (Java 21 too)" ;;
    aot) echo "\`$fast\` + JDK 25 AOT cache" ;;
  esac
}

# Trains the archive an option set needs; prints the entries that have one.
train() {
  local set=$1 entry
  for entry in $entries; do
    case $set in
      cds) rm -f "$out/$entry.jsa"
           # shellcheck disable=SC2086
           run_once "$entry" $fast -XX:ArchiveClassesAtExit="$out/$entry.jsa" >/dev/null 2>&1 || true
           [ -f "$out/$entry.jsa" ] && echo "$entry" ;;
      aot) rm -f "$out/$entry.aot"
           # shellcheck disable=SC2086
           run_once "$entry" $fast -XX:AOTCacheOutput="$out/$entry.aot" >/dev/null 2>&1 || true
           [ -f "$out/$entry.aot" ] && echo "$entry" ;;
      *) echo "$entry" ;;
    esac
  done
  return 0
}

# min and median of a list of numbers: "min median"
min_median() {
  tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2); print a[1], m}'
}

java_major=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')

if [ "$format" = markdown ]; then
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB memory, $("$java" -version 2>&1 | head -1)"
  echo "Runs per row: $runs (fresh JVM each, interleaved; time from spawn to the first 200 on /health, dry run)"
  echo
  echo "| entry point | JVM options | min ms | median ms |"
  echo "|---|---|---:|---:|"
fi
for set in $option_sets; do
  if [ "$set" = aot ] && [ "${java_major%%.*}" -lt 25 ]; then continue; fi
  measured=$(train "$set" | tr '\n' ' ')
  declare -A times=()
  for _ in $(seq "$runs"); do
    for entry in $measured; do
      # shellcheck disable=SC2046
      t=$(run_once "$entry" $(options_for "$set" "$entry")) || t=""
      times[$entry]+="$t "
    done
  done
  for entry in $measured; do
    read -r min median < <(echo "${times[$entry]}" | min_median)
    if [ "$format" = tsv ]; then
      printf '%s\t%s\t%s\t%s\n' "$entry" "$set" "$min" "$median"
    else
      echo "| $entry | $(label_for "$set") | $min | $median |"
    fi
  done
  unset times
done

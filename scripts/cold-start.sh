#!/usr/bin/env bash
# Cold start of each entry point: a fresh JVM until its first successful answer (GET /health),
# several runs each, with and without cheap JVM options. Prints a markdown table.
#
#   scripts/cold-start.sh            # 5 runs per row
#   RUNS=3 scripts/cold-start.sh     # fewer runs
#   SKIP_BUILD=1 scripts/cold-start.sh
#
# Needs a JDK 21+ as JAVA_HOME (the AOT-cache rows need JDK 25) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-5}
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
out="$root/bench-out/cold-start"
mkdir -p "$out"

export RUN_TOKEN=cold-start-run-token-0123456789abcdef
export FREEE_DRY_RUN=true

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -DskipTests package -pl app,adapters-aws,adapters-gcp,adapters-azure -am
fi
./mvnw -q -pl app dependency:build-classpath -Dmdep.outputFile="$out/app.classpath" >/dev/null
# The Azure host brings the Java functions library itself; the staged lib/ leaves it out.
for library in azure-functions-java-library:3.2.0 azure-functions-java-core-library:1.2.0; do
  ./mvnw -q -N dependency:copy -Dartifact="com.microsoft.azure.functions:$library" \
    -DoutputDirectory="$out/azure-host" >/dev/null
done

# Class-data archives take jars only, so the bench mains (test classes) go into small jars.
for adapter in aws azure; do
  "${JAVA_HOME}/bin/jar" cf "$out/$adapter-bench.jar" -C "$root/adapters-$adapter/target/test-classes" io
done
netty_cp="$root/app/target/app-0.1.0-SNAPSHOT.jar:$(cat "$out/app.classpath")"
aws_cp="$root/adapters-aws/target/invoice-bridge-aws.jar:$out/aws-bench.jar"
azure_dir="$root/adapters-azure/target/azure-functions/invoice-bridge"
azure_cp="$azure_dir/invoice-bridge-azure.jar:$(echo "$azure_dir"/lib/*.jar "$out"/azure-host/*.jar | tr ' ' ':'):$out/azure-bench.jar"
gcp_jar="$root/adapters-gcp/target/deploy/invoice-bridge-gcp.jar"
invoker="$root/adapters-gcp/target/invoker/java-function-invoker.jar"
port=18091

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One run; prints milliseconds from spawn to the first 200. $1 adapter, rest: JVM options.
run_once() {
  local adapter=$1; shift
  local start; start=$(now_ms)
  case $adapter in
    aws) "$java" "$@" -cp "$aws_cp" io.invoicebridge.adapters.aws.ColdStart >/dev/null ;;
    azure) "$java" "$@" -cp "$azure_cp" io.invoicebridge.adapters.azure.ColdStart >/dev/null ;;
    netty|gcp)
      if [ "$adapter" = netty ]; then
        PORT=$port "$java" "$@" -cp "$netty_cp" io.invoicebridge.Application >"$out/server.log" 2>&1 &
      else
        "$java" "$@" -jar "$invoker" --classpath "$gcp_jar" \
          --target io.micronaut.gcp.function.http.HttpFunction --port $port >"$out/server.log" 2>&1 &
      fi
      local pid=$!
      until curl -fs -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
        kill -0 $pid 2>/dev/null || { echo "server died: $(tail -5 "$out/server.log")" >&2; return 1; }
        sleep 0.02
      done
      local end; end=$(now_ms)
      kill $pid; wait $pid 2>/dev/null || true
      echo $(( end - start )); return 0 ;;
  esac
  echo $(( $(now_ms) - start ))
}

# min and median of $runs runs: "min median"
measure() {
  local times=()
  for _ in $(seq "$runs"); do times+=("$(run_once "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:int((a[NR/2]+a[NR/2+1])/2); print a[1], m}'
}

fast="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
java_major=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB memory, $("$java" -version 2>&1 | head -1)"
echo "Runs per row: $runs (fresh JVM each; time from spawn to the first 200 on /health, dry run)"
echo
echo "| entry point | JVM options | min ms | median ms |"
echo "|---|---|---:|---:|"
for adapter in netty aws gcp azure; do
  read -r min median < <(measure $adapter)
  echo "| $adapter | (none) | $min | $median |"
  # shellcheck disable=SC2086
  read -r min median < <(measure $adapter $fast)
  echo "| $adapter | \`$fast\` | $min | $median |"
  cds="$out/$adapter.jsa"
  rm -f "$cds"
  # shellcheck disable=SC2086
  run_once $adapter $fast -XX:ArchiveClassesAtExit="$cds" >/dev/null 2>&1 || true
  if [ -f "$cds" ]; then
    # shellcheck disable=SC2086
    read -r min median < <(measure $adapter $fast -XX:SharedArchiveFile="$cds")
    echo "| $adapter | \`$fast\` + AppCDS archive (Java 21 too) | $min | $median |"
  fi
  if [ "${java_major%%.*}" -ge 25 ]; then
    aot="$out/$adapter.aot"
    rm -f "$aot"
    # shellcheck disable=SC2086
    run_once $adapter $fast -XX:AOTCacheOutput="$aot" >/dev/null 2>&1 || true
    if [ -f "$aot" ]; then
      # shellcheck disable=SC2086
      read -r min median < <(measure $adapter $fast -XX:AOTCache="$aot")
      echo "| $adapter | \`$fast\` + JDK 25 AOT cache | $min | $median |"
    fi
  fi
done

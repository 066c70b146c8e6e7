#!/usr/bin/env bash
# Cold start as each platform starts the function, beside a minimal Micronaut function of the same
# platform (benchmarks/minimal-aws-function, benchmarks/minimal-gcp-function: same Micronaut
# version, same entry class, one controller), each built without and with Micronaut AOT:
#   AWS: the deployment package unpacked as Lambda unpacks it, started by AWS's runtime interface
#        client (2.9.0) with Lambda's JVM options and variables, against a stand-in of the Lambda
#        Runtime API on 127.0.0.1 that has the first function-URL event queued;
#   GCP: the function jar under Google's Functions Framework invoker, probed over HTTP.
# Rows: GET /health and a first POST /v1/invoices/batch (dry run, no Redis), with the Terraform
# module's JAVA_TOOL_OPTIONS and without; rows ending in -aot are the packages built with Micronaut
# AOT (what ./mvnw package builds for AWS and GCP), the others without (-Dmicronaut.aot.enabled=false).
# Each row is compared with the minimal function without AOT (what a Micronaut Launch user has) and
# with AOT (like for like). Init ends when the function is ready for its first event.
# Runs are interleaved after one warm-up round; compare the rows of one run with each other.
#
#   scripts/function-cold-start.sh                 # 7 runs per row, both option sets
#   RUNS=3 OPTION_SETS=deployed scripts/function-cold-start.sh
#   ROWS=aws-minimal,aws-health-aot RUNS=3 scripts/function-cold-start.sh   # some rows only
#   SKIP_BUILD=1 scripts/function-cold-start.sh    # the packages of the last build of this script
#   EXTRA_JVM_OPTIONS='-Xlog:class+load:file=/tmp/{entry}.classes' RUNS=1 scripts/function-cold-start.sh
#
# Builds twice (without AOT, then with it; the second leaves target/ as ./mvnw package does) and
# keeps both sets of packages in bench-out/function-cold-start/packages/. Prints a markdown table;
# raw runs and each function's log go to bench-out/function-cold-start/. Needs a JDK 21+ as JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
out="$root/bench-out/function-cold-start"
mkdir -p "$out"

packages="$out/packages"
modules=adapters-aws,adapters-gcp,benchmarks/minimal-aws-function,benchmarks/minimal-gcp-function,benchmarks/harness
# Builds the packages with Micronaut AOT on or off and keeps them in $packages/<variant>/.
build() {
  local variant=$1 enabled=$2
  ./mvnw -q -DskipTests package -Dmicronaut.aot.enabled="$enabled" -pl "$modules" -am \
    >"$out/build-$variant.log" 2>&1 || { tail -40 "$out/build-$variant.log" >&2; exit 1; }
  mkdir -p "$packages/$variant"
  cp adapters-aws/target/invoice-bridge-aws.jar "$packages/$variant/aws-package.jar"
  cp adapters-gcp/target/deploy/invoice-bridge-gcp.jar "$packages/$variant/gcp-package.jar"
  cp benchmarks/minimal-aws-function/target/minimal-aws-function.jar "$packages/$variant/aws-minimal.jar"
  cp benchmarks/minimal-gcp-function/target/minimal-gcp-function.jar "$packages/$variant/gcp-minimal.jar"
}
if [ -z "${SKIP_BUILD:-}" ]; then
  rm -rf "$packages"
  build plain false
  build aot true
elif [ ! -d "$packages/aot" ]; then
  echo "no packages in $packages: run once without SKIP_BUILD" >&2; exit 1
fi
harness="$root/benchmarks/harness/target"
extra=()
if [ -n "${EXTRA_JVM_OPTIONS:-}" ]; then extra+=(--extra-jvm-options "$EXTRA_JVM_OPTIONS"); fi
if [ -n "${ROWS:-}" ]; then extra+=(--rows "$ROWS"); fi

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB memory, $("$java" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo
timeout --kill-after=10 "${LIMIT_SECONDS:-3600}" "$java" \
  -cp "$harness/benchmarks-harness-0.1.0-SNAPSHOT.jar:$(cat "$harness/runtime.classpath")" \
  io.invoicebridge.bench.Bench cold-start \
  --lambda-runtime "$root/adapters-aws/target/lambda-runtime" \
  --aws-package "$packages/plain/aws-package.jar" --aws-package-aot "$packages/aot/aws-package.jar" \
  --aws-minimal "$packages/plain/aws-minimal.jar" --aws-minimal-aot "$packages/aot/aws-minimal.jar" \
  --invoker "$root/adapters-gcp/target/invoker/java-function-invoker.jar" \
  --gcp-package "$packages/plain/gcp-package.jar" --gcp-package-aot "$packages/aot/gcp-package.jar" \
  --gcp-minimal "$packages/plain/gcp-minimal.jar" --gcp-minimal-aot "$packages/aot/gcp-minimal.jar" \
  --runs "${RUNS:-7}" --option-sets "${OPTION_SETS:-deployed,none}" \
  --out "$out" "${extra[@]}" 2>"$out/progress.log"
echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."

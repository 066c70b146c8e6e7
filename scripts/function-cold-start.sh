#!/usr/bin/env bash
# Cold start as each platform starts the function, beside a minimal Micronaut function of the same
# platform (benchmarks/minimal-aws-function, benchmarks/minimal-gcp-function: same Micronaut
# version, same entry class, one controller):
#   AWS: the deployment package unpacked as Lambda unpacks it, started by AWS's runtime interface
#        client (2.9.0) with Lambda's JVM options and variables, against a stand-in of the Lambda
#        Runtime API on 127.0.0.1 that has the first function-URL event queued;
#   GCP: the function jar under Google's Functions Framework invoker, probed over HTTP.
# Rows: GET /health and a first POST /v1/invoices/batch (dry run, no Redis), with the Terraform
# module's JAVA_TOOL_OPTIONS and without. Init ends when the function is ready for its first event.
# Runs are interleaved after one warm-up round; compare the rows of one run with each other.
#
#   scripts/function-cold-start.sh                 # 7 runs per row, both option sets
#   RUNS=3 OPTION_SETS=deployed scripts/function-cold-start.sh
#   SKIP_BUILD=1 scripts/function-cold-start.sh
#   EXTRA_JVM_OPTIONS='-Xlog:class+load:file=/tmp/{entry}.classes' RUNS=1 scripts/function-cold-start.sh
#
# Prints a markdown table; raw runs and each function's log go to bench-out/function-cold-start/.
# Needs a JDK 21+ as JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
java="${JAVA_HOME:?set JAVA_HOME to a JDK 21+}/bin/java"
out="$root/bench-out/function-cold-start"
mkdir -p "$out"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -DskipTests package -pl adapters-aws,adapters-gcp,benchmarks/minimal-aws-function,benchmarks/minimal-gcp-function,benchmarks/harness -am \
    >"$out/build.log" 2>&1 || { tail -40 "$out/build.log" >&2; exit 1; }
fi
harness="$root/benchmarks/harness/target"
extra=()
if [ -n "${EXTRA_JVM_OPTIONS:-}" ]; then extra=(--extra-jvm-options "$EXTRA_JVM_OPTIONS"); fi

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB memory, $("$java" -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo
timeout --kill-after=10 "${LIMIT_SECONDS:-1800}" "$java" \
  -cp "$harness/benchmarks-harness-0.1.0-SNAPSHOT.jar:$(cat "$harness/runtime.classpath")" \
  io.invoicebridge.bench.Bench cold-start \
  --lambda-runtime "$root/adapters-aws/target/lambda-runtime" \
  --aws-package "$root/adapters-aws/target/invoice-bridge-aws.jar" \
  --aws-minimal "$root/benchmarks/minimal-aws-function/target/minimal-aws-function.jar" \
  --invoker "$root/adapters-gcp/target/invoker/java-function-invoker.jar" \
  --gcp-package "$root/adapters-gcp/target/deploy/invoice-bridge-gcp.jar" \
  --gcp-minimal "$root/benchmarks/minimal-gcp-function/target/minimal-gcp-function.jar" \
  --runs "${RUNS:-7}" --option-sets "${OPTION_SETS:-deployed,none}" \
  --out "$out" "${extra[@]}" 2>"$out/progress.log"
echo
echo "Load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."

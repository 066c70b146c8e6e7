#!/usr/bin/env bash
# Copies the artifact an adapter built into OUT_DIR under a versioned name and prints its path.
#   package-artifact.sh CLOUD VERSION REPO_DIR OUT_DIR
# CLOUD is aws | gcp | azure; REPO_DIR is a checkout where ./mvnw package has already run.
set -euo pipefail

cloud="$1" version="$2" repo="$(cd "$3" && pwd)" out="$4"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

case "$cloud" in
  aws)
    artifact="$out/invoice-bridge-aws-$version.jar"
    cp "$repo/adapters-aws/target/invoice-bridge-aws.jar" "$artifact"
    ;;
  gcp)
    # Cloud Functions builds from a zip of the folder holding the single shaded jar.
    artifact="$out/invoice-bridge-gcp-$version.zip"
    (cd "$repo/adapters-gcp/target/deploy" && zip -qr "$artifact" .)
    ;;
  azure)
    # Flex Consumption one deploy takes a zip of the azure-functions-maven-plugin staging folder.
    artifact="$out/invoice-bridge-azure-$version.zip"
    (cd "$repo/adapters-azure/target/azure-functions/invoice-bridge" && zip -qr "$artifact" .)
    ;;
  *)
    echo "unknown cloud '$cloud': expected aws, gcp or azure" >&2
    exit 2
    ;;
esac
echo "$artifact"

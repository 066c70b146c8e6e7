#!/usr/bin/env bash
# Prints the name of the stack variable that takes the artifact: artifact-variable.sh CLOUD
set -euo pipefail
case "$1" in
  aws) echo package_path ;;
  gcp) echo source_zip_path ;;
  azure) echo package_zip_path ;;
  *) echo "unknown cloud '$1': expected aws, gcp or azure" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Builds the artifact of an earlier VERSION (a git commit) for a rollback and prints its path.
#   build-artifact.sh CLOUD VERSION OUT_DIR
# Checks the commit out beside the repository (git worktree), packages that cloud's adapter
# there without tests (they passed when it was deployed) and names it with package-artifact.sh.
# Only the path goes to standard output; the build's own output goes to standard error.
# The build runs with a minimal environment: deploy.sh calls this from the pipeline's deploy step,
# whose environment holds the stack's secrets and the cloud login, which no build tool needs.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cloud="$1" version="$2" out="$3"
"$here/artifact-variable.sh" "$cloud" >/dev/null
repo="$(cd "$here/../.." && pwd)"
tree="$(mktemp -d)/invoice-bridge-$version"
git -C "$repo" worktree add --detach "$tree" "$version" >&2
(cd "$tree" && env -i PATH="$PATH" HOME="${HOME:-}" JAVA_HOME="${JAVA_HOME:-}" \
  MAVEN_OPTS="${MAVEN_OPTS:-}" LANG="${LANG:-C.UTF-8}" \
  ./mvnw -B -q -DskipTests -pl "adapters-$cloud" -am package) >&2
"$here/package-artifact.sh" "$cloud" "$version" "$tree" "$out"

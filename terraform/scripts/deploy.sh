#!/usr/bin/env bash
# Deploys one version of the bridge with Terraform and puts the previous one back when the new
# one does not work.
#
#   RUN_TOKEN=... deploy.sh CLOUD VERSION ARTIFACT
#
# Works in terraform/CLOUD (STACK_DIR overrides it), with the stack already initialised:
#   1. reads the version deployed before (output deployed_version; none on a first deployment);
#   2. terraform apply with artifact_version=VERSION and the cloud's artifact variable=ARTIFACT,
#      then redis-app-user.sh (REDIS_APP_USER overrides it): the app's own Redis user with the
#      rules of redis-app-user.acl, which the REDIS_URL just applied names;
#   3. check-health.sh on the output url: /health UP with Redis UP, /v1/preflight without "fail"
#      (on Azure, after one restart of the app if the first check fails: see below);
#   4. if 2 or 3 failed and an earlier, different version exists: builds its artifact
#      (BUILD_ARTIFACT CLOUD VERSION DIR, default build-artifact.sh, which prints the path), applies
#      it the same way and checks it again. Only the code goes back; infrastructure changes of the
#      new commit stay.
# Exits 0 deployed and healthy; 1 VERSION failed and the previous version runs again; 2 usage;
# 3 VERSION failed and nothing was restored (first deployment, same version, or the rollback
# failed too).
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
if [[ $# -ne 3 ]]; then
  echo "usage: RUN_TOKEN=... deploy.sh CLOUD VERSION ARTIFACT" >&2
  exit 2
fi
cloud="$1" version="$2" artifact="$3"
variable="$("$here/artifact-variable.sh" "$cloud")" || exit 2
build="${BUILD_ARTIFACT:-$here/build-artifact.sh}"
redis_user="${REDIS_APP_USER:-$here/redis-app-user.sh}"
cd "${STACK_DIR:-$here/../$cloud}" || exit 2
rollback_dir="${ROLLBACK_DIR:-$PWD/.rollback}"

previous="$(terraform output -raw deployed_version 2>/dev/null)" || previous=""
[[ "$previous" == unversioned ]] && previous=""
echo "deployed before: ${previous:-nothing (first deployment)}"

# Applies VERSION with ARTIFACT, then checks the deployment as a user would.
apply_and_check() {
  local url
  echo "applying $1"
  if ! terraform apply -auto-approve -input=false -var "artifact_version=$1" -var "$variable=$2"; then
    echo "terraform apply of $1 failed"
    return 1
  fi
  if ! "$redis_user"; then
    echo "the app's Redis user could not be created or updated after applying $1"
    return 1
  fi
  url="$(terraform output -raw url)" || { echo "no url output after applying $1"; return 1; }
  FRONT_DOOR_AUTH="$(terraform output -raw front_door_auth 2>/dev/null || echo none)"
  export FRONT_DOOR_AUTH
  "$here/check-health.sh" "$url" || restart_azure_and_check "$url"
}

# Azure resolves the app settings' Key Vault references when the app starts, with the app's own
# identity, which is granted the vault only once the app exists: a first start (and a start
# before the grant has spread) sees the references unresolved. One restart resolves them. Needs
# the az CLI logged in (the workflow's azure/login step); elsewhere a no-op that fails.
restart_azure_and_check() {
  local app group
  [[ "$cloud" == azure ]] || return 1
  if ! command -v az >/dev/null 2>&1; then
    echo "az not found: restart the function app by hand if its Key Vault references are unresolved"
    return 1
  fi
  app="$(terraform output -raw function_app_name)" || return 1
  group="$(terraform output -raw resource_group_name)" || return 1
  echo "restarting $app once, so it resolves its Key Vault references, then checking again"
  az functionapp restart --name "$app" --resource-group "$group" --output none || return 1
  "$here/check-health.sh" "$1"
}

if apply_and_check "$version" "$artifact"; then
  echo "deployed $version"
  exit 0
fi
if [[ -z "$previous" || "$previous" == "$version" ]]; then
  echo "::error::$version failed and there is no earlier version to roll back to"
  exit 3
fi
echo "::warning::$version failed; rolling back to $previous"
if ! previous_artifact="$("$build" "$cloud" "$previous" "$rollback_dir")"; then
  echo "::error::$version failed and the artifact of $previous could not be built"
  exit 3
fi
if apply_and_check "$previous" "$previous_artifact"; then
  echo "::error::$version failed; rolled back to $previous, which is healthy. Fix it and push again"
  exit 1
fi
echo "::error::$version failed and the rollback to $previous failed too"
exit 3

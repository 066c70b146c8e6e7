#!/usr/bin/env bash
# Checks what a user of the deployed bridge needs, as its operator would, with the run token:
#   1. GET URL/health answers 200 with status UP, and its redis component is UP (every stack
#      configures Redis; REQUIRE_REDIS=false skips this for a deployment without it);
#   2. GET URL/v1/preflight answers 200 and none of its checks is "fail" (warnings are shown).
#
#   RUN_TOKEN=... check-health.sh URL        (URL: the stack's "url" output)
#
# The token is read from RUN_TOKEN and handed to curl on its standard input: it is never on a
# command line and never printed (nor is anything the endpoints answer that contains it).
# FRONT_DOOR_AUTH (the stack's output front_door_auth; deploy.sh passes it) says what the cloud's
# front door demands besides: "none" (default); "aws-iam": a SigV4 signature with the deployer's
# AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (region from AWS_REGION or the
# URL); "gcp-iam": a Google ID token from gcloud in X-Serverless-Authorization; "azure-entra:<client
# id>": an Entra access token for that application from az. Where the cloud's credential takes
# the Authorization header, the run token goes in Invoice-Bridge-Run-Token.
# Tries HEALTH_ATTEMPTS times (10), HEALTH_INTERVAL_SECONDS apart (15: cold starts included),
# each request at most HEALTH_TIMEOUT_SECONDS (30). Exits 0 healthy, 1 not, 2 usage.
set -uo pipefail

url="${1:-}"
url="${url%/}"
attempts="${HEALTH_ATTEMPTS:-10}"
interval="${HEALTH_INTERVAL_SECONDS:-15}"
timeout="${HEALTH_TIMEOUT_SECONDS:-30}"
require_redis="${REQUIRE_REDIS:-true}"
if [[ -z "$url" ]]; then
  echo "usage: RUN_TOKEN=... check-health.sh URL" >&2
  exit 2
fi
if [[ -z "${RUN_TOKEN:-}" ]]; then
  echo "check-health.sh: set RUN_TOKEN (the deployed bearer token) to check health details and preflight" >&2
  exit 2
fi
command -v jq >/dev/null || { echo "check-health.sh: jq is required" >&2; exit 2; }
front_door="${FRONT_DOOR_AUTH:-none}"
case "$front_door" in
  none | gcp-iam | azure-entra:?*) ;;
  aws-iam)
    if [[ -z "${AWS_ACCESS_KEY_ID:-}" || -z "${AWS_SECRET_ACCESS_KEY:-}" ]]; then
      echo "check-health.sh: the front door takes AWS_IAM: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" >&2
      exit 2
    fi
    aws_service=lambda
    [[ "$url" == *.execute-api.* ]] && aws_service=execute-api
    aws_region="${AWS_REGION:-$(sed -nE 's#^https://[^.]+\.(lambda-url|execute-api)\.([a-z0-9-]+)\..*#\2#p' <<< "$url")}"
    [[ -n "$aws_region" ]] || { echo "check-health.sh: set AWS_REGION (not in the URL)" >&2; exit 2; } ;;
  *)
    echo "check-health.sh: unknown FRONT_DOOR_AUTH $front_door (none, aws-iam, gcp-iam, azure-entra:<client id>)" >&2
    exit 2 ;;
esac

body="$(mktemp)"
trap 'rm -f "$body"' EXIT
reason=""

# Prints text from the endpoints with the token cut out, whatever they answered.
say() {
  local text="$*"
  echo "${text//"$RUN_TOKEN"/[RUN_TOKEN]}"
}

# A value quoted for curl's config file.
quoted() {
  local value="${1//\\/\\\\}"
  printf '"%s"' "${value//\"/\\\"}"
}

# curl's config for one request: the run token, and what the front door demands.
credentials() {
  local id_token
  case "$front_door" in
    none)
      echo "header = $(quoted "Authorization: Bearer $RUN_TOKEN")" ;;
    aws-iam)
      echo "header = $(quoted "Invoice-Bridge-Run-Token: $RUN_TOKEN")"
      echo "aws-sigv4 = $(quoted "aws:amz:$aws_region:$aws_service")"
      echo "user = $(quoted "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY")"
      [[ -z "${AWS_SESSION_TOKEN:-}" ]] || echo "header = $(quoted "x-amz-security-token: $AWS_SESSION_TOKEN")" ;;
    gcp-iam)
      id_token="$(gcloud auth print-identity-token --audiences="$url" 2>/dev/null || gcloud auth print-identity-token 2>/dev/null)"
      echo "header = $(quoted "Authorization: Bearer $RUN_TOKEN")"
      echo "header = $(quoted "X-Serverless-Authorization: Bearer $id_token")" ;;
    azure-entra:*)
      id_token="$(az account get-access-token --resource "api://${front_door#azure-entra:}" --query accessToken --output tsv 2>/dev/null)"
      echo "header = $(quoted "Authorization: Bearer $id_token")"
      echo "header = $(quoted "Invoice-Bridge-Run-Token: $RUN_TOKEN")" ;;
  esac
}

# GET PATH with the credentials; the body goes to $body, the HTTP status to stdout.
get() {
  credentials | curl -sS -K - --max-time "$timeout" -o "$body" -w '%{http_code}' "$url$1" 2>/dev/null
}

health() {
  local status redis
  status="$(get /health)" || { reason="GET $url/health: no answer"; return 1; }
  if [[ "$status" != 200 ]] || ! jq -e '.status == "UP"' "$body" >/dev/null 2>&1; then
    reason="GET $url/health answered $status; not UP: $(jq -r '[.details // {} | to_entries[]
      | select(.value.status != "UP") | "\(.key) \(.value.status) \(.value.details // {} | tojson)"]
      | join(", ")' "$body" 2>/dev/null)"
    return 1
  fi
  [[ "$require_redis" == true ]] || return 0
  redis="$(jq -r '.details.redis.status // "missing"' "$body")"
  if [[ "$redis" != UP ]]; then
    reason="GET $url/health: the redis component is $redis (expected UP: the stack configures REDIS_URL)"
    return 1
  fi
}

preflight() {
  local status failing warnings
  status="$(get /v1/preflight)" || { reason="GET $url/v1/preflight: no answer"; return 1; }
  if [[ "$status" != 200 ]]; then
    reason="GET $url/v1/preflight answered $status (401: RUN_TOKEN is not the deployed token)"
    return 1
  fi
  if ! failing="$(jq -er '.checks | map(select(.verdict == "fail") | "\(.name): \(.detail // "")")
      | join("; ")' "$body" 2>/dev/null)"; then
    reason="GET $url/v1/preflight: not a preflight report"
    return 1
  fi
  warnings="$(jq -r '.checks | map(select(.verdict == "warn") | .name) | join(", ")' "$body")"
  [[ -z "$warnings" ]] || say "preflight warns: $warnings"
  if [[ -n "$failing" ]]; then
    reason="preflight fails: $failing"
    return 1
  fi
}

for ((i = 1; i <= attempts; i++)); do
  if health && preflight; then
    echo "healthy: $url (health UP$([[ "$require_redis" == true ]] && echo ", redis UP"), preflight without failures)"
    exit 0
  fi
  say "not healthy yet ($i/$attempts): $reason"
  ((i < attempts)) && sleep "$interval"
done
say "UNHEALTHY: $url: $reason" >&2
exit 1

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

body="$(mktemp)"
trap 'rm -f "$body"' EXIT
reason=""

# Prints text from the endpoints with the token cut out, whatever they answered.
say() {
  local text="$*"
  echo "${text//"$RUN_TOKEN"/[RUN_TOKEN]}"
}

# GET PATH with the bearer token; the body goes to $body, the HTTP status to stdout.
get() {
  local token="${RUN_TOKEN//\\/\\\\}"
  token="${token//\"/\\\"}"
  printf 'header = "Authorization: Bearer %s"\n' "$token" |
    curl -sS -K - --max-time "$timeout" -o "$body" -w '%{http_code}' "$url$1" 2>/dev/null
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

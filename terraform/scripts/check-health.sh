#!/usr/bin/env bash
# Asks URL (the stack's health_url output) until it answers 200 with "UP" in the body.
#   check-health.sh URL [ATTEMPTS]
# Exits 0 when healthy, 1 after ATTEMPTS tries (default 10, 15 s apart: cold starts included).
set -uo pipefail

url="$1" attempts="${2:-10}"
for ((i = 1; i <= attempts; i++)); do
  body="$(curl -fsS --max-time 30 "$url" 2>/dev/null)" && [[ "$body" == *UP* ]] && {
    echo "healthy: $url"
    exit 0
  }
  echo "not healthy yet ($i/$attempts): $url"
  ((i < attempts)) && sleep 15
done
echo "UNHEALTHY: $url did not answer 200 with UP" >&2
exit 1

#!/usr/bin/env bash
# Checks a release on the staging deployment as its first user would, with the run token.
#
#   check-release.sh dry-run URL   the deployment runs with FREEE_DRY_RUN=true (the authenticated
#       /health must say so: nothing is sent otherwise). POST URL/v1/invoices/batch with two
#       release-check invoices: each must answer dry_run, with the body it would send to freee
#       naming the company FREEE_COMPANY_ID.
#   check-release.sh invoice URL   the deployment creates invoices. POST URL/v1/invoices one
#       release-check invoice (Idempotency-Key release-check/RELEASE_VERSION): created, or replayed
#       when the same release is checked again; then GET URL/v1/invoices?key= must answer created
#       with the same invoice id.
#
# Needs RUN_TOKEN, FREEE_COMPANY_ID, RELEASE_CHECK_PARTNER_CODE (a partner of that freee company:
# the invoices are billed to it, 1 yen each) and RELEASE_VERSION. The token reaches curl on its
# standard input, never on a command line, and is never printed. Exits 0 passed, 1 failed, 2 usage.
set -uo pipefail

mode="${1:-}" url="${2:-}"
url="${url%/}"
timeout="${HEALTH_TIMEOUT_SECONDS:-30}"
usage="usage: RUN_TOKEN=... FREEE_COMPANY_ID=... RELEASE_CHECK_PARTNER_CODE=... RELEASE_VERSION=... check-release.sh dry-run|invoice URL"
if [[ "$mode" != dry-run && "$mode" != invoice ]] || [[ -z "$url" ]]; then
  echo "$usage" >&2
  exit 2
fi
for name in RUN_TOKEN FREEE_COMPANY_ID RELEASE_CHECK_PARTNER_CODE RELEASE_VERSION; do
  if [[ -z "${!name:-}" ]]; then
    echo "check-release.sh: set $name" >&2
    exit 2
  fi
done
command -v jq >/dev/null || { echo "check-release.sh: jq is required" >&2; exit 2; }

body="$(mktemp)" payload="$(mktemp)"
trap 'rm -f "$body" "$payload"' EXIT
key="release-check/$RELEASE_VERSION"

fail() {
  local text="$*"
  echo "RELEASE CHECK FAILED: ${text//"$RUN_TOKEN"/[RUN_TOKEN]}" >&2
  exit 1
}

# curl with the bearer token from its standard input; the body goes to $body, the status to stdout.
call() {
  local token="${RUN_TOKEN//\\/\\\\}"
  token="${token//\"/\\\"}"
  printf 'header = "Authorization: Bearer %s"\n' "$token" |
    curl -sS -K - --max-time "$timeout" -o "$body" -w '%{http_code}' "$@" 2>/dev/null
}

# One release-check invoice with the given key: 1 yen to RELEASE_CHECK_PARTNER_CODE, billed today.
invoice() {
  jq -n --arg key "$1" --arg partner "$RELEASE_CHECK_PARTNER_CODE" --arg release "$RELEASE_VERSION" \
    --arg today "$(TZ=Asia/Tokyo date +%F)" '{
      key: $key, billing_date: $today, partner_code: $partner, partner_title: "御中",
      subject: "invoice-bridge release check \($release)", tax_entry_method: "out",
      tax_fraction: "omit", withholding_tax_entry_method: "out",
      lines: [{type: "item", description: "release check", quantity: 1, unit_price: "1", tax_rate: 10}]}'
}

dry_run() {
  local status
  status="$(call "$url/health")" || fail "GET $url/health: no answer"
  jq -e '.details.configuration.details.dry_run == true' "$body" >/dev/null 2>&1 ||
    fail "GET $url/health (answered $status) does not show dry_run true: not sending a batch that would create invoices"
  jq -n --argjson a "$(invoice "$key/dry-run/1")" --argjson b "$(invoice "$key/dry-run/2")" \
    '{invoices: [$a, $b]}' > "$payload"
  status="$(call -X POST -H 'Content-Type: application/json' --data-binary "@$payload" \
    "$url/v1/invoices/batch")" || fail "POST $url/v1/invoices/batch: no answer"
  [[ "$status" == 200 ]] || fail "POST $url/v1/invoices/batch answered $status: $(head -c 500 "$body")"
  jq -e --argjson company "$FREEE_COMPANY_ID" '.results | length == 2 and
      all(.status == "dry_run" and .would_send.company_id == $company)' "$body" >/dev/null 2>&1 ||
    fail "the dry-run batch did not answer dry_run for company $FREEE_COMPANY_ID: $(jq -c '[.results[]? | {key, status, company: .would_send.company_id}]' "$body" 2>/dev/null)"
  echo "dry-run batch: 2 items dry_run for company $FREEE_COMPANY_ID ($url)"
}

one_invoice() {
  local status id found
  invoice "$key" | jq 'del(.key)' > "$payload"
  status="$(call -X POST -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
    --data-binary "@$payload" "$url/v1/invoices")" || fail "POST $url/v1/invoices: no answer"
  [[ "$status" == 201 || "$status" == 200 ]] || fail "POST $url/v1/invoices answered $status: $(head -c 500 "$body")"
  id="$(jq -er 'select(.status == "created" or .status == "replayed") | .invoice_id' "$body" 2>/dev/null)" ||
    fail "POST $url/v1/invoices answered $status without a created invoice: $(jq -c '{key, status, detail}' "$body" 2>/dev/null)"
  echo "invoice $key: $(jq -r .status "$body") as freee invoice $id"
  status="$(call -G --data-urlencode "key=$key" "$url/v1/invoices")" || fail "GET $url/v1/invoices: no answer"
  found="$(jq -r 'select(.status == "created") | .invoice_id' "$body" 2>/dev/null)"
  [[ "$status" == 200 && "$found" == "$id" ]] ||
    fail "GET $url/v1/invoices?key=$key answered $status, invoice ${found:-none}; expected created with $id"
  echo "looked up $key: created, freee invoice $id"
}

if [[ "$mode" == dry-run ]]; then dry_run; else one_invoice; fi

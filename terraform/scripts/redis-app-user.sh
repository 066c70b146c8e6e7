#!/usr/bin/env bash
# Creates or updates the app's own Redis user on the stack's Upstash database, with exactly the
# rules of redis-app-user.acl (beside this script; the test suite's Redis applies the same file).
#
#   redis-app-user.sh        (in the stack's directory after terraform apply; STACK_DIR overrides)
#
# Reads the stack's sensitive output redis_app_user ({rest_url, rest_token, name, password}) and
# talks to Upstash's REST API as the database's default user. Secrets never reach a command line
# or the output: the REST token and each request body go to curl in files only this user reads.
#   1. ACL GENTOKEN <name> <password>: Upstash's SETUSER takes no password it did not wrap itself;
#      the user's password stays the one Terraform made (and put into REDIS_URL). A Redis without
#      this extension answers "unknown subcommand", and the password is then used as it is;
#   2. ACL SETUSER <name> reset on ><token> <rules>: reset first, so the user has these rules and
#      nothing left over from an earlier deployment; one command, so no moment without rules.
# Exits 0 done, 1 failed (the reason printed), 2 usage.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
rules_file="${REDIS_APP_USER_RULES:-$here/redis-app-user.acl}"
if [[ $# -ne 0 ]]; then
  echo "usage: redis-app-user.sh   (in the stack's directory; STACK_DIR overrides)" >&2
  exit 2
fi
command -v jq >/dev/null || { echo "redis-app-user.sh: jq is required" >&2; exit 2; }
cd "${STACK_DIR:-.}" || exit 2

work="$(umask 077 && mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! terraform output -json redis_app_user > "$work/user.json" 2>/dev/null; then
  echo "redis-app-user.sh: the stack has no output redis_app_user (apply it first)" >&2
  exit 1
fi
rest_url="$(jq -r '.rest_url' "$work/user.json")"
name="$(jq -r '.name' "$work/user.json")"
jq -r '"header = " + ("Authorization: Bearer " + .rest_token | @json)' "$work/user.json" > "$work/curl.conf"

mapfile -t rules < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$rules_file" | grep -v '^$')
if [[ ${#rules[@]} -eq 0 ]]; then
  echo "redis-app-user.sh: no rules in $rules_file" >&2
  exit 1
fi

# Sends the JSON command in $work/command.json; the answer's "result" goes to stdout, its
# "error" (or curl's failure) to $work/error.
rest() {
  local status
  : > "$work/error"
  status="$(curl -sS --max-time 30 -K "$work/curl.conf" -H 'Content-Type: application/json' \
    --data-binary "@$work/command.json" -o "$work/answer.json" -w '%{http_code}' "$rest_url" 2>"$work/error")" || {
    echo "no answer from $rest_url" >> "$work/error"
    return 1
  }
  if [[ "$status" != 200 ]] || jq -e 'has("error")' "$work/answer.json" >/dev/null 2>&1; then
    jq -r '.error // empty' "$work/answer.json" 2>/dev/null > "$work/error"
    [[ -s "$work/error" ]] || echo "HTTP $status" > "$work/error"
    return 1
  fi
  jq -r '.result' "$work/answer.json"
}

jq -c '["ACL", "GENTOKEN", .name, .password]' "$work/user.json" > "$work/command.json"
if token="$(rest)"; then
  :
elif grep -qi 'unknown subcommand' "$work/error"; then
  echo "this Redis has no ACL GENTOKEN (not Upstash): setting the password as it is"
  token="$(jq -r '.password' "$work/user.json")"
else
  echo "::error::ACL GENTOKEN for $name failed: $(cat "$work/error")" >&2
  exit 1
fi

TOKEN="$token" jq -c --args '["ACL", "SETUSER", .name, "reset", "on", (">" + env.TOKEN)] + $ARGS.positional' \
  "${rules[@]}" < "$work/user.json" > "$work/command.json"
if ! rest > /dev/null; then
  echo "::error::ACL SETUSER $name failed: $(cat "$work/error")" >&2
  exit 1
fi
echo "redis user $name: ${#rules[@]} rules of $(basename "$rules_file") applied"

#!/usr/bin/env bash
# Sends one synthetic ERROR log line to a deployed stack's logs, where the zero-tolerance alert
# "error_log" of ops/service.yaml picks it up: its notification (e-mail, webhook) should arrive
# within about 5-10 minutes. Run it once after `terraform apply` of a stack, from anywhere in a
# clone, with that cloud's CLI logged in:
#
#   ops/send-test-alert.sh aws     # aws CLI: writes the line to the function's CloudWatch log group
#   ops/send-test-alert.sh gcp     # gcloud: writes the entry as the function's Cloud Run service
#   ops/send-test-alert.sh azure   # az CLI + curl: sends the trace to the app's Application Insights
#
# It reads names from `terraform output` of terraform/<cloud> (the state must be reachable) and
# touches nothing but the logs. The line holds no secret.
set -euo pipefail

readonly MESSAGE="synthetic test alert from ops/send-test-alert.sh; no action needed"
readonly LINE="{\"level\":\"ERROR\",\"severity\":\"ERROR\",\"logger\":\"send-test-alert\",\"message\":\"${MESSAGE}\"}"

root="$(cd "$(dirname "$0")/.." && pwd)"

output() {
  terraform -chdir="${root}/terraform/$1" output -raw "$2"
}

aws_alert() {
  local group stream millis escaped
  group="$(output aws log_group_name)"
  stream="send-test-alert-$(date -u +%Y%m%dT%H%M%SZ)"
  millis="$(($(date +%s) * 1000))"
  escaped="${LINE//\"/\\\"}"
  aws logs create-log-stream --log-group-name "${group}" --log-stream-name "${stream}"
  aws logs put-log-events --log-group-name "${group}" --log-stream-name "${stream}" \
    --log-events "[{\"timestamp\":${millis},\"message\":\"${escaped}\"}]" >/dev/null
  echo "wrote an ERROR line to ${group} (stream ${stream})"
}

gcp_alert() {
  local project region service
  project="$(output gcp project_id)"
  region="$(output gcp region)"
  service="$(output gcp function_name)"
  gcloud logging write send-test-alert "${LINE}" --project="${project}" \
    --payload-type=json --severity=ERROR \
    --monitored-resource-type=cloud_run_revision \
    --monitored-resource-labels="project_id=${project},location=${region},service_name=${service},revision_name=send-test-alert,configuration_name=${service}"
  echo "wrote an ERROR entry for Cloud Run service ${service} in ${project}"
}

azure_alert() {
  local group insights connection key endpoint now
  group="$(output azure resource_group_name)"
  insights="$(output azure application_insights_name)"
  connection="$(az monitor app-insights component show --app "${insights}" \
    --resource-group "${group}" --query connectionString --output tsv)"
  key="$(tr ';' '\n' <<<"${connection}" | sed -n 's/^InstrumentationKey=//p')"
  endpoint="$(tr ';' '\n' <<<"${connection}" | sed -n 's/^IngestionEndpoint=//p')"
  now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  curl -fsS -X POST "${endpoint%/}/v2/track" -H 'Content-Type: application/json' --data @- <<JSON >/dev/null
{"name":"Microsoft.ApplicationInsights.Message","time":"${now}","iKey":"${key}",
 "data":{"baseType":"MessageData","baseData":{"ver":2,"severityLevel":3,
 "message":"${LINE//\"/\\\"}"}}}
JSON
  echo "sent an ERROR trace to Application Insights ${insights}"
}

case "${1:-}" in
  aws) aws_alert ;;
  gcp) gcp_alert ;;
  azure) azure_alert ;;
  *)
    echo "usage: $0 aws|gcp|azure" >&2
    exit 2
    ;;
esac
echo "expect the error_log alert's notification within about 10 minutes"

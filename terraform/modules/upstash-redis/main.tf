# One global Upstash Redis database shared by every instance: the idempotency ledger, the freee
# token record and the rate limit live here, so it must be durable (no eviction) and TLS.
resource "upstash_redis_database" "this" {
  database_name  = var.name
  region         = "global"
  primary_region = var.primary_region
  read_regions   = var.read_regions

  # Deprecated by the provider because Upstash now always enables TLS; kept explicit so an old
  # database without TLS is switched on rather than silently kept plain.
  tls = true

  # Evicting keys would drop ledger records and could create a duplicate invoice.
  eviction = false
}

# The app's own Redis user: limited to the bridge's keys and commands by the ACL rules in
# terraform/scripts/redis-app-user.acl, which the deployment applies (scripts/redis-app-user.sh:
# ACL SETUSER through Upstash's REST API; the provider manages no ACL users). Terraform makes its
# password, which reaches the app inside REDIS_URL through the cloud's secret store. The default
# user, which may do anything, stays with Terraform and the deployment script.
resource "random_password" "app_user" {
  length  = 40
  special = false
}

locals {
  url = "rediss://${var.app_user}:${random_password.app_user.result}@${upstash_redis_database.this.endpoint}:${upstash_redis_database.this.port}"
}

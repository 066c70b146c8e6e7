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

locals {
  url = "rediss://default:${upstash_redis_database.this.password}@${upstash_redis_database.this.endpoint}:${upstash_redis_database.this.port}"
}

output "url" {
  description = "TLS connection URL (rediss://default:PASSWORD@ENDPOINT:PORT), the app's REDIS_URL."
  value       = local.url
  sensitive   = true
}

output "endpoint" {
  description = "Host name of the database."
  value       = upstash_redis_database.this.endpoint
}

output "port" {
  description = "TLS port of the database."
  value       = upstash_redis_database.this.port
}

output "database_id" {
  description = "Upstash id of the database."
  value       = upstash_redis_database.this.database_id
}

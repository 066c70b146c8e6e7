output "url" {
  description = "The app's REDIS_URL: TLS, as the app's own ACL user (rediss://APP_USER:PASSWORD@ENDPOINT:PORT)."
  value       = local.url
  sensitive   = true
}

output "app_user" {
  description = "What scripts/redis-app-user.sh needs to create or update the app's ACL user: Upstash's REST URL and the default user's REST token (administration), the user's name and password."
  value = {
    rest_url   = "https://${upstash_redis_database.this.endpoint}"
    rest_token = upstash_redis_database.this.rest_token
    name       = var.app_user
    password   = random_password.app_user.result
  }
  sensitive = true
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

output "keys" {
  description = "TOKEN_ENCRYPTION_KEYS: the current generation's key, then the previous generation's, in base64, comma-separated."
  value       = join(",", [for g in local.generations : random_bytes.this[tostring(g)].base64])
  sensitive   = true
}

output "generations" {
  description = "The generations whose keys the app holds, the sealing one first."
  value       = local.generations
}

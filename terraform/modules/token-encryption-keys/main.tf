# The AES-256 keys that seal the freee token record in Redis (TOKEN_ENCRYPTION_KEYS), made here
# from random bytes and kept in the Terraform state like every other secret of the stack. Raising
# `generation` rotates without downtime: the new generation's key goes first (it seals from now
# on) and the previous generation's key stays behind it (records it sealed still open, and are
# sealed again with the new key when read). The generation before that is destroyed.

locals {
  generations = var.generation > 1 ? [var.generation, var.generation - 1] : [var.generation]
}

resource "random_bytes" "this" {
  for_each = toset([for g in local.generations : tostring(g)])

  length = 32
}

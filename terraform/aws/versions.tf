terraform {
  required_version = ">= 1.9.0"

  required_providers {
    aws     = { source = "hashicorp/aws", version = "~> 6.28" }
    upstash = { source = "upstash/upstash", version = "~> 2.0" }
    http    = { source = "hashicorp/http", version = "~> 3.4" }
    random  = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

terraform {
  required_version = ">= 1.9.0"

  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.40" }
    upstash = { source = "upstash/upstash", version = "~> 2.0" }
    http    = { source = "hashicorp/http", version = "~> 3.4" }
    random  = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

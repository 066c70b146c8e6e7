package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.deployed.AotPackageCases;

/** The Cloud Functions jar applies Micronaut AOT and keeps every bean of ours. */
class InvokerAotPackageIT extends AotPackageCases {}

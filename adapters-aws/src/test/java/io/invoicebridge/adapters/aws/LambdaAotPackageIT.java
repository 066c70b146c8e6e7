package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.deployed.AotPackageCases;

/** The Lambda deployment package applies Micronaut AOT and keeps every bean of ours. */
class LambdaAotPackageIT extends AotPackageCases {}

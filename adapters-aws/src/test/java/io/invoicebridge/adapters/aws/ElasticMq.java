package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.deployed.ChildProcess;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ, a server made to speak SQS's API (its JSON protocol, redrive policies and dead-letter
 * queues), in the test JVM on a free loopback port, with a client for the test's own calls. Queues
 * are created as {@code terraform/modules/aws-function/batches.tf} creates them.
 */
final class ElasticMq implements AutoCloseable {

  static final String REGION = "ap-northeast-1";
  private static final String ACCOUNT = "123456789012";

  /** A batch queue and its dead-letter queue, as the stack names them. */
  record Queues(String url, String arn, String deadLetterUrl) {}

  private final SQSRestServer server;
  private final int port;
  private final SqsClient sqs;

  private ElasticMq(SQSRestServer server, int port) {
    this.server = server;
    this.port = port;
    this.sqs =
        SqsClient.builder()
            .endpointOverride(URI.create(endpoint()))
            .region(Region.of(REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  static ElasticMq start() {
    int port = ChildProcess.freePort();
    SQSRestServer server =
        SQSRestServerBuilder.withPort(port)
            .withInterface("127.0.0.1")
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .withAWSRegion(REGION)
            .withAWSAccountId(ACCOUNT)
            .start();
    server.waitUntilStarted();
    return new ElasticMq(server, port);
  }

  /** The value of {@code AWS_ENDPOINT_URL_SQS}. */
  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  SqsClient client() {
    return sqs;
  }

  /**
   * {@code <name>-batches} and {@code <name>-batches-dead}, the first with the visibility timeout
   * given and a redrive policy moving a message to the second after {@code maxReceiveCount}
   * receives.
   */
  Queues createBatchQueues(String name, Duration visibilityTimeout, int maxReceiveCount) {
    String dead =
        sqs.createQueue(
                b ->
                    b.queueName(name + "-batches-dead")
                        .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
            .queueUrl();
    String url =
        sqs.createQueue(
                b ->
                    b.queueName(name + "-batches")
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Long.toString(visibilityTimeout.toSeconds()),
                                QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                                "604800",
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\":\""
                                    + arn(dead)
                                    + "\",\"maxReceiveCount\":"
                                    + maxReceiveCount
                                    + "}")))
            .queueUrl();
    return new Queues(url, arn(url), dead);
  }

  private String arn(String queueUrl) {
    return sqs.getQueueAttributes(
            b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes()
        .get(QueueAttributeName.QUEUE_ARN);
  }

  @Override
  public void close() {
    sqs.close();
    server.stopAndWait();
  }
}

package com.europages.loadbce.intake;

import java.lang.reflect.Proxy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;

/**
 * An SqsClient that only answers the queue-URL look-ups aws2-sqs endpoints make when they start, so route tests
 * with mocked SQS endpoints need no server. Any real SQS call fails loudly.
 */
public final class OfflineSqsClient {

    private OfflineSqsClient() {
    }

    public static SqsClient create() {
        return (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(), new Class<?>[] {SqsClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getQueueUrl" -> GetQueueUrlResponse.builder()
                            .queueUrl("http://offline/000000000000/" + ((GetQueueUrlRequest) args[0]).queueName()).build();
                    case "listQueues" -> ListQueuesResponse.builder().build();
                    case "serviceName" -> "sqs";
                    case "close" -> null;
                    case "toString" -> "OfflineSqsClient";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(
                            "route tests mock every SQS endpoint; unexpected call " + method.getName());
                });
    }
}

package com.europages.loadbce.local;

import com.europages.loadbce.intake.S3EventWriter;
import com.europages.loadbce.intake.S3ObjectRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends the AWS-format ObjectCreated notification of a stored object to the local input queue; a failed send is logged, never thrown. */
public final class ObjectCreatedNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectCreatedNotifier.class);
    /** S3Proxy stores a stub object under this reserved name while a multipart upload is open; it is not a user object. */
    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";
    /** The upload waits for the send (so a test or the demo sees the message once the upload returns): keep it bounded. */
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

    private final SqsClient sqs;
    private final String queueUrl;
    private final String prefix;
    private final boolean base64;
    private final Clock clock;
    /** S3's sequencer only has to grow per key; a counter seeded from the clock keeps growing across restarts. */
    private final AtomicLong sequence;

    /** Owns {@code sqs} and closes it on {@link #close()}. */
    public ObjectCreatedNotifier(SqsClient sqs, String queueUrl, String prefix, boolean base64, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.prefix = prefix;
        this.base64 = base64;
        this.clock = clock;
        this.sequence = new AtomicLong(clock.millis() * 1_000_000L);
    }

    /** Resolves the queue URL by name: the queue must exist already. */
    public static ObjectCreatedNotifier toQueue(SqsClient sqs, String queueName, String prefix, boolean base64, Clock clock) {
        String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
        return new ObjectCreatedNotifier(sqs, url, prefix, base64, clock);
    }

    /** True when a created object with this key is announced, as an S3 event notification's prefix filter does. */
    public boolean covers(String key) {
        return key != null && key.startsWith(prefix) && !key.startsWith(MULTIPART_STUB_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    /** Sends one notification for a stored object; the key is given decoded and is URL-encoded in the message. */
    public void objectCreated(String eventName, String bucket, String key, long size, String eTag) {
        S3ObjectRecord object = new S3ObjectRecord(eventName, bucket, key, size, eTag,
                String.format("%016X", sequence.incrementAndGet()));
        String json = S3EventWriter.notification(object, clock.instant());
        String body = base64 ? S3EventWriter.base64(json) : json;
        try {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)
                    .overrideConfiguration(o -> o.apiCallTimeout(SEND_TIMEOUT)));
            LOG.debug("{} notification sent for s3://{}/{}", eventName, bucket, key);
        } catch (RuntimeException e) {
            // as in AWS, a lost notification does not fail the upload; the object is stored and can be re-announced
            LOG.error("Object s3://{}/{} is stored but its {} notification could not be sent to {}: {}",
                    bucket, key, eventName, queueUrl, e.toString());
        }
    }

    @Override
    public void close() {
        sqs.close();
    }
}

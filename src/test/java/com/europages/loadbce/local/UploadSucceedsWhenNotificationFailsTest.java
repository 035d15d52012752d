package com.europages.loadbce.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.EmbeddedServicesFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** As in AWS, an upload whose notification cannot be sent still succeeds; the lost notification is logged as an error with the key. */
class UploadSucceedsWhenNotificationFailsTest {

    @RegisterExtension
    static final EmbeddedServicesFixture local = new EmbeddedServicesFixture();

    @Test
    void putSucceedsAndTheFailedSendIsLoggedWithTheKey() {
        String key = local.stagingPrefix() + "dataflow_europages_20261126_07_1.parquet";
        local.sqs().deleteQueue(b -> b.queueUrl(local.inputQueueUrl()));
        List<LogEvent> events = new CopyOnWriteArrayList<>();
        AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.add(event.toImmutable());
            }
        };
        capture.start();
        Logger notifierLog = (Logger) LogManager.getLogger(ObjectCreatedNotifier.class);
        notifierLog.addAppender(capture);
        try {
            String eTag = local.s3().putObject(b -> b.bucket(local.bucket()).key(key), RequestBody.fromString("kept")).eTag();

            assertThat(eTag).isNotBlank();
        } finally {
            notifierLog.removeAppender(capture);
            capture.stop();
        }
        Path file = local.services().s3().objectPath(local.bucket(), key);
        assertThat(file).hasContent("kept");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getMessage().getFormattedMessage()).contains(key);
        });
    }
}

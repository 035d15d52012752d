package com.europages.loadbce.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3Bucket;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;
import software.amazon.awssdk.eventnotifications.s3.model.UserIdentity;

/**
 * Lets the json data format read S3 notifications into the AWS SDK's S3 event model (s3-event-notifications), whose
 * value classes take their fields through constructors: the decode route names this module in its unmarshal step.
 */
public final class S3EventJsonModule extends SimpleModule {

    public S3EventJsonModule() {
        super("s3-event-notifications");
        setMixInAnnotation(S3EventNotification.class, NotificationMixIn.class);
        setMixInAnnotation(S3EventNotificationRecord.class, RecordMixIn.class);
        setMixInAnnotation(S3.class, S3MixIn.class);
        setMixInAnnotation(S3Bucket.class, BucketMixIn.class);
        setMixInAnnotation(S3Object.class, ObjectMixIn.class);
        setMixInAnnotation(UserIdentity.class, UserIdentityMixIn.class);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class NotificationMixIn {
        @JsonCreator
        NotificationMixIn(@JsonProperty("Records") List<S3EventNotificationRecord> records) {
        }
    }

    /**
     * Only what the record filter reads is taken. eventTime is left out: nothing here uses it, and some S3 emulators
     * write it without a zone, which Instant refuses.
     */
    @JsonIgnoreProperties(ignoreUnknown = true, value = {"eventTime", "userIdentity", "requestParameters",
        "responseElements", "glacierEventData", "lifecycleEventData", "intelligentTieringEventData",
        "replicationEventData"})
    abstract static class RecordMixIn {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class S3MixIn {
        @JsonCreator
        S3MixIn(@JsonProperty("configurationId") String configurationId, @JsonProperty("bucket") S3Bucket bucket,
                @JsonProperty("object") S3Object object, @JsonProperty("s3SchemaVersion") String s3SchemaVersion) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class BucketMixIn {
        @JsonCreator
        BucketMixIn(@JsonProperty("name") String name, @JsonProperty("ownerIdentity") UserIdentity ownerIdentity,
                    @JsonProperty("arn") String arn) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class ObjectMixIn {
        @JsonCreator
        ObjectMixIn(@JsonProperty("key") String key, @JsonProperty("size") Long size, @JsonProperty("eTag") String eTag,
                    @JsonProperty("versionId") String versionId, @JsonProperty("sequencer") String sequencer) {
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class UserIdentityMixIn {
        @JsonCreator
        UserIdentityMixIn(@JsonProperty("principalId") String principalId) {
        }
    }
}

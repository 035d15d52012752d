package com.europages.loadbce.deploy;

/** A stand-in for LocalStack's awslocal: records each call's arguments and answers the look-ups like LocalStack. */
final class StubAwsLocal {

    static final String ACCOUNT = "000000000000";

    /** One file per call in $STUB_LOG, arguments NUL-terminated; prints a queue URL or ARN when asked for one. */
    static final String SCRIPT = """
            #!/bin/bash
            set -eu
            n=$(find "$STUB_LOG" -type f | wc -l)
            printf '%s\\0' "$@" > "$STUB_LOG/call-$(printf %03d "$n")"
            name=""; prev=""
            for a in "$@"; do
              case "$prev" in
                --queue-name) name="$a" ;;
                --queue-url) name="${a##*/}" ;;
              esac
              prev="$a"
            done
            case "$2" in
              get-queue-url) echo "http://localstack:4566/ACCOUNT/$name" ;;
              get-queue-attributes) echo "arn:aws:sqs:$AWS_DEFAULT_REGION:ACCOUNT:$name" ;;
            esac
            """.replace("ACCOUNT", ACCOUNT);

    private StubAwsLocal() {
    }

    static String arn(String region, String queue) {
        return "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + queue;
    }
}

#!/bin/bash
# LocalStack "ready" hook (mounted in /etc/localstack/init/ready.d/): creates what the CloudFormation template
# creates on AWS, so the service runs against LocalStack unchanged: the bucket, the input queue with its DLQ and
# redrive policy, the error queue, and the bucket notification of the staging prefix to the input queue.
# Names come from the compose file's environment; the defaults match application.properties.
set -euo pipefail

# the region of the bucket and queues must be the service's aws.region (the queue ARN carries it)
export AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-eu-central-1}"
BUCKET="${INTAKE_BUCKET:-ep-analytics}"
STAGING_PREFIX="${INTAKE_STAGING_PREFIX:-staging/}"
QUEUE="${SQS_QUEUE_NAME:-ep-analytics-dataflow}"
ERROR_QUEUE="${SQS_ERROR_QUEUE_NAME:-ep-analytics-dataflow-errors}"
DLQ="${QUEUE}-dlq"
MAX_RECEIVE_COUNT="${DLQ_MAX_RECEIVE_COUNT:-3}"

awslocal s3api create-bucket --bucket "$BUCKET" \
    --create-bucket-configuration "LocationConstraint=${AWS_DEFAULT_REGION}" >/dev/null

awslocal sqs create-queue --queue-name "$DLQ" >/dev/null
awslocal sqs create-queue --queue-name "$ERROR_QUEUE" >/dev/null
DLQ_ARN=$(awslocal sqs get-queue-attributes --attribute-names QueueArn \
    --queue-url "$(awslocal sqs get-queue-url --queue-name "$DLQ" --query QueueUrl --output text)" \
    --query Attributes.QueueArn --output text)

# the redrive policy is a JSON string inside the attributes JSON, hence the escaped quotes
awslocal sqs create-queue --queue-name "$QUEUE" --attributes "{
  \"RedrivePolicy\": \"{\\\"deadLetterTargetArn\\\":\\\"${DLQ_ARN}\\\",\\\"maxReceiveCount\\\":\\\"${MAX_RECEIVE_COUNT}\\\"}\"
}" >/dev/null
QUEUE_ARN=$(awslocal sqs get-queue-attributes --attribute-names QueueArn \
    --queue-url "$(awslocal sqs get-queue-url --queue-name "$QUEUE" --query QueueUrl --output text)" \
    --query Attributes.QueueArn --output text)

# like AWS, LocalStack sends an s3:TestEvent to the queue here: the service acknowledges and logs it
awslocal s3api put-bucket-notification-configuration --bucket "$BUCKET" --notification-configuration "{
  \"QueueConfigurations\": [{
    \"QueueArn\": \"${QUEUE_ARN}\",
    \"Events\": [\"s3:ObjectCreated:*\"],
    \"Filter\": {\"Key\": {\"FilterRules\": [{\"Name\": \"prefix\", \"Value\": \"${STAGING_PREFIX}\"}]}}
  }]
}"

echo "load-bce-to-s3: bucket ${BUCKET} (notifying ${STAGING_PREFIX} to ${QUEUE}), queues ${QUEUE}, ${DLQ}, ${ERROR_QUEUE} ready"

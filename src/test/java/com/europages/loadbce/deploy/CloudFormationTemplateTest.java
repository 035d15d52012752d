package com.europages.loadbce.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.config.AppConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS resources of deploy/cloudformation: queues and redrive, the bucket's notification, least-privilege roles. */
class CloudFormationTemplateTest {

    private static final Path TEMPLATE = Path.of("deploy/cloudformation/load-bce-to-s3.yaml");

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void parse() throws Exception {
        template = CloudFormationYaml.read(TEMPLATE);
        resources = map(template.get("Resources"));
    }

    @Test
    void parameterDefaultsAreTheServiceDefaults() {
        AppConfig config = AppConfig.load(Path.of("."), Map.of("APP_PROFILE", "production"), new Properties());
        Map<String, Object> parameters = map(template.get("Parameters"));

        assertThat(defaultOf(parameters, "BucketName")).isEqualTo(config.get("intake.bucket"));
        assertThat(defaultOf(parameters, "StagingPrefix")).isEqualTo(config.get("intake.staging-prefix"));
        assertThat(defaultOf(parameters, "TransformedPrefix")).isEqualTo(config.get("transform.output-prefix"));
        assertThat(defaultOf(parameters, "QueueName")).isEqualTo(config.get("sqs.queue-name"));
        assertThat(defaultOf(parameters, "ErrorQueueName")).isEqualTo(config.get("sqs.error-queue-name"));
        // a queue default shorter than the service's would hand a message to a second consumer mid-file
        assertThat(Integer.parseInt(defaultOf(parameters, "VisibilityTimeoutSeconds")))
                .isGreaterThanOrEqualTo(config.getInt("sqs.visibility-timeout-s"));
    }

    @Test
    void inputQueueRedrivesToItsDeadLetterQueueNamedAfterIt() {
        Map<String, Object> input = properties("InputQueue");
        Map<String, Object> redrive = map(input.get("RedrivePolicy"));

        assertThat(redrive.get("deadLetterTargetArn")).isEqualTo(getAtt("DeadLetterQueue", "Arn"));
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(ref("MaxReceiveCount"));
        assertThat(properties("DeadLetterQueue").get("QueueName")).isEqualTo(Map.of("Fn::Sub", "${QueueName}-dlq"));
        assertThat(input.get("QueueName")).isEqualTo(ref("QueueName"));
        assertThat(properties("ErrorQueue").get("QueueName")).isEqualTo(ref("ErrorQueueName"));
    }

    @Test
    void onlyTheDataFlowBucketMaySendToTheInputQueue() {
        Map<String, Object> policy = properties("InputQueuePolicy");
        assertThat(policy.get("Queues")).isEqualTo(List.of(ref("InputQueue")));
        List<Map<String, Object>> statements = statements(policy.get("PolicyDocument"));

        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.get("Principal")).isEqualTo(Map.of("Service", "s3.amazonaws.com"));
            assertThat(s.get("Action")).isEqualTo("sqs:SendMessage");
            assertThat(s.get("Resource")).isEqualTo(getAtt("InputQueue", "Arn"));
            assertThat(map(map(s.get("Condition")).get("ArnEquals")).get("aws:SourceArn"))
                    .isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${BucketName}"));
        });
    }

    @Test
    void bucketNotifiesCreatedObjectsOfTheStagingPrefixOnly() {
        Map<String, Object> bucket = resources("DataFlowBucket");
        Map<String, Object> props = map(bucket.get("Properties"));
        List<Map<String, Object>> queues = list(map(props.get("NotificationConfiguration")).get("QueueConfigurations"));

        assertThat(props.get("BucketName")).isEqualTo(ref("BucketName"));
        // S3 refuses the notification unless the queue policy exists first
        assertThat(bucket.get("DependsOn")).isEqualTo("InputQueuePolicy");
        assertThat(queues).singleElement().satisfies(q -> {
            assertThat(q.get("Event")).isEqualTo("s3:ObjectCreated:*");
            assertThat(q.get("Queue")).isEqualTo(getAtt("InputQueue", "Arn"));
            List<Map<String, Object>> rules = list(map(map(q.get("Filter")).get("S3Key")).get("Rules"));
            assertThat(rules).containsExactly(Map.of("Name", "prefix", "Value", ref("StagingPrefix")));
        });
    }

    @Test
    void serviceRoleReadsStagingWritesTransformedAndNothingElseInTheBucket() {
        List<Map<String, Object>> grants = roleStatements("ServiceTaskRole");

        assertThat(resourcesOf(grants, "s3:GetObject"))
                .containsExactly(sub("arn:${AWS::Partition}:s3:::${BucketName}/${StagingPrefix}*"));
        assertThat(resourcesOf(grants, "s3:PutObject"))
                .containsExactly(sub("arn:${AWS::Partition}:s3:::${BucketName}/${TransformedPrefix}*"));
        assertThat(resourcesOf(grants, "s3:DeleteObject")).isEmpty();
        Map<String, Object> list = statementWith(grants, "s3:ListBucket");
        assertThat(map(map(list.get("Condition")).get("StringLike")).get("s3:prefix"))
                .isEqualTo(sub("${StagingPrefix}*"));
    }

    @Test
    void serviceRoleConsumesTheInputQueueAndSendsOnlyToItsOwnQueues() {
        List<Map<String, Object>> grants = roleStatements("ServiceTaskRole");
        Object input = getAtt("InputQueue", "Arn");

        for (String action : List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                "sqs:GetQueueUrl", "sqs:GetQueueAttributes")) {
            assertThat(resourcesOf(grants, action)).as(action).contains(input);
        }
        assertThat(resourcesOf(grants, "sqs:ReceiveMessage")).containsExactly(input);
        assertThat(resourcesOf(grants, "sqs:SendMessage"))
                .containsExactlyInAnyOrder(input, getAtt("ErrorQueue", "Arn"));
        assertThat(resourcesOf(grants, "sqs:PurgeQueue")).isEmpty();
    }

    @Test
    void serviceRoleGetsDatabaseCredentialsForTheLoadUserOnly() {
        List<Map<String, Object>> grants = roleStatements("ServiceTaskRole");

        assertThat(resourcesOf(grants, "redshift:GetClusterCredentials")).containsExactlyInAnyOrder(
                sub("arn:${AWS::Partition}:redshift:${AWS::Region}:${AWS::AccountId}:dbuser:"
                        + "${RedshiftClusterIdentifier}/${RedshiftDbUser}"),
                sub("arn:${AWS::Partition}:redshift:${AWS::Region}:${AWS::AccountId}:dbname:"
                        + "${RedshiftClusterIdentifier}/${RedshiftDatabaseName}"));
        assertThat(resourcesOf(grants, "redshift:CreateClusterUser")).isEmpty();
        assertThat(trustedService("ServiceTaskRole")).isEqualTo("ecs-tasks.amazonaws.com");
    }

    @Test
    void spectrumRoleReadsTransformedFilesAndAddsPartitions() {
        List<Map<String, Object>> grants = roleStatements("SpectrumRole");

        assertThat(trustedService("SpectrumRole")).isEqualTo("redshift.amazonaws.com");
        assertThat(resourcesOf(grants, "s3:GetObject"))
                .containsExactly(sub("arn:${AWS::Partition}:s3:::${BucketName}/${TransformedPrefix}*"));
        assertThat(resourcesOf(grants, "s3:PutObject")).isEmpty();
        assertThat(resourcesOf(grants, "glue:BatchCreatePartition")).contains(
                sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:table/${GlueDatabaseName}/*"));
        assertThat(resourcesOf(grants, "glue:GetTable")).isNotEmpty();
    }

    @Test
    void noPolicyUsesAWildcardActionOrResourceOrANegation() {
        List<Map<String, Object>> all = new ArrayList<>();
        collectStatements(template, all);
        // the statements of the queue policy, the two trust policies and the five inline policies: none missed
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);

        for (Map<String, Object> s : all) {
            assertThat(s).doesNotContainKeys("NotAction", "NotResource", "NotPrincipal");
            assertThat(actions(s)).as("statement %s", s.get("Sid")).isNotEmpty().allSatisfy(
                    a -> assertThat(a).doesNotContain("*"));
            if (s.containsKey("Resource")) {
                assertThat(asList(s.get("Resource"))).as("statement %s", s.get("Sid")).doesNotContain("*");
            }
        }
    }

    // --- template navigation ---------------------------------------------------------------------------

    private static Map<String, Object> resources(String logicalId) {
        assertThat(resources).as("resources").containsKey(logicalId);
        return map(resources.get(logicalId));
    }

    private static Map<String, Object> properties(String logicalId) {
        return map(resources(logicalId).get("Properties"));
    }

    private static String defaultOf(Map<String, Object> parameters, String name) {
        return String.valueOf(map(parameters.get(name)).get("Default"));
    }

    private static List<Map<String, Object>> roleStatements(String logicalId) {
        assertThat(resources(logicalId).get("Type")).isEqualTo("AWS::IAM::Role");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> policy : list(properties(logicalId).get("Policies"))) {
            out.addAll(statements(policy.get("PolicyDocument")));
        }
        assertThat(out).allSatisfy(s -> assertThat(s.get("Effect")).isEqualTo("Allow"));
        return out;
    }

    private static String trustedService(String logicalId) {
        List<Map<String, Object>> trust = statements(properties(logicalId).get("AssumeRolePolicyDocument"));
        assertThat(trust).singleElement().satisfies(s -> assertThat(s.get("Action")).isEqualTo("sts:AssumeRole"));
        return (String) map(trust.get(0).get("Principal")).get("Service");
    }

    private static List<Object> resourcesOf(List<Map<String, Object>> statements, String action) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> s : statements) {
            if (actions(s).contains(action)) {
                out.addAll(asList(s.get("Resource")));
            }
        }
        return out;
    }

    private static Map<String, Object> statementWith(List<Map<String, Object>> statements, String action) {
        return statements.stream().filter(s -> actions(s).contains(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement grants " + action));
    }

    private static List<String> actions(Map<String, Object> statement) {
        return asList(statement.get("Action")).stream().map(String::valueOf).toList();
    }

    /** Every Statement entry anywhere in the template. */
    @SuppressWarnings("unchecked")
    private static void collectStatements(Object node, List<Map<String, Object>> out) {
        if (node instanceof Map<?, ?> m) {
            Object statement = m.get("Statement");
            if (statement != null) {
                out.addAll(list(statement));
            }
            m.values().forEach(v -> collectStatements(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectStatements(v, out));
        }
    }

    private static List<Map<String, Object>> statements(Object policyDocument) {
        return list(map(policyDocument).get("Statement"));
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    private static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Map<String, Object>>) o;
    }

    private static List<Object> asList(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : o == null ? List.of() : List.of(o);
    }
}

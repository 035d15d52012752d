package com.europages.loadbce.rehearsal;

import com.europages.loadbce.deploy.CloudFormationYaml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's CloudFormation stack created on an emulator with the AWS CLI, then the bucket notification the
 * template declares applied through the S3 API (moto creates the bucket but does not apply its
 * NotificationConfiguration from a template).
 */
final class RehearsalStack {

    static final Path TEMPLATE = Path.of("deploy/cloudformation/load-bce-to-s3.yaml");
    private static final long CREATE_TIMEOUT_MS = 60_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> template;
    private final Map<String, String> parameters;
    private final Map<String, String> outputs;

    private RehearsalStack(Map<String, Object> template, Map<String, String> parameters, Map<String, String> outputs) {
        this.template = template;
        this.parameters = parameters;
        this.outputs = outputs;
    }

    /** Creates the stack with the given parameters (the others keep their defaults) and waits for CREATE_COMPLETE. */
    static RehearsalStack create(AwsCli aws, String name, Map<String, String> given) throws Exception {
        Map<String, Object> template = CloudFormationYaml.read(TEMPLATE);
        List<String> args = new ArrayList<>(List.of("cloudformation", "create-stack", "--stack-name", name,
                "--template-body", "file://" + TEMPLATE.toAbsolutePath(), "--capabilities", "CAPABILITY_NAMED_IAM",
                "--parameters"));
        given.forEach((k, v) -> args.add("ParameterKey=" + k + ",ParameterValue=" + v));
        aws.run(args.toArray(String[]::new));
        long deadline = System.currentTimeMillis() + CREATE_TIMEOUT_MS;
        JsonNode stack;
        while (true) {
            stack = aws.json("cloudformation", "describe-stacks", "--stack-name", name).get("Stacks").get(0);
            String status = stack.get("StackStatus").asText();
            if (status.equals("CREATE_COMPLETE")) {
                break;
            }
            if (!status.endsWith("_IN_PROGRESS") || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("stack " + name + " is " + status + ": " + stack);
            }
            Thread.sleep(500);
        }
        Map<String, String> parameters = new HashMap<>();
        map(template.get("Parameters")).forEach((k, v) -> {
            Object d = map(v).get("Default");
            if (d != null) {
                parameters.put(k, d.toString());
            }
        });
        parameters.putAll(given);
        Map<String, String> outputs = new HashMap<>();
        stack.get("Outputs").forEach(o -> outputs.put(o.get("OutputKey").asText(), o.get("OutputValue").asText()));
        return new RehearsalStack(template, parameters, outputs);
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** Applies the bucket's NotificationConfiguration of the template through put-bucket-notification-configuration. */
    void applyBucketNotification(AwsCli aws) throws Exception {
        Map<String, Object> bucket = map(map(template.get("Resources")).get("DataFlowBucket"));
        Map<String, Object> notification = map(map(bucket.get("Properties")).get("NotificationConfiguration"));
        ArrayNode queues = JSON.createArrayNode();
        for (Object q : (List<?>) notification.get("QueueConfigurations")) {
            Map<String, Object> queue = map(q);
            ObjectNode out = queues.addObject();
            out.put("QueueArn", resolve(queue.get("Queue")));
            out.putArray("Events").add(resolve(queue.get("Event")));
            ArrayNode rules = out.putObject("Filter").putObject("Key").putArray("FilterRules");
            for (Object r : (List<?>) map(map(queue.get("Filter")).get("S3Key")).get("Rules")) {
                rules.addObject().put("Name", resolve(map(r).get("Name"))).put("Value", resolve(map(r).get("Value")));
            }
        }
        ObjectNode config = JSON.createObjectNode();
        config.set("QueueConfigurations", queues);
        aws.run("s3api", "put-bucket-notification-configuration", "--bucket",
                resolve(map(bucket.get("Properties")).get("BucketName")), "--notification-configuration", config.toString());
    }

    /** A literal, a Ref to a parameter, or a GetAtt that one of the stack's outputs exposes. */
    private String resolve(Object value) {
        if (value instanceof String s) {
            return s;
        }
        Map<String, Object> fn = map(value);
        if (fn.containsKey("Ref")) {
            return require(parameters.get((String) fn.get("Ref")), value);
        }
        if (fn.containsKey("Fn::GetAtt")) {
            Map<String, Object> templateOutputs = new LinkedHashMap<>(map(template.get("Outputs")));
            for (Map.Entry<String, Object> o : templateOutputs.entrySet()) {
                if (value.equals(map(o.getValue()).get("Value"))) {
                    return require(outputs.get(o.getKey()), value);
                }
            }
        }
        throw new IllegalStateException("cannot resolve " + value + " from the stack's parameters or outputs");
    }

    private static String require(String resolved, Object value) {
        if (resolved == null) {
            throw new IllegalStateException("no value for " + value);
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}

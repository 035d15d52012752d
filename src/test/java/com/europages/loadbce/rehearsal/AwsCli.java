package com.europages.loadbce.rehearsal;

import com.europages.loadbce.tools.ExternalCommand;
import com.europages.loadbce.tools.ExternalCommand.Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The real AWS CLI pointed at an emulator's endpoint, with its own config file (region, multipart threshold). */
final class AwsCli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final Map<String, String> env = new HashMap<>();

    /** @param multipartThreshold objects at least this large are uploaded by {@code aws s3 cp} in parts, e.g. "64KB" */
    AwsCli(String endpoint, String region, Path dir, String multipartThreshold) throws IOException {
        this.endpoint = endpoint;
        Path config = Files.writeString(dir.resolve("aws-config"), "[default]\nregion = " + region
                + "\ns3 =\n  multipart_threshold = " + multipartThreshold + "\n  multipart_chunksize = 5MB\n");
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_ACCESS_KEY_ID", "rehearsal");
        env.put("AWS_SECRET_ACCESS_KEY", "rehearsal");
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_PAGER", "");
    }

    /** Runs {@code aws <args>}; a non-zero exit fails with the CLI's own message. */
    String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
        cmd.addAll(List.of(args));
        Result r = ExternalCommand.run(cmd, env, 120);
        if (r.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited " + r.exitCode() + ": " + r.output().trim());
        }
        return r.output();
    }

    JsonNode json(String... args) throws IOException, InterruptedException {
        String out = run(args);
        return out.isBlank() ? JSON.createObjectNode() : JSON.readTree(out);
    }
}

package com.europages.loadbce.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.europages.loadbce.config.AppConfig;
import com.europages.loadbce.deploy.DockerfileInstructions.Instruction;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The Dockerfile, checked by reading it (no Docker engine here): what it copies, who it runs as, what it runs. */
class DockerfileTest {

    private static DockerfileInstructions dockerfile;
    private static int runtime;
    private static String workdir;
    private static Document pom;

    @BeforeAll
    static void read() throws Exception {
        dockerfile = DockerfileInstructions.read(Path.of("Dockerfile"));
        runtime = dockerfile.lastStage();
        workdir = dockerfile.lastInStage(runtime, "WORKDIR").arguments();
        pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    @Test
    void everyPathCopiedFromTheProjectExistsAndIsNotDockerIgnored() throws Exception {
        List<String> ignored = dockerIgnorePatterns();
        List<String> sources = new ArrayList<>();
        for (Instruction copy : dockerfile.all()) {
            if (copy.keyword().equals("COPY") && copy.flag("from") == null) {
                List<String> words = copy.words();
                sources.addAll(words.subList(0, words.size() - 1));
            }
        }

        assertThat(sources).contains("pom.xml", "src", "routes/", "application.properties");
        assertThat(sources).allSatisfy(source -> {
            assertThat(Path.of(source)).as("copied from the project").exists();
            assertThat(ignored).as(".dockerignore patterns excluding " + source)
                    .noneMatch(pattern -> excludes(pattern, source));
        });
    }

    @Test
    void copiesFromTheBuildStageExactlyTheJarAndLibFolderThePomProduces() throws Exception {
        int build = stageNamed("build");
        String buildDir = dockerfile.lastInStage(build, "WORKDIR").arguments() + "/";
        Map<String, String> copied = new LinkedHashMap<>();
        for (Instruction copy : dockerfile.inStage(runtime, "COPY")) {
            if ("build".equals(copy.flag("from"))) {
                List<String> words = copy.words();
                assertThat(words).hasSize(2);
                assertThat(words.get(0)).startsWith(buildDir);
                copied.put(words.get(0).substring(buildDir.length()), words.get(1));
            }
        }

        assertThat(copied.keySet()).containsExactlyInAnyOrder("target/" + jarName(), pomDependencyFolder());
        assertThat(dockerfile.lastInStage(build, "RUN").arguments()).contains("mvn ").contains(" package");
    }

    @Test
    void libFolderLandsWhereTheJarManifestClassPathLooksForIt() throws Exception {
        String classpathPrefix = xpath("//plugin[artifactId='maven-jar-plugin']//classpathPrefix");
        Map<String, String> destinations = new LinkedHashMap<>();
        for (Instruction copy : dockerfile.inStage(runtime, "COPY")) {
            List<String> words = copy.words();
            destinations.put(words.get(0), resolve(words.get(words.size() - 1)));
        }

        assertThat(destinations.get(dockerfile.lastInStage(stageNamed("build"), "WORKDIR").arguments() + "/"
                + pomDependencyFolder())).isEqualTo(resolve(classpathPrefix));
        assertThat(destinations).containsValue(workdir + "/");
    }

    @Test
    void theImageRunsAsANonRootUser() {
        String user = DockerfileInstructions.expand(dockerfile.lastInStage(runtime, "USER").arguments(),
                dockerfile.variables(runtime));
        String name = user.split(":")[0];

        assertThat(name).isNotBlank().doesNotContain("$").isNotIn("root", "0");
        // a numeric uid lets an orchestrator check runAsNonRoot without reading /etc/passwd
        assertThat(name).matches("\\d+");
    }

    @Test
    void entrypointRunsTheJarInExecFormAndServesByDefault() throws Exception {
        List<String> entrypoint = json(dockerfile.lastInStage(runtime, "ENTRYPOINT").arguments());
        List<String> cmd = json(dockerfile.lastInStage(runtime, "CMD").arguments());

        // exec form: java is PID 1 and gets the SIGTERM that stops the service gracefully
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).containsSubsequence("-jar", jarName());
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo(jarName());
        assertThat(cmd).containsExactly("serve");
    }

    @Test
    void productionIsTheDefaultProfileAndItsConfigurationSitsBesideTheJar() {
        Map<String, String> env = dockerfile.variables(runtime);
        List<String> copiedToWorkdir = new ArrayList<>();
        for (Instruction copy : dockerfile.inStage(runtime, "COPY")) {
            List<String> words = copy.words();
            if (copy.flag("from") == null) {
                String destination = resolve(words.get(words.size() - 1));
                for (String source : words.subList(0, words.size() - 1)) {
                    copiedToWorkdir.add(source.endsWith("/") ? destination : destination.replaceAll("/$", "") + "/" + source);
                }
            }
        }
        AppConfig config = AppConfig.load(Path.of("."), Map.of(), new Properties());

        assertThat(env).containsEntry("APP_PROFILE", "production").containsEntry("APP_CONFIG_DIR", workdir);
        assertThat(copiedToWorkdir).contains(workdir + "/application.properties",
                workdir + "/application-production.properties",
                workdir + "/" + config.get("app.routes-dir") + "/");
    }

    @Test
    void healthcheckCallsLivenessOnTheManagementPortTheServiceListensOn() throws Exception {
        String portVariable = AppConfig.envName("camel.management.port");
        Map<String, String> env = dockerfile.variables(runtime);
        String healthcheck = dockerfile.lastInStage(runtime, "HEALTHCHECK").arguments();
        Properties properties = new Properties();
        try (var r = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            properties.load(r);
        }

        assertThat(healthcheck).contains("CMD curl ")
                .contains("http://127.0.0.1:${" + portVariable + "}/observe/health/live");
        assertThat(env).containsEntry(portVariable, properties.getProperty("camel.management.port"));
        assertThat(dockerfile.lastInStage(runtime, "EXPOSE").arguments()).isEqualTo(env.get(portVariable));
        // curl ships with the Ubuntu flavour of the Temurin image, not with the Alpine one
        assertThat(dockerfile.lastInStage(runtime, "FROM").arguments())
                .startsWith("eclipse-temurin:17-jre").doesNotContain("alpine");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static int stageNamed(String name) {
        return dockerfile.all().stream()
                .filter(i -> i.keyword().equals("FROM") && i.arguments().matches("(?i).*\\sAS\\s+" + name))
                .findFirst().orElseThrow(() -> new AssertionError("no stage " + name)).stage();
    }

    private static String resolve(String destination) {
        String d = destination.startsWith("./") ? destination.substring(2) : destination;
        if (d.equals(".")) {
            d = "";
        }
        return d.startsWith("/") ? d : workdir + "/" + d;
    }

    private static String jarName() throws Exception {
        assertThat(xpath("/project/packaging")).isEqualTo("jar");
        return xpath("/project/build/finalName") + ".jar";
    }

    /** Where maven-dependency-plugin copies the runtime libraries, relative to the project. */
    private static String pomDependencyFolder() throws Exception {
        String folder = xpath("//plugin[artifactId='maven-dependency-plugin']//outputDirectory");
        assertThat(folder).startsWith("${project.build.directory}/");
        return "target/" + folder.substring("${project.build.directory}/".length()) + "/";
    }

    private static String xpath(String expression) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(expression, pom).trim();
    }

    private static List<String> json(String array) throws Exception {
        return new ObjectMapper().readValue(array, new TypeReference<List<String>>() { });
    }

    private static List<String> dockerIgnorePatterns() throws Exception {
        return Files.readAllLines(Path.of(".dockerignore"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Docker's rule, enough for this project: a pattern excludes the path it matches and everything below it. */
    private static boolean excludes(String pattern, String source) {
        String p = pattern.replaceAll("^/+|/+$", "");
        Path path = Path.of(source.replaceAll("/+$", ""));
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + p);
        for (Path prefix = path; prefix != null; prefix = prefix.getParent()) {
            if (matcher.matches(prefix)) {
                return true;
            }
        }
        return false;
    }
}

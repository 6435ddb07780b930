package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vidcut.standalone.deploy.DeployFiles.mapAt;
import static org.vidcut.standalone.deploy.DeployFiles.stringAt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.vidcut.support.secrets.StartupSecrets;

/** docker-compose.yml and .env.example against each other, the Dockerfile and the applications. */
class DockerComposeTest {

    private static final Set<String> WAITING_CONDITIONS = Set.of("service_healthy", "service_completed_successfully");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+)(h|ms|m|s)");

    private static Map<String, String> envExample;
    private static ComposeFile compose;
    private static List<ServiceModule> modules;

    @BeforeAll
    static void load() {
        envExample = DeployFiles.envFile(DeployFiles.root().resolve(".env.example"));
        compose = ComposeFile.load(envExample);
        modules = ServiceModule.all();
    }

    @Test
    void everyDependencyWaitsForHealthOrCompletionOfAServiceThatCanReportIt() {
        List<String> problems = new ArrayList<>();
        compose.services().forEach((name, definition) -> {
            Object dependsOn = DeployFiles.map(definition, name).get("depends_on");
            if (dependsOn == null) {
                return;
            }
            if (!(dependsOn instanceof Map<?, ?> dependencies)) {
                problems.add(name + ": depends_on as a list only waits for the container to start");
                return;
            }
            dependencies.forEach((dependency, settings) -> {
                String condition = settings instanceof Map<?, ?> map ? String.valueOf(map.get("condition")) : "";
                Map<String, Object> target = compose.service(dependency.toString());
                if (target.isEmpty()) {
                    problems.add(name + ": depends on unknown service " + dependency);
                } else if (!WAITING_CONDITIONS.contains(condition)) {
                    problems.add(name + " -> " + dependency + ": condition " + condition);
                } else if (condition.equals("service_healthy") && target.get("healthcheck") == null) {
                    problems.add(name + " -> " + dependency + ": waits for health, but it has no healthcheck");
                } else if (condition.equals("service_completed_successfully")
                        && !"no".equals(String.valueOf(target.getOrDefault("restart", "no")))) {
                    problems.add(name + " -> " + dependency + ": waits for completion of a restarting service");
                }
            });
        });
        assertThat(problems).isEmpty();
        assertThat(compose.services()).containsKeys("mongo", "rabbitmq", "minio");
    }

    @Test
    void infrastructureHealthchecksUseTheServersOwnTools() {
        assertThat(healthcheck("mongo")).contains("mongosh").anyMatch(part -> part.contains("ping"));
        assertThat(healthcheck("rabbitmq")).containsSubsequence("rabbitmq-diagnostics", "-q", "ping");
        assertThat(healthcheck("minio")).isNotEmpty();
        assertThat(compose.service("rabbitmq").get("image").toString()).contains("management");
        assertThat(compose.service("rabbitmq").get("ports").toString()).contains("15672:15672");
        assertThat(compose.service("minio").get("command").toString()).contains("--console-address");
    }

    @Test
    void serviceVariablesBindToConfigurationPropertiesOfTheirApplication() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            String service = composeServiceBuilding(module);
            problems.addAll(new ConfigurationCatalog(module)
                    .problems(compose.environment(service), "docker-compose.yml " + service));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRequiredVariableHasAnEntryInEnvExampleAndEveryEntryIsUsed() {
        Set<String> required = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (ComposeFile.Reference reference : compose.references()) {
            used.add(reference.variable());
            if (reference.required()) {
                required.add(reference.variable());
            }
        }
        assertThat(required).isNotEmpty();
        assertThat(envExample.keySet()).containsAll(required);
        assertThat(used).containsAll(envExample.keySet());
    }

    @Test
    void aMissingRequiredVariableStopsTheInterpolation() {
        Map<String, String> withoutJwtSecret = new HashMap<>(envExample);
        withoutJwtSecret.remove("VIDCUT_AUTH_JWT_SECRET");
        assertThatThrownBy(() -> ComposeFile.load(withoutJwtSecret)).hasMessageContaining("VIDCUT_AUTH_JWT_SECRET");
    }

    @Test
    void secretsInEnvExampleArePlaceholdersThatPassTheServersFormatChecks() {
        envExample.forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|SECRET).*")) {
                assertThat(value).as(key).contains("change-me");
            }
        });
        // HS256 needs a 256-bit key; MinIO refuses root passwords under 8 characters
        assertThat(envExample.get("VIDCUT_AUTH_JWT_SECRET").getBytes(StandardCharsets.UTF_8))
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(envExample.get("MINIO_ROOT_PASSWORD")).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void theBrokerAndTheConsolesAreReachableFromThisMachineOnly() {
        for (String service : List.of("rabbitmq", "minio")) {
            for (Object port : DeployFiles.listAt(compose.service(service), "ports")) {
                // clients follow presigned links to MinIO's S3 API, so that one port stays public
                if (!"9000:9000".equals(port.toString())) {
                    assertThat(port.toString()).as(service).startsWith("127.0.0.1:");
                }
            }
        }
    }

    @Test
    void theApiPublishesItsServerPortButNotItsManagementPort() {
        ServiceModule api = ServiceModule.named("api-service");
        String service = composeServiceBuilding(api);
        int managementPort = api.managementPort(compose.environment(service));
        assertThat(managementPort).isNotEqualTo(api.serverPort(compose.environment(service)));
        assertThat(DeployFiles.listAt(compose.service(service), "ports"))
                .extracting(Object::toString)
                .noneMatch(port -> port.endsWith(":" + managementPort) || port.equals(String.valueOf(managementPort)));
    }

    @Test
    void theServicesMinioAccountMayUseItsBucketOnly() {
        String init = compose.service("bucket-init").get("command").toString();
        assertThat(init).doesNotContain("readwrite").contains("policy attach local vidcut-app");
        assertThat(init).contains("arn:aws:s3:::$BUCKET\"]").contains("arn:aws:s3:::$BUCKET/*\"]");
    }

    @Test
    void theServicesRefuseToStartWithThePlaceholdersOfEnvExample() throws ClassNotFoundException {
        for (ServiceModule module : modules) {
            String service = composeServiceBuilding(module);
            Class<?> check = StartupSecrets.class;
            Map<String, Object> environment = new HashMap<>(compose.environment(service));
            new ApplicationContextRunner()
                    .withInitializer(context -> context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new SystemEnvironmentPropertySource("compose", environment)))
                    .withBean(check)
                    .run(context ->
                            assertThat(context).as(service).getFailure().hasStackTraceContaining("placeholder"));
        }
    }

    @Test
    void servicesBuildTheirDockerTargetFromTheRepositoryRootUnderTheirImageNames() {
        for (ServiceModule module : modules) {
            Map<String, Object> service = compose.service(composeServiceBuilding(module));
            assertThat(stringAt(service, "build.context")).isEqualTo(".");
            assertThat(stringAt(service, "build.args.MODULE"))
                    .as("the module the build stage packages is the target's")
                    .isEqualTo(module.name());
            assertThat(service.get("image")).as(module.name()).isEqualTo(module.image());
        }
    }

    @Test
    void publishedPortsReachTheApplicationsServerPort() {
        ServiceModule api = ServiceModule.named("api-service");
        String service = composeServiceBuilding(api);
        int serverPort = api.serverPort(compose.environment(service));
        assertThat(DeployFiles.listAt(compose.service(service), "ports"))
                .extracting(Object::toString)
                .as("the API answers on localhost:8080 like the standalone run")
                .contains("8080:" + serverPort);
    }

    @Test
    void workersRunInSeveralReplicasAndMayFinishTheirJobWhenStopped() {
        ServiceModule workerModule = ServiceModule.named("converter-worker");
        String service = composeServiceBuilding(workerModule);
        Map<String, Object> worker = compose.service(service);
        assertThat((Integer) DeployFiles.at(worker, "deploy.replicas")).isGreaterThanOrEqualTo(2);
        assertThat(worker.get("ports"))
                .as("replicas cannot share a published port")
                .isNull();
        assertThat(worker.get("container_name"))
                .as("replicas cannot share a container name")
                .isNull();

        WorkerShutdown shutdown = WorkerShutdown.of(workerModule, compose.environment(service));
        assertThat(goDuration(String.valueOf(worker.get("stop_grace_period"))))
                .as("stop_grace_period lets the worker hand back its job before docker kills it")
                .isGreaterThanOrEqualTo(shutdown.exitWithin());
    }

    @Test
    void namedVolumesAreDeclared() {
        Set<String> declared = mapAt(compose.document(), "volumes").keySet();
        compose.services().forEach((name, definition) -> {
            for (Object volume : DeployFiles.listAt(DeployFiles.map(definition, name), "volumes")) {
                String source = volume.toString().split(":")[0];
                if (!source.startsWith("/") && !source.startsWith(".")) {
                    assertThat(declared).as(name + " volume " + source).contains(source);
                }
            }
        });
        assertThat(declared).isNotEmpty();
    }

    private static List<String> healthcheck(String service) {
        return DeployFiles.listAt(compose.service(service), "healthcheck.test").stream()
                .map(Object::toString)
                .toList();
    }

    private static String composeServiceBuilding(ServiceModule module) {
        String dockerfile = DeployFiles.root()
                .relativize(module.dockerfile().path())
                .toString()
                .replace('\\', '/');
        return compose.services().entrySet().stream()
                .filter(entry -> {
                    Map<String, Object> service = DeployFiles.map(entry.getValue(), entry.getKey());
                    return dockerfile.equals(stringAt(service, "build.dockerfile"))
                            && module.name().equals(stringAt(service, "build.target"));
                })
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no compose service builds target " + module.name() + " of " + dockerfile));
    }

    static Duration goDuration(String text) {
        Matcher matcher = GO_DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                throw new IllegalArgumentException("not a duration: " + text);
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(
                    switch (matcher.group(2)) {
                        case "h" -> Duration.ofHours(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        default -> Duration.ofMillis(amount);
                    });
            end = matcher.end();
        }
        if (end != text.length() || end == 0) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }
}

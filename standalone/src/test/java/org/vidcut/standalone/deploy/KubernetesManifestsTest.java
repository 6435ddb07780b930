package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.vidcut.standalone.deploy.DeployFiles.kindAndName;
import static org.vidcut.standalone.deploy.DeployFiles.listAt;
import static org.vidcut.standalone.deploy.DeployFiles.map;
import static org.vidcut.standalone.deploy.DeployFiles.mapAt;
import static org.vidcut.standalone.deploy.DeployFiles.mapsAt;
import static org.vidcut.standalone.deploy.DeployFiles.stringAt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.DurationStyle;
import org.vidcut.contracts.Topology;
import org.vidcut.support.secrets.StartupSecrets;

/** The k8s/ manifests against each other and against the applications they run. */
class KubernetesManifestsTest {

    private static final String WORKER = "converter-worker";
    private static final Set<String> AUTOSCALER_KINDS = Set.of("ScaledObject", "HorizontalPodAutoscaler");

    private static List<ServiceModule> modules;
    private static Kustomization example;

    /** A container that runs one of the images the repository builds. */
    record ServiceContainer(
            ServiceModule module, String workload, Map<String, Object> podTemplate, Map<String, Object> container) {

        Map<String, String> environment(Kustomization rendering, List<String> missing) {
            return rendering.environment(container, missing);
        }

        int containerPort(Object port) {
            if (port instanceof Integer number) {
                return number;
            }
            return mapsAt(container, "ports").stream()
                    .filter(declared -> Objects.equals(declared.get("name"), port))
                    .map(declared -> (Integer) declared.get("containerPort"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(workload + ": no container port named " + port));
        }
    }

    @BeforeAll
    static void loadExample() {
        modules = ServiceModule.all();
        example = Kustomization.load(Kustomization.k8s().resolve("overlays/example"));
    }

    @Test
    void everyManifestIsYamlWithApiVersionKindAndName() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Kustomization.k8s())) {
            files = walk.filter(path -> path.toString().matches(".*\\.ya?ml$")).toList();
        }
        assertThat(files).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (Object document : DeployFiles.yamlDocuments(file)) {
                Map<String, Object> object = map(document, file.toString());
                if (object.get("apiVersion") == null || object.get("kind") == null) {
                    problems.add(file + ": a document without apiVersion or kind");
                } else if (!file.getFileName().toString().equals("kustomization.yaml")
                        && stringAt(object, "metadata.name") == null) {
                    problems.add(file + ": " + object.get("kind") + " without metadata.name");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKustomizationListsOnlyExistingFilesAndEveryManifestIsListed() throws IOException {
        List<Path> directories = Kustomization.directories();
        assertThat(directories)
                .extracting(
                        dir -> Kustomization.k8s().relativize(dir).toString().replace('\\', '/'))
                .contains("base", "overlays/example");
        Set<Path> used = new HashSet<>();
        for (Path directory : directories) {
            Kustomization kustomization = Kustomization.load(directory);
            assertThat(kustomization.documents()).as(directory.toString()).isNotEmpty();
            used.addAll(kustomization.files());
        }
        try (Stream<Path> walk = Files.walk(Kustomization.k8s())) {
            assertThat(walk.filter(path -> path.toString().matches(".*\\.ya?ml$")))
                    .as("manifests no kustomization lists are never applied")
                    .allMatch(used::contains);
        }
    }

    @Test
    void kubectlKustomizeRendersTheSameObjects(@TempDir Path scratch) {
        assumeThat(Kustomization.kubectlInstalled()).as("kubectl is installed").isTrue();
        int i = 0;
        for (Path directory : Kustomization.directories()) {
            if (!"Kustomization"
                    .equals(Kustomization.kustomizationFile(directory).get("kind"))) {
                continue;
            }
            Kustomization ours = Kustomization.load(directory);
            List<Map<String, Object>> kubectl =
                    ours.renderWithKubectl(scratch.resolve(String.valueOf(i++)), UnaryOperator.identity());
            assertThat(identities(kubectl)).as(directory.toString()).isEqualTo(identities(ours.documents()));
        }
    }

    @Test
    void swappingTheKedaComponentForTheHpaComponentGivesACpuAutoscalerOnTheWorker(@TempDir Path scratch) {
        assumeThat(Kustomization.kubectlInstalled()).as("kubectl is installed").isTrue();
        assertThat(listAt(Kustomization.kustomizationFile(example.directory()), "components"))
                .contains("../../components/keda-autoscaling");
        List<Map<String, Object>> rendered = example.renderWithKubectl(
                scratch, text -> text.replace("components/keda-autoscaling", "components/hpa-autoscaling"));
        assertThat(rendered).noneMatch(document -> "ScaledObject".equals(document.get("kind")));
        Map<String, Object> hpa = rendered.stream()
                .filter(document -> "HorizontalPodAutoscaler".equals(document.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler"));
        assertThat(stringAt(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
        assertThat(stringAt(hpa, "spec.scaleTargetRef.name")).isEqualTo(WORKER);
        assertThat(rendered).anyMatch(document -> kindAndName(document).equals("Deployment/" + WORKER));
    }

    @Test
    void everyAutoscalerTargetsAnExistingDeploymentAndNoneShareOne() {
        Kustomization base = Kustomization.load(Kustomization.k8s().resolve("base"));
        for (Path directory : Kustomization.directories()) {
            Kustomization rendering = Kustomization.load(directory);
            Set<String> targets = new HashSet<>();
            for (Map<String, Object> autoscaler : rendering.documents()) {
                if (!AUTOSCALER_KINDS.contains(autoscaler.get("kind"))) {
                    continue;
                }
                String target = stringAt(autoscaler, "spec.scaleTargetRef.kind") + "/"
                        + stringAt(autoscaler, "spec.scaleTargetRef.name");
                assertThat(targets.add(target))
                        .as(directory + ": two autoscalers drive " + target)
                        .isTrue();
                boolean component = "Component"
                        .equals(Kustomization.kustomizationFile(directory).get("kind"));
                Kustomization withTarget = component ? base : rendering;
                assertThat(withTarget.podTemplates())
                        .as(directory + ": target of " + kindAndName(autoscaler))
                        .containsKey(target);
            }
        }
    }

    /** Jobs are acknowledged when they start, so the queue shows only waiting ones: running ones count too. */
    @Test
    void kedaScalesOnWaitingPlusRunningJobs() {
        Map<String, Object> scaledObject = example.ofKind("ScaledObject").get(0);
        List<Map<String, Object>> triggers = mapsAt(scaledObject, "spec.triggers");
        Map<String, Object> running = triggers.stream()
                .filter(t -> "prometheus".equals(t.get("type")))
                .findFirst()
                .orElseThrow();
        assertThat(stringAt(running, "metadata.query")).contains("vidcut_jobs_in_progress");
        var waiting = triggers.stream()
                .filter(t -> "rabbitmq".equals(t.get("type")))
                .findFirst()
                .orElseThrow();

        assertThat(stringAt(scaledObject, "spec.advanced.scalingModifiers.formula"))
                .contains(waiting.get("name").toString())
                .contains(running.get("name").toString())
                .contains("+");
    }

    @Test
    void kedaScalesTheWorkerOnTheJobsQueueWithCredentialsFromTheSecret() {
        List<Map<String, Object>> scaledObjects = example.ofKind("ScaledObject");
        assertThat(scaledObjects).hasSize(1);
        Map<String, Object> scaledObject = scaledObjects.get(0);
        String target = stringAt(scaledObject, "spec.scaleTargetRef.name");
        assertThat(workerContainer().workload()).isEqualTo("Deployment/" + target);

        List<Map<String, Object>> triggers = mapsAt(scaledObject, "spec.triggers");
        assertThat(triggers).extracting(t -> t.get("type")).containsExactlyInAnyOrder("rabbitmq", "prometheus");
        Map<String, Object> trigger = triggers.stream()
                .filter(t -> "rabbitmq".equals(t.get("type")))
                .findFirst()
                .orElseThrow();
        assertThat(stringAt(trigger, "metadata.queueName")).isEqualTo(Topology.JOBS_QUEUE);
        assertThat(stringAt(trigger, "metadata.mode")).isEqualTo("QueueLength");
        assertThat(Double.parseDouble(stringAt(trigger, "metadata.value"))).isPositive();
        Map<String, String> workerEnvironment = workerContainer().environment(example, new ArrayList<>());
        assertThat(stringAt(trigger, "metadata.vhostName"))
                .as("KEDA watches the vhost the worker consumes from")
                .isEqualTo(workerEnvironment.getOrDefault("SPRING_RABBITMQ_VIRTUAL_HOST", "/"));
        assertThat(scaledObject.get("spec"))
                .satisfies(spec -> assertThat(map(spec, "spec")).containsKeys("minReplicaCount", "maxReplicaCount"));

        String authentication = stringAt(trigger, "authenticationRef.name");
        Map<String, Object> triggerAuthentication = example.named("TriggerAuthentication", authentication);
        assertThat(triggerAuthentication)
                .as("TriggerAuthentication " + authentication)
                .isNotNull();
        List<Map<String, Object>> secretTargets = mapsAt(triggerAuthentication, "spec.secretTargetRef");
        assertThat(secretTargets).extracting(ref -> ref.get("parameter")).contains("host");
        for (Map<String, Object> ref : secretTargets) {
            Map<String, String> secret = example.keys("Secret", ref.get("name").toString());
            assertThat(secret)
                    .as("Secret " + ref.get("name"))
                    .isNotNull()
                    .containsKey(ref.get("key").toString());
            if ("host".equals(ref.get("parameter")) && "http".equals(stringAt(trigger, "metadata.protocol"))) {
                assertThat(secret.get(ref.get("key").toString())).startsWith("http");
            }
        }
    }

    @Test
    void probesAndScrapingUseTheActuatorOnTheApplicationsManagementPort() {
        assertThat(serviceContainers()).extracting(c -> c.module().name()).containsAll(moduleNames());
        for (ServiceContainer service : serviceContainers()) {
            Map<String, String> environment = service.environment(example, new ArrayList<>());
            int serverPort = service.module().managementPort(environment);
            String where = service.workload();
            assertThat(mapsAt(service.container(), "ports"))
                    .as(where + " container ports")
                    .extracting(port -> port.get("containerPort"))
                    .contains(service.module().serverPort(environment), serverPort);
            Map<String, String> expectedPaths = Map.of(
                    "startupProbe", "/actuator/health/liveness",
                    "livenessProbe", "/actuator/health/liveness",
                    "readinessProbe", "/actuator/health/readiness");
            expectedPaths.forEach((probe, path) -> {
                Map<String, Object> httpGet = mapAt(service.container(), probe + ".httpGet");
                assertThat(httpGet).as(where + " " + probe + ".httpGet").isNotEmpty();
                assertThat(httpGet.get("path"))
                        .as(where + " " + probe + " path")
                        .isEqualTo(path);
                assertThat(service.containerPort(httpGet.get("port")))
                        .as(where + " " + probe + " port")
                        .isEqualTo(serverPort);
            });
            String health = environment.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED");
            assertThat(health)
                    .as(where + ": the liveness/readiness groups exist outside k8s auto-detection too")
                    .isEqualTo("true");
            Map<String, Object> annotations = mapAt(service.podTemplate(), "metadata.annotations");
            if (annotations.containsKey("prometheus.io/port")) {
                assertThat(annotations.get("prometheus.io/port")).isEqualTo(String.valueOf(serverPort));
            }
        }
    }

    @Test
    void noServiceExposesTheApisManagementPort() {
        ServiceModule api = ServiceModule.named("api-service");
        ServiceContainer container = serviceContainers().stream()
                .filter(service -> service.module().name().equals(api.name()))
                .findFirst()
                .orElseThrow();
        int managementPort = api.managementPort(container.environment(example, new ArrayList<>()));
        assertThat(managementPort).isNotEqualTo(api.serverPort(container.environment(example, new ArrayList<>())));
        for (Map<String, Object> service : example.ofKind("Service")) {
            for (Map<String, Object> port : mapsAt(service, "spec.ports")) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                boolean selectsApi =
                        Objects.equals(mapAt(service, "spec.selector").get("app.kubernetes.io/name"), "api-service");
                if (selectsApi) {
                    assertThat(container.containerPort(target))
                            .as(kindAndName(service) + " port " + target)
                            .isNotEqualTo(managementPort);
                }
            }
        }
    }

    @Test
    void theServicesRefuseToStartWithThePlaceholdersOfTheExampleSecrets() throws ClassNotFoundException {
        for (ServiceContainer service : serviceContainers()) {
            Class<?> check = StartupSecrets.class;
            Map<String, Object> environment = new java.util.HashMap<>(service.environment(example, new ArrayList<>()));
            new org.springframework.boot.test.context.runner.ApplicationContextRunner()
                    .withInitializer(context -> context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                                    "k8s", environment)))
                    .withBean(check)
                    .run(context -> assertThat(context)
                            .as(service.workload())
                            .getFailure()
                            .hasStackTraceContaining("placeholder"));
        }
    }

    @Test
    void workerEgressReachesOnlyTheObjectStoreTheBrokerAndDns() {
        List<Map<String, Object>> policies = example.ofKind("NetworkPolicy").stream()
                .filter(policy -> Objects.equals(
                        mapAt(policy, "spec.podSelector.matchLabels").get("app.kubernetes.io/name"), WORKER))
                .toList();
        assertThat(policies).as("a NetworkPolicy selects the worker pods").hasSize(1);
        Map<String, Object> policy = policies.get(0);
        assertThat(listAt(policy, "spec.policyTypes")).contains("Egress");
        Set<String> reached = new TreeSet<>();
        for (Map<String, Object> rule : mapsAt(policy, "spec.egress")) {
            List<Map<String, Object>> peers = mapsAt(rule, "to");
            assertThat(peers)
                    .as("an egress rule without `to` would allow every destination")
                    .isNotEmpty();
            for (Map<String, Object> peer : peers) {
                assertThat(peer)
                        .as("no ipBlock in the example: it could open the internet")
                        .doesNotContainKey("ipBlock");
                Map<String, Object> labels = mapAt(peer, "podSelector.matchLabels");
                Object name = labels.getOrDefault("app.kubernetes.io/name", labels.get("k8s-app"));
                for (Map<String, Object> port : mapsAt(rule, "ports")) {
                    reached.add(name + ":" + port.get("port"));
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder("minio:9000", "rabbitmq:5672", "kube-dns:53");
        // the pods the rules select exist in the example and listen on those ports
        for (String target : List.of("minio:9000", "rabbitmq:5672")) {
            String[] nameAndPort = target.split(":");
            assertThat(example.podTemplates().values())
                    .as(target)
                    .anyMatch(pod ->
                            nameAndPort[0].equals(mapAt(pod, "metadata.labels").get("app.kubernetes.io/name"))
                                    && mapsAt(pod, "spec.containers").stream()
                                            .flatMap(container -> mapsAt(container, "ports").stream())
                                            .anyMatch(port -> Integer.valueOf(nameAndPort[1])
                                                    .equals(port.get("containerPort"))));
        }
    }

    @Test
    void serviceContainersDeclareResourceRequestsAndLimitsAndRunAsNonRoot() {
        for (ServiceContainer service : serviceContainers()) {
            Map<String, Object> resources = mapAt(service.container(), "resources");
            assertThat(mapAt(resources, "requests")).as(service.workload()).containsKeys("cpu", "memory");
            assertThat(mapAt(resources, "limits")).as(service.workload()).containsKeys("memory");
            assertThat(DeployFiles.at(service.podTemplate(), "spec.securityContext.runAsNonRoot"))
                    .as(service.workload())
                    .isEqualTo(true);
        }
    }

    @Test
    void stoppingWorkersFinishJobsUpToTheDocumentedInputLengthBeforeTheKubeletKillsThem() {
        ServiceContainer worker = workerContainer();
        Map<String, Object> deployment =
                example.named("Deployment", worker.workload().split("/")[1]);
        Object drained = mapAt(deployment, "metadata.annotations").get(WorkerShutdown.ANNOTATION);
        assertThat(drained).as("annotation " + WorkerShutdown.ANNOTATION).isNotNull();
        WorkerShutdown shutdown = WorkerShutdown.of(worker.module(), worker.environment(example, new ArrayList<>()));
        Duration budget = shutdown.jobTimeout(Long.parseLong(drained.toString()));

        assertThat(shutdown.gracePeriod())
                .as("vidcut.worker.shutdown-grace-period covers a job of %s s of input (%s)", drained, budget)
                .isGreaterThanOrEqualTo(budget);
        assertThat(shutdown.shutdownPhase())
                .as("Spring's shutdown phase outlasts the listener container's wait")
                .isGreaterThanOrEqualTo(shutdown.gracePeriod().plus(WorkerShutdown.containerMargin()));
        Duration preStop = preStopSleep(worker.container());
        long grace = ((Number) DeployFiles.at(worker.podTemplate(), "spec.terminationGracePeriodSeconds")).longValue();
        assertThat(Duration.ofSeconds(grace))
                .as("terminationGracePeriodSeconds >= preStop %s + worker exit %s", preStop, shutdown.exitWithin())
                .isGreaterThanOrEqualTo(shutdown.exitWithin().plus(preStop));
    }

    @Test
    void everyServiceFinishesSpringsShutdownPhaseBeforeTheKubeletKillsIt() {
        for (ServiceContainer service : serviceContainers()) {
            Map<String, String> environment = service.environment(example, new ArrayList<>());
            String phase = environment.getOrDefault(
                    "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE",
                    service.module().defaults().getProperty("spring.lifecycle.timeout-per-shutdown-phase", "30s"));
            Duration needed = DurationStyle.detectAndParse(phase.strip()).plus(preStopSleep(service.container()));
            Object grace = DeployFiles.at(service.podTemplate(), "spec.terminationGracePeriodSeconds");
            long seconds = grace == null ? 30 : ((Number) grace).longValue();
            assertThat(Duration.ofSeconds(seconds))
                    .as("%s: terminationGracePeriodSeconds >= preStop + shutdown phase", service.workload())
                    .isGreaterThan(needed);
        }
    }

    @Test
    void containerImagesAreTheImagesTheDockerfileBuilds() {
        Set<String> built =
                new TreeSet<>(modules.stream().map(ServiceModule::image).toList());
        Set<String> used = new TreeSet<>();
        for (Map<String, Object> template : example.podTemplates().values()) {
            for (Map<String, Object> container : mapsAt(template, "spec.containers")) {
                String image = container.get("image").toString();
                if (image.startsWith("vidcut/")) {
                    used.add(image);
                }
            }
        }
        assertThat(used).isEqualTo(built);
    }

    @Test
    void everyReferencedConfigMapAndSecretKeyExists() {
        List<String> missing = new ArrayList<>();
        for (Map<String, Object> template : example.podTemplates().values()) {
            for (Map<String, Object> container : mapsAt(template, "spec.containers")) {
                example.environment(container, missing);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(example.ofKind("Secret")).isNotEmpty();
    }

    @Test
    void servicesAndDisruptionBudgetsSelectPodsAndTheirPorts() {
        List<Map<String, Object>> selectors = new ArrayList<>();
        selectors.addAll(example.ofKind("Service"));
        selectors.addAll(example.ofKind("PodDisruptionBudget"));
        assertThat(example.ofKind("PodDisruptionBudget")).isNotEmpty();
        for (Map<String, Object> object : selectors) {
            Map<String, Object> selector = "Service".equals(object.get("kind"))
                    ? mapAt(object, "spec.selector")
                    : mapAt(object, "spec.selector.matchLabels");
            assertThat(selector).as(kindAndName(object) + " selector").isNotEmpty();
            List<Map<String, Object>> pods = example.podTemplates().values().stream()
                    .filter(template ->
                            mapAt(template, "metadata.labels").entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(pods).as(kindAndName(object) + " selects pods").isNotEmpty();
            if ("Service".equals(object.get("kind"))) {
                for (Map<String, Object> port : mapsAt(object, "spec.ports")) {
                    Object targetPort = port.getOrDefault("targetPort", port.get("port"));
                    assertThat(pods)
                            .as(kindAndName(object) + " targetPort " + targetPort)
                            .anyMatch(pod -> mapsAt(pod, "spec.containers").stream()
                                    .flatMap(container -> mapsAt(container, "ports").stream())
                                    .anyMatch(declared -> targetPort.equals(declared.get("name"))
                                            || targetPort.equals(declared.get("containerPort"))));
                }
            }
        }
    }

    @Test
    void configMapAndSecretValuesAreStrings() {
        List<String> problems = new ArrayList<>();
        for (Path directory : Kustomization.directories()) {
            for (Map<String, Object> document : Kustomization.load(directory).documents()) {
                if (!List.of("ConfigMap", "Secret").contains(document.get("kind"))) {
                    continue;
                }
                for (String field : List.of("data", "stringData")) {
                    mapAt(document, field).forEach((key, value) -> {
                        if (!(value instanceof String)) {
                            problems.add(kindAndName(document) + " " + key + " is " + value + " (YAML "
                                    + (value == null ? "null" : value.getClass().getSimpleName()) + "): quote it");
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void serviceContainerVariablesBindToConfigurationPropertiesOfTheirApplication() {
        List<String> problems = new ArrayList<>();
        for (ServiceContainer service : serviceContainers()) {
            Map<String, String> environment = service.environment(example, problems);
            problems.addAll(new ConfigurationCatalog(service.module()).problems(environment, service.workload()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void noSecretValuesAreCommittedOnlyGeneratedFromGitIgnoredEnvFiles() throws IOException {
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(Kustomization.k8s())) {
            manifests =
                    walk.filter(path -> path.toString().matches(".*\\.ya?ml$")).toList();
        }
        for (Path file : manifests) {
            for (Object document : DeployFiles.yamlDocuments(file)) {
                assertThat(map(document, file.toString()).get("kind"))
                        .as(file + " (secrets come from a secretGenerator env file)")
                        .isNotEqualTo("Secret");
            }
        }
        for (Path directory : Kustomization.directories()) {
            for (Map<String, Object> generator :
                    mapsAt(Kustomization.kustomizationFile(directory), "secretGenerator")) {
                for (Object envFile : listAt(generator, "envs")) {
                    Path ignore = directory.resolve(".gitignore");
                    assertThat(ignore).as(directory + " ignores " + envFile).exists();
                    assertThat(Files.readAllLines(ignore)).contains(envFile.toString());
                    assertThat(directory.resolve(envFile + ".example")).exists();
                }
            }
        }
    }

    @Test
    void secretTemplateHoldsConsistentPlaceholdersTheServersAccept() {
        Map<String, String> secret = example.keys("Secret", "vidcut-secrets");
        assertThat(secret).isNotNull();
        secret.forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|SECRET|URI).*")) {
                assertThat(value).as(key).contains("change-me");
            }
        });
        assertThat(secret.get("VIDCUT_AUTH_JWT_SECRET").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(secret.get("MINIO_ROOT_PASSWORD")).hasSizeGreaterThanOrEqualTo(8);
        // the example's in-cluster servers are created with these accounts, which the URIs must repeat
        assertThat(secret.get("SPRING_MONGODB_URI"))
                .startsWith("mongodb://" + secret.get("MONGO_ROOT_USERNAME") + ":" + secret.get("MONGO_ROOT_PASSWORD")
                        + "@");
        assertThat(secret.get("RABBITMQ_MANAGEMENT_URI"))
                .startsWith("http://" + secret.get("SPRING_RABBITMQ_USERNAME") + ":"
                        + secret.get("SPRING_RABBITMQ_PASSWORD") + "@");
    }

    private static Set<String> identities(List<Map<String, Object>> documents) {
        Set<String> identities = new TreeSet<>();
        for (Map<String, Object> document : documents) {
            identities.add(kindAndName(document) + "@" + stringAt(document, "metadata.namespace"));
        }
        return identities;
    }

    private static List<String> moduleNames() {
        return modules.stream().map(ServiceModule::name).toList();
    }

    private static List<ServiceContainer> serviceContainers() {
        List<ServiceContainer> containers = new ArrayList<>();
        example.podTemplates().forEach((workload, template) -> {
            for (Map<String, Object> container : mapsAt(template, "spec.containers")) {
                for (ServiceModule module : modules) {
                    if (module.image().equals(container.get("image"))) {
                        containers.add(new ServiceContainer(module, workload, template, container));
                    }
                }
            }
        });
        return containers;
    }

    private static ServiceContainer workerContainer() {
        List<ServiceContainer> workers = serviceContainers().stream()
                .filter(container -> container.module().name().equals(WORKER))
                .toList();
        assertThat(workers).as("workloads running the worker image").hasSize(1);
        return workers.get(0);
    }

    private static Duration preStopSleep(Map<String, Object> container) {
        List<Object> command = listAt(container, "lifecycle.preStop.exec.command");
        if (command.size() == 2 && "sleep".equals(command.get(0))) {
            return Duration.ofSeconds(Long.parseLong(command.get(1).toString()));
        }
        Object seconds = DeployFiles.at(container, "lifecycle.preStop.sleep.seconds");
        return seconds == null ? Duration.ZERO : Duration.ofSeconds(((Number) seconds).longValue());
    }
}

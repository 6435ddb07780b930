package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dockerfile's image of each service against the Maven build, the applications and .dockerignore. */
class DockerImagesTest {

    private static final Pattern LAYER_COPY = Pattern.compile("--from=\\S+\\s+/extracted/([^/\\s]+)/");
    private static final Pattern LAYER_INDEX = Pattern.compile("^- \"([^\"]+)\":$", Pattern.MULTILINE);

    private static List<ServiceModule> modules;

    @BeforeAll
    static void load() {
        modules = ServiceModule.all();
    }

    @Test
    void bothServicesHaveATargetStageInTheOneDockerfile() {
        assertThat(modules)
                .extracting(ServiceModule::name)
                .containsExactlyInAnyOrder("api-service", "converter-worker");
    }

    @Test
    void buildStageCopiesThePomOfEveryReactorModule() {
        for (ServiceModule module : modules) {
            List<String> copies = module.dockerfile().all("COPY").stream()
                    .filter(copy -> copy.stage() == 0)
                    .map(Dockerfile.Instruction::arguments)
                    .toList();
            for (String reactorModule : DeployFiles.reactorModules()) {
                assertThat(copies)
                        .as(module.name() + ": Maven reads the whole reactor, so it needs " + reactorModule
                                + "/pom.xml")
                        .contains(reactorModule + "/pom.xml " + reactorModule + "/");
            }
            assertThat(copies)
                    .contains("mvnw pom.xml ./", ".mvn .mvn", module.name() + "/src " + module.name() + "/src");
        }
    }

    @Test
    void buildStagePackagesTheModuleWithTheWrapperOnJdk17AndExtractsTheExecJarsLayers() {
        for (ServiceModule module : modules) {
            Dockerfile dockerfile = module.dockerfile();
            assertThat(dockerfile.all("FROM").get(0).arguments()).startsWith("eclipse-temurin:17-jdk");
            List<String> runs = dockerfile.all("RUN").stream()
                    .filter(run -> run.stage() == 0)
                    .map(Dockerfile.Instruction::arguments)
                    .toList();
            assertThat(runs)
                    .anyMatch(run -> run.contains("./mvnw")
                            && run.contains("-pl " + module.name() + " ")
                            && run.contains(" -am ")
                            && run.contains("package"));
            assertThat(runs)
                    .anyMatch(run -> run.contains("-Djarmode=tools")
                            && run.contains(module.name() + "/target/" + module.name() + "-*-exec.jar")
                            && run.contains("extract --layers --launcher"));
            assertThat(DeployFiles.read(
                            DeployFiles.root().resolve(module.name()).resolve("pom.xml")))
                    .as("the exec classifier the Dockerfile extracts")
                    .contains("<classifier>exec</classifier>");
        }
    }

    @Test
    void runtimeStageCopiesEveryLayerOfTheBuiltJarInItsOrder() throws IOException {
        for (ServiceModule module : modules) {
            List<String> copied = new ArrayList<>();
            for (Dockerfile.Instruction copy : module.dockerfile().runtime("COPY")) {
                Matcher matcher = LAYER_COPY.matcher(copy.arguments());
                if (matcher.find()) {
                    copied.add(matcher.group(1));
                }
            }
            Path jar = execJar(module);
            assumeThat(jar).as("an exec jar of " + module.name() + " was built").isNotNull();
            assertThat(copied).as(module.name()).isEqualTo(layers(jar));
        }
    }

    @Test
    void runtimeIsAJre17RunningTheLauncherAsANonRootUserWithHeapSizedByTheContainer() {
        for (ServiceModule module : modules) {
            Dockerfile dockerfile = module.dockerfile();
            assertThat(dockerfile.runtimeBaseImage()).isEqualTo("eclipse-temurin:17-jre");
            List<Dockerfile.Instruction> users = dockerfile.runtime("USER");
            assertThat(users).as(module.name() + " USER").isNotEmpty();
            String user = users.get(users.size() - 1).arguments().split(":")[0];
            assertThat(user).isNotIn("root", "0");
            String entrypoint = dockerfile.runtime("ENTRYPOINT").get(0).arguments();
            assertThat(entrypoint).startsWith("[").contains("org.springframework.boot.loader.launch.JarLauncher");
            String javaOptions = dockerfile.runtimeEnv().getOrDefault("JAVA_TOOL_OPTIONS", "") + entrypoint;
            assertThat(javaOptions).contains("-XX:MaxRAMPercentage=75");
        }
    }

    @Test
    void exposedPortIsTheServerPortAndHealthcheckTheManagementPort() {
        for (ServiceModule module : modules) {
            int port = module.defaultServerPort();
            Dockerfile dockerfile = module.dockerfile();
            assertThat(dockerfile.runtime("EXPOSE"))
                    .extracting(Dockerfile.Instruction::arguments)
                    .containsExactly(String.valueOf(port));
            for (Dockerfile.Instruction healthcheck : dockerfile.runtime("HEALTHCHECK")) {
                assertThat(healthcheck.arguments())
                        .contains("${" + module.managementPortVariable() + ":-" + module.defaultManagementPort() + "}")
                        .contains("/actuator/health/liveness");
            }
        }
    }

    @Test
    void imageVariablesBindToConfigurationPropertiesOfTheApplication() {
        List<String> problems = new ArrayList<>();
        for (ServiceModule module : modules) {
            problems.addAll(new ConfigurationCatalog(module)
                    .problems(module.dockerfile().runtimeEnv(), "Dockerfile target " + module.name()));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void imagesOfApplicationsThatRunFfmpegOrFfprobeInstallFfmpeg() {
        for (ServiceModule module : modules) {
            boolean runsFfmpeg = new ConfigurationCatalog(module)
                    .applicationProperties().stream()
                            .anyMatch(property -> property.name().matches(".*\\.ff(mpeg|probe)-path"));
            boolean installsFfmpeg = module.dockerfile().runtime("RUN").stream()
                    .map(Dockerfile.Instruction::arguments)
                    .anyMatch(run -> run.contains("apt-get install") && run.matches(".*\\bffmpeg\\b.*"));
            assertThat(installsFfmpeg)
                    .as(module.name() + " installs ffmpeg/ffprobe")
                    .isEqualTo(runsFfmpeg);
        }
        assertThat(modules)
                .as("at least the worker runs ffmpeg")
                .anyMatch(module -> module.name().equals("converter-worker"));
    }

    @Test
    void workerImageKeepsItsWorkDirInAVolume() {
        Dockerfile worker = ServiceModule.named("converter-worker").dockerfile();
        String workDir = worker.runtimeEnv().get("VIDCUT_WORKER_WORK_DIR");
        assertThat(workDir).isNotBlank();
        assertThat(worker.runtime("VOLUME"))
                .extracting(Dockerfile.Instruction::arguments)
                .anyMatch(volume -> volume.contains("\"" + workDir + "\"") || volume.equals(workDir));
    }

    @Test
    void imageTagIsTheProjectVersionWithoutSnapshot() {
        String version = DeployFiles.projectVersion().replace("-SNAPSHOT", "");
        for (ServiceModule module : modules) {
            assertThat(module.image()).isEqualTo("vidcut/" + module.name() + ":" + version);
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputAndSecretsOutButNotWhatTheBuildCopies() {
        List<String> patterns = DeployFiles.read(DeployFiles.root().resolve(".dockerignore"))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(ignored(patterns, "api-service/target/app.jar")).isTrue();
        assertThat(ignored(patterns, ".env")).isTrue();
        assertThat(ignored(patterns, ".git/config")).isTrue();
        for (ServiceModule module : modules) {
            for (Dockerfile.Instruction copy : module.dockerfile().all("COPY")) {
                if (copy.arguments().startsWith("--from")) {
                    continue;
                }
                String[] parts = copy.arguments().split("\\s+");
                for (int i = 0; i < parts.length - 1; i++) {
                    Path source = DeployFiles.root().resolve(parts[i]);
                    assertThat(source).as(module.name() + " COPY " + parts[i]).exists();
                    assertThat(ignored(patterns, parts[i]))
                            .as(parts[i] + " is sent to the build")
                            .isFalse();
                }
            }
        }
    }

    /** Whether a path of the build context is left out: .dockerignore patterns match it or a parent of it. */
    private static boolean ignored(List<String> patterns, String relativePath) {
        boolean ignored = false;
        for (String pattern : patterns) {
            boolean exclude = !pattern.startsWith("!");
            String glob = (exclude ? pattern : pattern.substring(1)).replaceAll("/$", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Path path = Path.of(relativePath);
            for (int i = 1; i <= path.getNameCount(); i++) {
                if (matcher.matches(path.subpath(0, i))) {
                    ignored = exclude;
                    break;
                }
            }
        }
        return ignored;
    }

    private static Path execJar(ServiceModule module) throws IOException {
        Path target = DeployFiles.root().resolve(module.name()).resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(module.name() + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static List<String> layers(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry index = file.getEntry("BOOT-INF/layers.idx");
            assertThat(index).as(jar + " has a layer index").isNotNull();
            try (InputStream in = file.getInputStream(index)) {
                Matcher matcher = LAYER_INDEX.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                List<String> layers = new ArrayList<>();
                while (matcher.find()) {
                    layers.add(matcher.group(1));
                }
                return layers;
            }
        }
    }
}

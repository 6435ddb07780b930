package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/** scripts/check-deploy.sh runs the checks its tools allow, fails on a broken file, and says what it skipped. */
class CheckDeployScriptTest {

    /** What the script itself needs besides the checking tools. */
    private static final List<String> BASIC_COMMANDS =
            List.of("bash", "cp", "sed", "grep", "mktemp", "rm", "mkdir", "tail", "basename", "uname", "dirname");

    @TempDir
    Path dir;

    @Test
    void passesOnTheRepositoryRunningEveryCheckItsToolsAllow() throws Exception {
        Result result = run(Map.of());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(" 0 failed");
        assertThat(result.output().lines().filter(line -> !line.startsWith(" ")))
                .allMatch(line -> line.matches("(PASS|SKIP)  .*|\\d+ passed, 0 failed, \\d+ skipped"));
        if (onPath("kubectl") || onPath("kustomize")) {
            assertThat(result.output())
                    .contains("PASS  kustomize: k8s/overlays/example")
                    .contains("PASS  kustomize: k8s/overlays/check-hpa")
                    .contains("PASS  kustomize: k8s/overlays/check-prometheus-operator");
        }
        if (onPath("promtool")) {
            assertThat(result.output()).contains("PASS  promtool: monitoring/prometheus/alerts.yml");
        }
    }

    @Test
    void failsWhenAnOverlayDoesNotRender() throws Exception {
        assumeTrue(onPath("kubectl") || onPath("kustomize"), "kubectl or kustomize is installed");
        Path copy = copyOfTheDeploymentFiles();
        Files.writeString(
                copy.resolve("k8s/overlays/example/kustomization.yaml"),
                "\npatches:\n  - path: no-such-patch.yaml\n",
                StandardOpenOption.APPEND);

        Result result = run(Map.of(), "--root", copy.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("FAIL  kustomize: k8s/overlays/example")
                .contains("no-such-patch.yaml");
    }

    @Test
    void skipsTheChecksWhoseToolsAreMissingAndFailsOnlyWhenAllAreRequired() throws Exception {
        String basicPath = basicCommandsOnly().toString();

        Result lenient = run(Map.of("PATH", basicPath));
        Result strict = run(Map.of("PATH", basicPath), "--require-all");

        assertThat(lenient.exitCode()).as(lenient.output()).isZero();
        assertThat(lenient.output())
                .contains("SKIP  compose")
                .contains("SKIP  kustomize")
                .contains("SKIP  kubeconform")
                .contains("SKIP  promtool")
                .contains("0 passed, 0 failed, 5 skipped");
        assertThat(strict.exitCode()).isEqualTo(1);
    }

    private Path copyOfTheDeploymentFiles() throws IOException {
        Path copy = dir.resolve("checkout");
        Path root = DeployFiles.root();
        for (String entry : List.of("k8s", "monitoring", "docker-compose.yml", ".env.example")) {
            FileSystemUtils.copyRecursively(root.resolve(entry), copy.resolve(entry));
        }
        Files.deleteIfExists(copy.resolve("k8s/overlays/example/secrets.env"));
        return copy;
    }

    /** A directory of links to the basic commands, to stand for a PATH without any checking tool. */
    private Path basicCommandsOnly() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String command : BASIC_COMMANDS) {
            Path target = which(command);
            assumeTrue(target != null, command + " is installed");
            Files.createSymbolicLink(bin.resolve(command), target);
        }
        return bin;
    }

    private record Result(int exitCode, String output) {}

    private Result run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash", DeployFiles.root().resolve("scripts/check-deploy.sh").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String command) {
        return which(command) != null;
    }

    private static Path which(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return Path.of(directory, command);
            }
        }
        return null;
    }
}

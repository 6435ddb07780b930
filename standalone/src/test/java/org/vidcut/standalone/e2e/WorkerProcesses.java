package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vidcut.standalone.Standalone;
import org.vidcut.standalone.StandaloneSettings;

/** converter-worker processes started from the module's runnable jar, as production runs them. */
final class WorkerProcesses implements AutoCloseable {

    private final Path dir;
    private final Path jar;
    private final List<Process> running = new ArrayList<>();

    WorkerProcesses(Path dir) throws IOException {
        this.dir = dir;
        this.jar = workerJar();
    }

    /**
     * Starts worker {@code n} against the system's storage and {@code amqp}; {@code extraArguments} are Spring
     * arguments such as {@code --vidcut.worker.ffmpeg-path=…}.
     */
    Process start(Standalone system, StandaloneSettings.AmqpEndpoint amqp, String id, List<String> extraArguments)
            throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.rabbitmq.host=" + amqp.host(),
                "--spring.rabbitmq.port=" + amqp.port(),
                "--spring.rabbitmq.username=" + amqp.username(),
                "--spring.rabbitmq.password=" + amqp.password(),
                "--spring.rabbitmq.virtual-host=" + amqp.virtualHost(),
                "--vidcut.storage.endpoint=" + system.storageEndpoint(),
                "--vidcut.storage.access-key=" + system.secrets().storageAccessKey(),
                "--vidcut.storage.secret-key=" + system.secrets().storageSecretKey(),
                "--vidcut.worker.id=" + id,
                "--vidcut.worker.concurrency=1",
                "--vidcut.worker.heartbeat-interval=1s",
                "--vidcut.worker.work-dir=" + dir.resolve("work-" + id)));
        command.addAll(extraArguments);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("worker-" + id + ".log").toFile())
                .start();
        running.add(process);
        return process;
    }

    /** SIGKILLs every worker started so far. @return how many were killed */
    int killAll() throws InterruptedException {
        int killed = 0;
        for (var victim : running) {
            victim.destroyForcibly().waitFor();
            killed++;
        }
        running.clear();
        return killed;
    }

    @Override
    public void close() {
        running.forEach(Process::destroyForcibly);
    }

    /**
     * A script that runs the real ffmpeg reading its input at real-time speed ({@code -readrate 1}), so a
     * conversion lasts about as long as its output, and logs every conversion run to {@code log}.
     */
    static Path realTimeFfmpeg(Path dir, Path log) throws IOException {
        var script = dir.resolve("realtime-ffmpeg");
        Files.writeString(
                script,
                "#!/bin/sh\ncase \"$*\" in *-version*) exec ffmpeg \"$@\";; esac\n" + "echo \"$*\" >> '" + log
                        + "'\nexec ffmpeg -readrate 1 \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.createFile(log);
        return script;
    }

    private static Path workerJar() throws IOException {
        var target =
                Path.of("..", "converter-worker", "target").toAbsolutePath().normalize();
        assumeThat(Files.isDirectory(target)).as("converter-worker is built").isTrue();
        try (Stream<Path> files = Files.list(target)) {
            var jar = files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst();
            assumeThat(jar).as("converter-worker's runnable jar (mvn package)").isPresent();
            return jar.get();
        }
    }
}

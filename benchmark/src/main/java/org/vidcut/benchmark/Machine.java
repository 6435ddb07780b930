package org.vidcut.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on, and how busy the machine was. */
record Machine(String cpu, int cores, String memory, String java, String ffmpeg) {

    static Machine describe() {
        return new Machine(
                firstValue(Path.of("/proc/cpuinfo"), "model name"),
                Runtime.getRuntime().availableProcessors(),
                firstValue(Path.of("/proc/meminfo"), "MemTotal"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Processes.run(List.of("ffmpeg", "-version"), Duration.ofSeconds(10))
                        .output()
                        .lines()
                        .findFirst()
                        .orElse("?"));
    }

    /** The 1/5/15-minute load averages and the other build or test JVMs running now (Maven, Surefire). */
    static String busyness() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            load = "?";
        }
        long self = ProcessHandle.current().pid();
        long builds = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .map(p -> p.info().commandLine().orElse("").toLowerCase(Locale.ROOT))
                .filter(c -> c.contains("plexus-classworlds") || c.contains("surefire"))
                .count();
        return "load average " + load + "; other Maven/Surefire JVMs running: " + builds;
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}

package org.vidcut.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The benchmark's {@code --name=value} options (scripts/benchmark.sh, docs/benchmark.md), defaults included. */
record Settings(
        Path jar,
        Path workDir,
        Path mediaCache,
        int keyframeRuns,
        int encodeRuns,
        int uploadRuns,
        int loadThreads,
        int loadConnections,
        Duration loadDuration,
        int warmupSeconds,
        Duration startTimeout,
        boolean jfr,
        Set<String> rows,
        Map<String, String> environment) {

    static final String ALL_ROWS = "keyframe,encode,smart,upload,direct-upload,webhook,events,status,etag";

    static Settings parse(String... args) {
        var values = new LinkedHashMap<String, String>();
        for (var arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Settings(
                path(values, "jar", "standalone/target/standalone.jar"),
                path(values, "work-dir", "benchmark/target/run"),
                path(values, "media-cache", "benchmark/target/media"),
                number(values, "keyframe-runs", 5),
                number(values, "encode-runs", 2),
                number(values, "upload-runs", 2),
                number(values, "load-threads", 2),
                number(values, "load-connections", 16),
                Duration.ofSeconds(number(values, "load-seconds", 10)),
                number(values, "warmup-seconds", 20),
                Duration.ofSeconds(number(values, "start-seconds", 180)),
                Boolean.parseBoolean(values.getOrDefault("jfr", "false")),
                Set.of(values.getOrDefault("rows", ALL_ROWS).split(",")),
                environment(values));
    }

    /** The keyframe trim always runs: it warms the JVM up and leaves the finished task the status rows read. */
    boolean selected(Measurement measurement) {
        return measurement instanceof KeyframeTrim || rows.contains(measurement.row());
    }

    private static Path path(Map<String, String> values, String name, String fallback) {
        return Path.of(values.getOrDefault(name, fallback)).toAbsolutePath();
    }

    private static int number(Map<String, String> values, String name, int fallback) {
        return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)));
    }

    /** {@code --env.NAME=VALUE}: extra environment for the standalone jar, for what-if runs (reported). */
    private static Map<String, String> environment(Map<String, String> values) {
        var environment = new LinkedHashMap<String, String>();
        values.forEach((name, value) -> {
            if (name.startsWith("env.")) {
                environment.put(name.substring(4), value);
            }
        });
        return environment;
    }
}

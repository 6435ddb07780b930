package org.vidcut.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Bytes the S3 stand-in sent, counted by the kernel: an iptables rule without a target on OUTPUT matching the
 * stand-in's source port only counts packets (IP and TCP headers included, so a few hundred bytes more than the
 * payload). Needs root; without it the benchmark falls back to ffmpeg's own read statistics.
 */
final class StorageEgress implements AutoCloseable {

    private final List<String> rule;
    private final String comment;

    private StorageEgress(List<String> rule, String comment) {
        this.rule = rule;
        this.comment = comment;
    }

    static Optional<StorageEgress> install(int port) {
        var comment = "vidcut-benchmark-" + port;
        var rule = List.of(
                "OUTPUT", "-p", "tcp", "--sport", Integer.toString(port), "-m", "comment", "--comment", comment);
        try {
            var command = new java.util.ArrayList<>(List.of("iptables", "-I"));
            command.addAll(rule);
            var outcome = Processes.run(command, Duration.ofSeconds(10));
            if (outcome.exitCode() != 0) {
                Console.step(
                        "iptables unavailable (%s): storage egress not counted",
                        outcome.output().strip());
                return Optional.empty();
            }
            var egress = new StorageEgress(rule, comment);
            egress.bytes();
            return Optional.of(egress);
        } catch (RuntimeException e) {
            Console.step("iptables unavailable (%s): storage egress not counted", e.getMessage());
            return Optional.empty();
        }
    }

    long bytes() {
        var out = Processes.check(List.of("iptables", "-L", "OUTPUT", "-v", "-x", "-n"), Duration.ofSeconds(10))
                .output();
        return out.lines()
                .filter(l -> l.contains("/* " + comment + " */"))
                .map(l -> Long.parseLong(l.strip().split("\\s+")[1]))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("counting rule " + comment + " vanished"));
    }

    @Override
    public void close() {
        var command = new java.util.ArrayList<>(List.of("iptables", "-D"));
        command.addAll(rule);
        Processes.run(command, Duration.ofSeconds(10));
    }
}

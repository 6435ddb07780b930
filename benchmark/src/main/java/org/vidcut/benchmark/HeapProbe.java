package org.vidcut.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Heap of the standalone JVM seen from outside with the JDK's own tools: {@code jcmd PID GC.heap_info} for a
 * snapshot, {@code jcmd PID GC.run} for a full collection, and {@code jstat -gc PID 100} sampled while an upload
 * runs to catch the peak.
 */
final class HeapProbe {

    /** G1: {@code garbage-first heap   total 262144K, used 53244K [...]}; other collectors print similar. */
    private static final Pattern HEAP = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

    private final long pid;

    HeapProbe(long pid) {
        this.pid = pid;
    }

    record Heap(long committedBytes, long usedBytes) {}

    Heap snapshot() {
        var out = Processes.check(List.of("jcmd", Long.toString(pid), "GC.heap_info"), Duration.ofSeconds(30))
                .output();
        var m = HEAP.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read GC.heap_info: " + out);
        }
        return new Heap(Long.parseLong(m.group(1)) * 1024, Long.parseLong(m.group(2)) * 1024);
    }

    /** A full collection (System.gc()), so that "used" afterwards is what is really retained. */
    Heap collectAndSnapshot() {
        Processes.check(List.of("jcmd", Long.toString(pid), "GC.run"), Duration.ofSeconds(60));
        return snapshot();
    }

    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    /**
     * Bytes of reachable objects: {@code GC.class_histogram} runs a full collection first, so its total is the live
     * heap at that instant, garbage excluded.
     */
    long liveBytes() {
        var out = Processes.check(List.of("jcmd", Long.toString(pid), "GC.class_histogram"), Duration.ofSeconds(60))
                .output();
        var m = HISTOGRAM_TOTAL.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no Total line in GC.class_histogram: " + Processes.tail(out, 500));
        }
        return Long.parseLong(m.group(1));
    }

    /** Samples the heap every 100 ms until closed, remembering the highest used and committed values. */
    Sampler sample() {
        return new Sampler(pid);
    }

    static final class Sampler implements AutoCloseable {

        private final Process jstat;
        private final Thread reader;
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakCommitted = new AtomicLong();
        private final AtomicLong samples = new AtomicLong();

        private Sampler(long pid) {
            try {
                jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "100")
                        .redirectErrorStream(true)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start jstat", e);
            }
            reader = new Thread(this::read, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /*
         * Columns (KB): S0C S1C S0U S1U EC EU OC OU MC MU ... Heap committed = S0C+S1C+EC+OC, used = S0U+S1U+EU+OU.
         */
        private void read() {
            try (var lines =
                    new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
                List<String> header = null;
                String line;
                while ((line = lines.readLine()) != null) {
                    var fields = List.of(line.strip().split("\\s+"));
                    if (fields.contains("S0C")) {
                        header = fields;
                        continue;
                    }
                    if (header == null || fields.size() != header.size()) {
                        continue;
                    }
                    double committed = value(header, fields, "S0C")
                            + value(header, fields, "S1C")
                            + value(header, fields, "EC")
                            + value(header, fields, "OC");
                    double used = value(header, fields, "S0U")
                            + value(header, fields, "S1U")
                            + value(header, fields, "EU")
                            + value(header, fields, "OU");
                    peakCommitted.accumulateAndGet((long) (committed * 1024), Math::max);
                    peakUsed.accumulateAndGet((long) (used * 1024), Math::max);
                    samples.incrementAndGet();
                }
            } catch (IOException | RuntimeException e) {
                // jstat was stopped or printed something unexpected: the peaks so far stand
            }
        }

        private static double value(List<String> header, List<String> fields, String column) {
            return Double.parseDouble(fields.get(header.indexOf(column)).replace(',', '.'));
        }

        long peakUsedBytes() {
            return peakUsed.get();
        }

        long peakCommittedBytes() {
            return peakCommitted.get();
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() {
            jstat.destroy();
            try {
                jstat.waitFor(5, TimeUnit.SECONDS);
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

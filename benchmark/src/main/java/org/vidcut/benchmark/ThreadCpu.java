package org.vidcut.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time per thread of the standalone JVM, from {@code jcmd PID Thread.print} (each thread's {@code cpu=…ms}),
 * split by thread name into the service itself (api and worker: Tomcat, AMQP listeners, schedulers, the MongoDB,
 * S3 and AMQP clients), the in-process stand-ins (Qpid, mongo-java-server with H2, s3proxy's Jetty) and the JVM's
 * own threads (GC, JIT compilers, safepoints; the thread dump itself is charged here). A thread that ends between
 * two snapshots takes its CPU with it, so the service's share is a lower bound; the pools here live long.
 */
final class ThreadCpu {

    enum Part {
        SERVICE,
        HTTP,
        EVENTS,
        STAND_INS,
        JVM
    }

    /**
     * CPU seconds per part between two snapshots; {@link Part#HTTP} is the part of the service in Tomcat threads,
     * {@link Part#EVENTS} the part that carries task changes to the event streams.
     */
    record Split(double service, double http, double events, double standIns, double jvm) {

        double serviceWithoutHttp() {
            return service - http;
        }
    }

    record Snapshot(Map<String, Double> secondsByThread) {

        Split since(Snapshot before) {
            double[] parts = new double[Part.values().length];
            secondsByThread.forEach((thread, seconds) -> {
                double used = seconds - before.secondsByThread().getOrDefault(thread, 0.0);
                var part = classify(thread.substring(0, thread.lastIndexOf('@')));
                parts[part.ordinal()] += used;
                if (part == Part.HTTP || part == Part.EVENTS) {
                    parts[Part.SERVICE.ordinal()] += used;
                }
            });
            return new Split(
                    parts[Part.SERVICE.ordinal()],
                    parts[Part.HTTP.ordinal()],
                    parts[Part.EVENTS.ordinal()],
                    parts[Part.STAND_INS.ordinal()],
                    parts[Part.JVM.ordinal()]);
        }
    }

    /** {@code "name" #12 … cpu=36.33ms elapsed=… nid=0x3f6 …}; JVM-internal threads have no {@code #id}. */
    private static final Pattern THREAD =
            Pattern.compile("^\"(.*)\"(?: #\\d+)?.*? cpu=([0-9.]+)ms .*?nid=(0x[0-9a-f]+)", Pattern.MULTILINE);

    /**
     * The api's relay (reads the changed task once, writes it to each waiting stream, announces it to the other
     * replicas) and its consumer of the other replicas' announcements (bean name + index).
     */
    private static final List<String> EVENT_PREFIXES = List.of("task-update-relay", "taskUpdatesContainer-");

    private static final List<String> STAND_IN_PREFIXES = List.of(
            // Qpid Broker-J
            "IO-pool-",
            "Selector-",
            "virtualhost-",
            "VirtualHostNode-",
            "Broker-Config",
            "broker-",
            "Housekeeping",
            "QpidBroker",
            // mongo-java-server and its H2 store
            "mongo-server-",
            "MVStore",
            "H2-",
            // s3proxy's Jetty
            "S3Proxy-",
            "Scheduler-");

    private static final List<String> JVM_PREFIXES = List.of(
            "C1 CompilerThread",
            "C2 CompilerThread",
            "GC Thread",
            "G1 ",
            "VM ",
            "Sweeper thread",
            "Monitor Deflation Thread",
            "Service Thread",
            "Reference Handler",
            "Finalizer",
            "Signal Dispatcher",
            "Attach Listener",
            "Common-Cleaner",
            "Notification Thread",
            "DestroyJavaVM");

    private ThreadCpu() {}

    static Snapshot take(long pid) {
        var outcome = Processes.check(List.of("jcmd", Long.toString(pid), "Thread.print"), Duration.ofSeconds(30));
        return parse(outcome.output());
    }

    static Snapshot parse(String threadDump) {
        var seconds = new HashMap<String, Double>();
        var matcher = THREAD.matcher(threadDump);
        while (matcher.find()) {
            seconds.put(matcher.group(1) + "@" + matcher.group(3), Double.parseDouble(matcher.group(2)) / 1000);
        }
        return new Snapshot(seconds);
    }

    static Part classify(String threadName) {
        if (threadName.startsWith("http-nio-")) {
            return Part.HTTP;
        }
        if (EVENT_PREFIXES.stream().anyMatch(threadName::startsWith)) {
            return Part.EVENTS;
        }
        if (STAND_IN_PREFIXES.stream().anyMatch(threadName::startsWith)) {
            return Part.STAND_INS;
        }
        if (JVM_PREFIXES.stream().anyMatch(threadName::startsWith)) {
            return Part.JVM;
        }
        return Part.SERVICE;
    }
}

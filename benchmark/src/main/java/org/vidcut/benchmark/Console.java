package org.vidcut.benchmark;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The benchmark's only output channel. It is a command-line tool whose product is a printed table, so it writes to
 * the standard streams on purpose (the services themselves log through SLF4J).
 */
final class Console {

    private static final PrintStream OUT = System.out;
    private static final PrintStream ERR = System.err;

    private Console() {}

    /** A progress line on stderr, so stdout carries only the report. */
    static void step(String format, Object... args) {
        ERR.printf("[%s] %s%n", LocalTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), format.formatted(args));
    }

    static void print(String text) {
        OUT.println(text);
    }
}

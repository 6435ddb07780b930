package org.vidcut.benchmark;

/**
 * One measurement of the benchmark: it runs against the started standalone jar and adds its rows (each with its
 * baseline from the same run and its target) and details to the session's report. To add a row, implement this,
 * give it a {@link #row()} name for {@code --rows=} and list it in {@link Benchmark#MEASUREMENTS}.
 */
interface Measurement {

    /** The name that selects it in {@code --rows=…}. */
    String row();

    void measure(Session session) throws Exception;
}

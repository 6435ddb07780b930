package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.bramp.ffmpeg.progress.Progress;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class HeartbeatTest {

    private final List<Double> published = new ArrayList<>();

    private static Progress at(long outTimeNanos) {
        var progress = new Progress();
        progress.out_time_ns = outTimeNanos;
        return progress;
    }

    @Test
    void publishesOnlyOnBeatsNotOnEveryFfmpegReport() {
        var heartbeat = new Heartbeat(10, published::add, null);

        heartbeat.progress(at(1_000_000_000L));
        heartbeat.progress(at(2_000_000_000L));
        heartbeat.progress(at(3_000_000_000L));

        assertThat(published).isEmpty();
        heartbeat.beat();
        assertThat(published).containsExactly(30.0);
    }

    @Test
    void beatsEvenWhenFfmpegReportedNothing() {
        var heartbeat = new Heartbeat(10, published::add, null);

        heartbeat.beat();
        heartbeat.beat();

        assertThat(published).containsExactly(0.0, 0.0);
    }

    @Test
    void progressNeverGoesBackwards() {
        var heartbeat = new Heartbeat(10, published::add, null);

        heartbeat.progress(at(5_000_000_000L));
        heartbeat.progress(at(4_000_000_000L));
        heartbeat.beat();

        assertThat(published).containsExactly(50.0);
    }

    @Test
    void aFailingSinkDoesNotEndTheHeartbeats() {
        var calls = new ArrayList<Double>();
        var heartbeat = new Heartbeat(
                10,
                percent -> {
                    calls.add(percent);
                    throw new IllegalStateException("broker gone");
                },
                null);

        heartbeat.beat();
        heartbeat.beat();

        assertThat(calls).hasSize(2);
    }

    @Test
    void noBeatIsPublishedAfterStop() {
        var heartbeat = new Heartbeat(10, published::add, null);

        heartbeat.stop();
        heartbeat.beat();

        assertThat(published).isEmpty();
    }

    @Test
    void beatsCarryTheJobsLogContextAndRestoreTheThreadsOwn() {
        var seen = new ArrayList<String>();
        var heartbeat = new Heartbeat(10, percent -> seen.add(MDC.get("task_id")), Map.of("task_id", "t-1"));
        MDC.put("task_id", "other");
        try {
            heartbeat.beat();

            assertThat(seen).containsExactly("t-1");
            assertThat(MDC.get("task_id")).isEqualTo("other");
        } finally {
            MDC.clear();
        }
    }
}

package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusLoadTest {

    private static final String WRK = """
            Running 10s test @ http://localhost:8080/v1/tasks/1
              2 threads and 16 connections
              Latency Distribution
                 50%  812.00us
                 75%    4.10ms
                 90%   12.50ms
                 99%    1.20s
              29623 requests in 10.08s, 21.55MB read
            Requests/sec:   2938.45
            """;

    @Test
    void convertsWrkLatencyUnitsToMilliseconds() {
        assertThat(StatusLoad.percentile(WRK, "50%")).isEqualTo(0.812);
        assertThat(StatusLoad.percentile(WRK, "90%")).isEqualTo(12.5);
        assertThat(StatusLoad.percentile(WRK, "99%")).isEqualTo(1200.0);
    }

    @Test
    void readsTheBytesTransferredInKibibyteUnits() {
        assertThat(StatusLoad.bytesRead(WRK)).isEqualTo(21.55 * 1024 * 1024);
        assertThat(StatusLoad.bytesRead("  100 requests in 1.00m, 812.50KB read"))
                .isEqualTo(812.5 * 1024);
        assertThat(StatusLoad.bytesRead("Requests/sec: 10")).isNaN();
    }

    @Test
    void refusesOutputWithoutTheRequestedPercentile() {
        assertThatThrownBy(() -> StatusLoad.percentile("Requests/sec: 10", "99%"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("99%");
    }
}

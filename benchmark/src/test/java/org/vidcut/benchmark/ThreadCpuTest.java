package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    private static String dump(double http, double listener, double qpid, double mongo, double jit) {
        return """
                Full thread dump OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1 mixed mode, sharing):

                "http-nio-auto-1-exec-1" #61 daemon prio=5 os_prio=0 cpu=%.2fms elapsed=70.12s tid=0x00007f91 nid=0x4101 waiting on condition  [0x00007f90]
                   java.lang.Thread.State: WAITING (parking)

                "jobListenerContainer-1" #88 prio=5 os_prio=0 cpu=%.2fms elapsed=60.00s tid=0x00007f92 nid=0x4120 waiting on condition  [0x00007f90]

                "IO-pool-Port-AMQP-7" #34 prio=5 os_prio=0 cpu=%.2fms elapsed=70.96s tid=0x00007f91 nid=0x3f7 runnable  [0x00007f90]

                "mongo-server-worker1" #40 prio=5 os_prio=0 cpu=%.2fms elapsed=70.00s tid=0x00007f91 nid=0x3f9 runnable  [0x00007f90]

                "C2 CompilerThread0" #9 daemon prio=9 os_prio=0 cpu=%.2fms elapsed=111.00s tid=0x00007f91 nid=0x3df5 waiting on condition  [0x0000000000000000]

                "VM Thread" os_prio=0 cpu=122.00ms elapsed=111.17s tid=0x00007f91b416e9a0 nid=0x3df0 runnable
                """.formatted(http, listener, qpid, mongo, jit);
    }

    @Test
    void splitsTheCpuUsedBetweenTwoDumpsIntoServiceStandInsAndJvm() {
        var before = ThreadCpu.parse(dump(100, 50, 200, 300, 1000));
        var after = ThreadCpu.parse(dump(130, 60, 240, 310, 1500));

        var split = after.since(before);

        assertThat(split.service()).isCloseTo(0.040, within(1e-9));
        assertThat(split.http()).isCloseTo(0.030, within(1e-9));
        assertThat(split.serviceWithoutHttp()).isCloseTo(0.010, within(1e-9));
        assertThat(split.standIns()).isCloseTo(0.050, within(1e-9));
        assertThat(split.jvm()).isCloseTo(0.500, within(1e-9));
    }

    @Test
    void countsAThreadStartedBetweenTheDumpsFully() {
        var before = ThreadCpu.parse("");
        var after = ThreadCpu.parse(dump(1, 2, 3, 4, 5));

        assertThat(after.since(before).service()).isCloseTo(0.003, within(1e-9));
        assertThat(after.since(before).jvm()).isCloseTo(0.127, within(1e-9));
    }

    @Test
    void classifiesTheStandInsThreadsApartFromTheServicesClients() {
        assertThat(ThreadCpu.classify("virtualhost-default-iopool-3")).isEqualTo(ThreadCpu.Part.STAND_INS);
        assertThat(ThreadCpu.classify("S3Proxy-Jetty-17")).isEqualTo(ThreadCpu.Part.STAND_INS);
        assertThat(ThreadCpu.classify("MVStore background writer /data/mongo/vidcut.mv"))
                .isEqualTo(ThreadCpu.Part.STAND_INS);
        assertThat(ThreadCpu.classify("AMQP Connection 127.0.0.1:5672")).isEqualTo(ThreadCpu.Part.SERVICE);
        assertThat(ThreadCpu.classify("cluster-6b0f41-127.0.0.1:27017")).isEqualTo(ThreadCpu.Part.SERVICE);
        assertThat(ThreadCpu.classify("OkHttp Dispatcher")).isEqualTo(ThreadCpu.Part.SERVICE);
        assertThat(ThreadCpu.classify("G1 Conc#0")).isEqualTo(ThreadCpu.Part.JVM);
    }

    @Test
    void countsTheEventRelayAsPartOfTheServiceAndApart() {
        var relay = "\"task-update-relay\" #90 prio=5 os_prio=0 cpu=%.2fms elapsed=9.00s tid=0x1 nid=0x4200 waiting\n";
        var before = ThreadCpu.parse(dump(100, 50, 200, 300, 1000) + relay.formatted(20.0));
        var after = ThreadCpu.parse(dump(100, 50, 200, 300, 1000) + relay.formatted(27.0));

        var split = after.since(before);

        assertThat(ThreadCpu.classify("taskUpdatesContainer-1")).isEqualTo(ThreadCpu.Part.EVENTS);
        assertThat(split.events()).isCloseTo(0.007, within(1e-9));
        assertThat(split.service()).isCloseTo(0.007, within(1e-9));
        assertThat(split.http()).isZero();
    }
}

package org.vidcut.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123Z");

    static Stream<Message> everyMessageType() {
        var operations = new Operations(2.0, 7.5, 640, null, OutputFormat.WEBM, Accuracy.EXACT, true);
        return Stream.of(
                new ConversionJob("t-1", 2, "originals/u/v", "results/u/t-1/2.webm", 20.0, operations, AT),
                new TaskEvent.Started("t-1", 2, "worker-a", AT),
                new TaskEvent.Progress("t-1", 2, "worker-a", AT, 42.5),
                new TaskEvent.Succeeded(
                        "t-1",
                        2,
                        "worker-a",
                        AT,
                        "results/u/t-1/2.webm",
                        1234L,
                        5.5,
                        640,
                        360,
                        "vp9",
                        "opus",
                        2.0,
                        7.5,
                        null,
                        null,
                        null),
                new TaskEvent.Succeeded(
                        "t-1",
                        2,
                        "worker-a",
                        AT,
                        "results/u/t-1/2.mkv",
                        1234L,
                        5.5,
                        720,
                        1280,
                        "h264",
                        "aac",
                        2.0,
                        7.5,
                        90,
                        List.of(
                                new Track(0, Track.VIDEO, "h264", null),
                                new Track(1, Track.AUDIO, "aac", "eng"),
                                new Track(2, Track.SUBTITLE, "subrip", "fra")),
                        TrimMethod.SMART),
                new TaskEvent.Failed("t-1", 2, "worker-a", AT, FailureKind.FINAL, "not a video"),
                new CancelTask("t-1", 2, "canceled by its owner", AT));
    }

    @ParameterizedTest
    @MethodSource("everyMessageType")
    void roundTripsEveryMessageTypeUnchanged(Message message) {
        var decoded = MessageCodec.decode(MessageCodec.encode(message));

        assertThat(decoded).isEqualTo(message);
    }

    @Test
    void writesLogicalTypeIdsNotJavaClassNames() {
        var json = new String(MessageCodec.encode(new TaskEvent.Started("t-1", 1, "w", AT)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"type\":\"task_started.v1\"").doesNotContain("org.vidcut");
    }

    @Test
    void writesEnumsAndTimesReadably() {
        var operations = new Operations(0, 1, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false);
        var json = new String(
                MessageCodec.encode(new ConversionJob("t", 1, "a", "b", 1, operations, AT)), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"format\":\"mp4\"")
                .contains("\"accuracy\":\"keyframe\"")
                .contains("\"issuedAt\":\"2026-11-23T10:15:30.123Z\"");
    }

    @Test
    void ignoresFieldsAddedByANewerMinorVersion() {
        var json = "{\"type\":\"task_started.v1\",\"taskId\":\"t\",\"attempt\":1,\"workerId\":\"w\","
                + "\"occurredAt\":\"2026-11-23T10:15:30Z\",\"addedLater\":true}";

        assertThat(MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new TaskEvent.Started("t", 1, "w", Instant.parse("2026-11-23T10:15:30Z")));
    }

    @Test
    void readsASuccessOfAnOlderWorkerWithoutTheCutBoundaries() {
        var json = "{\"type\":\"task_succeeded.v1\",\"taskId\":\"t\",\"attempt\":1,\"workerId\":\"w\","
                + "\"occurredAt\":\"2026-11-23T10:15:30Z\",\"resultObjectKey\":\"k\",\"resultSizeBytes\":3,"
                + "\"durationSeconds\":2.5}";

        var decoded = MessageCodec.decode(json.getBytes(StandardCharsets.UTF_8), TaskEvent.Succeeded.class);

        assertThat(decoded.startSeconds()).isNull();
        assertThat(decoded.endSeconds()).isNull();
        assertThat(decoded.rotation()).isNull();
        assertThat(decoded.tracks()).isNull();
    }

    @Test
    void quorumQueuesKeepTheDeadLetterRoutesOfBothBrokers() {
        assertThat(Topology.durableQueueArguments("dlx"))
                .containsEntry("x-queue-type", "quorum")
                .containsEntry("x-delivery-limit", Topology.QUORUM_DELIVERY_LIMIT)
                .containsEntry("x-dead-letter-exchange", "dlx")
                .containsEntry("alternateExchange", "dlx");
    }

    @Test
    void deadLetterQueuesHaveNoDeliveryLimitSoLookingAtThemDropsNothing() {
        assertThat(Topology.quorumArguments())
                .containsEntry("x-queue-type", "quorum")
                .doesNotContainKey("x-delivery-limit");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "{}",
                "{\"type\":\"org.vidcut.contracts.ConversionJob\",\"taskId\":\"t\",\"attempt\":1}",
                "{\"type\":\"task_exploded.v9\",\"taskId\":\"t\",\"attempt\":1}",
                "{\"type\":\"task_started.v1\",\"attempt\":1}",
                "{\"type\":\"task_started.v1\",\"taskId\":\"t\"}",
                "[1,2,3]"
            })
    void rejectsPoisonMessagesAsUnreadable(String body) {
        assertThatThrownBy(() -> MessageCodec.decode(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MessageCodec.UnreadableMessage.class);
    }

    @Test
    void rejectsAnEventWhereAJobWasExpected() {
        var event = MessageCodec.encode(new TaskEvent.Started("t", 1, "w", AT));

        assertThatThrownBy(() -> MessageCodec.decode(event, ConversionJob.class))
                .isInstanceOf(MessageCodec.UnreadableMessage.class)
                .hasMessageContaining("ConversionJob");
    }

    @Test
    void namesUnknownFormatsAsAbsent() {
        assertThat(OutputFormat.find("MP4")).contains(OutputFormat.MP4);
        assertThat(OutputFormat.find("mp4;rm -rf /")).isEmpty();
        assertThat(Accuracy.find("exact")).contains(Accuracy.EXACT);
        assertThat(Accuracy.find("roughly")).isEmpty();
    }
}

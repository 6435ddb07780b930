package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeIndexTest {

    /** 10 pictures a second, a keyframe every second, listed in decode order with B-frames after their P. */
    private static List<String> closedGops(int seconds) {
        var lines = new ArrayList<String>();
        for (int gop = 0; gop < seconds; gop++) {
            lines.add(packet(gop * 10, true));
            for (int i = 1; i < 10; i += 3) {
                var p = Math.min(i + 2, 9);
                lines.add(packet(gop * 10 + p, false));
                for (int b = i; b < p; b++) {
                    lines.add(packet(gop * 10 + b, false));
                }
            }
        }
        return lines;
    }

    private static String packet(int picture, boolean keyframe) {
        return "packet|pts_time=" + SmartTrim.exact(picture / 10.0) + "|flags=" + (keyframe ? "K__" : "___");
    }

    @Test
    void cutsAtTheFirstAndLastKeyframeInRange() {
        var cut = KeyframeIndex.of(closedGops(6)).cut(1.25, 4.5);

        assertThat(cut.firstPicture()).isEqualTo(1.3);
        assertThat(cut.firstKeyframe()).isEqualTo(2.0);
        assertThat(cut.lastKeyframe()).isEqualTo(4.0);
        assertThat(cut.headFrames()).isEqualTo(7);
        assertThat(cut.middleFrames()).isEqualTo(20);
        assertThat(cut.tailFrames()).isEqualTo(5);
    }

    @Test
    void aStartOnAKeyframeHasNoHead() {
        var cut = KeyframeIndex.of(closedGops(6)).cut(2.0, 4.05);

        assertThat(cut.headFrames()).isZero();
        assertThat(cut.tailFrames()).isEqualTo(1);
    }

    @Test
    void anEndOnAKeyframeLeavesNoTail() {
        var cut = KeyframeIndex.of(closedGops(6)).cut(1.25, 4.0);

        assertThat(cut.headFrames()).isEqualTo(7);
        assertThat(cut.middleFrames()).isEqualTo(20);
        assertThat(cut.tailFrames()).isZero();
        assertThat(cut.lastKeyframe()).isEqualTo(4.0);
    }

    @Test
    void aRangeToTheStreamsEndLeavesNoTail() {
        var cut = KeyframeIndex.of(closedGops(6)).cut(2.0, 6.0);

        assertThat(cut.headFrames()).isZero();
        assertThat(cut.middleFrames()).isEqualTo(40);
        assertThat(cut.tailFrames()).isZero();
    }

    @Test
    void oneWholeGopIsCopied() {
        var cut = KeyframeIndex.of(closedGops(6)).cut(2.0, 3.0);

        assertThat(cut.middleFrames()).isEqualTo(10);
        assertThat(cut.frames()).isEqualTo(10);
    }

    @Test
    void anEndBeforeAnOpenGopKeepsTheTail() {
        var lines = new ArrayList<>(closedGops(6));
        // the picture at 3.9 s is decoded after the keyframe at 4 s: the GOP before 4 s is not whole without it
        lines.remove(packet(39, false));
        lines.add(lines.indexOf(packet(40, true)) + 1, packet(39, false));

        var cut = KeyframeIndex.of(lines).cut(1.25, 4.0);

        assertThat(cut.lastKeyframe()).isEqualTo(3.0);
        assertThat(cut.tailFrames()).isEqualTo(10);
    }

    @Test
    void refusesARangeWithinOneGop() {
        var index = KeyframeIndex.of(closedGops(6));

        assertThatThrownBy(() -> index.cut(1.1, 2.9)).isInstanceOf(SmartTrimRefused.class);
    }

    @Test
    void refusesAnOpenGop() {
        var lines = new ArrayList<>(closedGops(6));
        // a picture shown just before the keyframe at 3 s but decoded after it: it refers to both GOPs
        var keyframe = lines.indexOf(packet(30, true));
        lines.remove(packet(29, false));
        lines.add(keyframe + 1, packet(29, false));

        assertThatThrownBy(() -> KeyframeIndex.of(lines).cut(2.5, 5.5))
                .isInstanceOf(SmartTrimRefused.class)
                .hasMessageContaining("open");
    }

    @Test
    void ignoresLinesThatAreNotPackets() {
        var lines = new ArrayList<>(closedGops(3));
        lines.add(0, "[h264 @ 0x55] mmco: unref short failure");

        assertThat(KeyframeIndex.of(lines).packets()).hasSize(30);
    }
}

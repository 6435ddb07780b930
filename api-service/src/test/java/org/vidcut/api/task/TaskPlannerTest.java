package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vidcut.api.video.OwnedVideo;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.OutputFormat;

class TaskPlannerTest {

    static final String MP4_FAMILY = "mov,mp4,m4a,3gp,3g2,mj2";

    /** A 1920x1080, 60 s H.264/AAC mp4. */
    static OwnedVideo mp4() {
        return video("clip.mp4", MP4_FAMILY, "h264", "aac");
    }

    static OwnedVideo video(String filename, String container, String videoCodec, String audioCodec) {
        return new OwnedVideo(
                "v1", "u1", "originals/u1/v1", filename, 60.0, 1920, 1080, container, videoCodec, audioCodec);
    }

    private static CreateTaskRequest request(Map<String, Object> fields) {
        return new CreateTaskRequest(
                "v1",
                fields.get("start_time"),
                fields.get("end_time"),
                fields.get("width"),
                fields.get("height"),
                fields.get("format"),
                fields.get("accuracy"));
    }

    private static Map<String, Object> fields(Object... keyValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static TaskPlanner.TaskPlan plan(OwnedVideo video, Object... keyValues) {
        return TaskPlanner.plan(request(fields(keyValues)), video);
    }

    private static void rejected(OwnedVideo video, String messageStart, Object... keyValues) {
        assertThatThrownBy(() -> plan(video, keyValues))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith(messageStart);
    }

    @Test
    void trimWithDefaultsKeepsFormatAndCutsExactly() {
        var plan = plan(mp4(), "start_time", 5, "end_time", "00:00:12.500");

        var ops = plan.operations();
        assertThat(ops.startSeconds()).isEqualTo(5.0);
        assertThat(ops.endSeconds()).isEqualTo(12.5);
        assertThat(ops.format()).isEqualTo(OutputFormat.MP4);
        assertThat(ops.accuracy()).isEqualTo(Accuracy.EXACT);
        assertThat(ops.reencode()).isFalse();
        assertThat(plan.requested().startSeconds()).isEqualTo(5.0);
        assertThat(plan.requested().format()).isNull();
    }

    @Test
    void missingStartIsZeroAndMissingEndIsTheVideosEnd() {
        var ops = plan(mp4(), "format", "webm").operations();

        assertThat(ops.startSeconds()).isZero();
        assertThat(ops.endSeconds()).isEqualTo(60.0);
    }

    @Test
    void rejectsStartAtOrAfterEnd() {
        rejected(mp4(), "start_time: must be before end_time", "start_time", 10, "end_time", 10);
        rejected(mp4(), "start_time: must be before end_time", "start_time", 20, "end_time", 10);
    }

    @Test
    void rejectsEndTimeBeyondDuration() {
        rejected(mp4(), "end_time: must not be beyond the end of the video (60 s)", "end_time", 60.5);
    }

    @Test
    void acceptsEndTimeRoundedJustPastDurationAsTheEnd() {
        var ops = plan(mp4(), "start_time", 1, "end_time", 60.0004).operations();

        assertThat(ops.endSeconds()).isEqualTo(60.0);
    }

    @Test
    void rejectsStartTimeAtOrBeyondDuration() {
        rejected(mp4(), "start_time: must be before the end of the video", "start_time", 60);
    }

    @Test
    void rejectsNegativeStartTime() {
        rejected(mp4(), "start_time: must not be negative", "start_time", -2);
    }

    @Test
    void rejectsGarbageEndTime() {
        rejected(mp4(), "end_time: must be seconds", "end_time", "soon");
    }

    @Test
    void rejectsOddWidth() {
        rejected(mp4(), "width: must be even", "width", 641);
    }

    @Test
    void rejectsWidthOfTwentyOrLess() {
        rejected(mp4(), "width: must be more than 20 and at most 7680", "width", 20);
    }

    @Test
    void rejectsWidthAbove7680() {
        rejected(mp4(), "width: must be more than 20 and at most 7680", "width", 7682);
    }

    @Test
    void rejectsHeightAbove4320() {
        rejected(mp4(), "height: must be more than 20 and at most 4320", "height", 4322);
    }

    @Test
    void rejectsNonIntegerDimensions() {
        rejected(mp4(), "height: must be an even whole number", "height", 480.5);
        rejected(mp4(), "width: must be an even whole number", "width", "640");
    }

    @Test
    void oneDimensionAloneResizesAndReencodes() {
        var ops = plan(mp4(), "width", 640).operations();

        assertThat(ops.width()).isEqualTo(640);
        assertThat(ops.height()).isNull();
        assertThat(ops.reencode()).isTrue();
    }

    @Test
    void acceptsTheLargestDimensions() {
        var ops = plan(mp4(), "width", 7680, "height", 4320).operations();

        assertThat(ops.width()).isEqualTo(7680);
        assertThat(ops.height()).isEqualTo(4320);
    }

    @Test
    void rejectsUnknownFormat() {
        rejected(mp4(), "format: must be one of mp4, webm, mkv, mov, gif, mp3", "format", "avi");
        rejected(mp4(), "format: must be one of", "format", 4);
    }

    @Test
    void acceptsFormatCaseInsensitively() {
        assertThat(plan(mp4(), "format", "WebM").operations().format()).isEqualTo(OutputFormat.WEBM);
    }

    @Test
    void rejectsUnknownAccuracy() {
        rejected(mp4(), "accuracy: must be keyframe or exact", "start_time", 1, "accuracy", "rough");
    }

    @Test
    void keyframeTrimOfCompatibleSourceIsAStreamCopy() {
        var ops = plan(mp4(), "start_time", 1, "accuracy", "keyframe").operations();

        assertThat(ops.accuracy()).isEqualTo(Accuracy.KEYFRAME);
        assertThat(ops.reencode()).isFalse();
    }

    @Test
    void refusesKeyframeWithResize() {
        rejected(mp4(), "accuracy: keyframe cuts copy the streams", "width", 640, "accuracy", "keyframe");
    }

    @Test
    void refusesKeyframeWhenTheFormatNeedsOtherCodecs() {
        rejected(mp4(), "accuracy: keyframe cuts copy the streams", "format", "webm", "accuracy", "keyframe");
    }

    @Test
    void keyframeIntoMkvNeedsNoReencode() {
        var ops = plan(mp4(), "format", "mkv", "accuracy", "keyframe").operations();

        assertThat(ops.reencode()).isFalse();
    }

    @Test
    void rejectsATaskWithNothingToDo() {
        rejected(mp4(), "nothing to do");
        rejected(mp4(), "nothing to do", "format", "mp4", "start_time", 0, "end_time", 60);
    }

    @Test
    void rejectsMp3FromAVideoWithoutSound() {
        rejected(video("silent.mp4", MP4_FAMILY, "h264", null), "format: mp3 needs sound", "format", "mp3");
    }

    @Test
    void rejectsResizeOfAnMp3() {
        rejected(mp4(), "width: an mp3 has no picture", "format", "mp3", "width", 640);
    }

    @Test
    void rejectsPictureFormatsFromAudioOnlySources() {
        rejected(video("song.mp3", "mp3", null, "mp3"), "format: gif needs a picture", "format", "gif");
    }

    @Test
    void defaultFormatFollowsTheSourceContainer() {
        assertThat(TaskPlanner.sourceFormat(mp4())).isEqualTo(OutputFormat.MP4);
        assertThat(TaskPlanner.sourceFormat(video("clip.MOV", MP4_FAMILY, "h264", "aac")))
                .isEqualTo(OutputFormat.MOV);
        assertThat(TaskPlanner.sourceFormat(video("a.webm", "matroska,webm", "vp9", "opus")))
                .isEqualTo(OutputFormat.WEBM);
        assertThat(TaskPlanner.sourceFormat(video("a.mkv", "matroska,webm", "av1", null)))
                .isEqualTo(OutputFormat.WEBM);
        assertThat(TaskPlanner.sourceFormat(video("a.mkv", "matroska,webm", "h264", "aac")))
                .isEqualTo(OutputFormat.MKV);
        assertThat(TaskPlanner.sourceFormat(video("a.gif", "gif", "gif", null))).isEqualTo(OutputFormat.GIF);
        assertThat(TaskPlanner.sourceFormat(video("a.mp3", "mp3", null, "mp3"))).isEqualTo(OutputFormat.MP3);
        assertThat(TaskPlanner.sourceFormat(video("a.avi", "avi", "mpeg4", "mp3")))
                .isEqualTo(OutputFormat.MP4);
        assertThat(TaskPlanner.sourceFormat(video("a.bin", null, "h264", null))).isEqualTo(OutputFormat.MP4);
    }

    @Test
    void trimOfANonMp4SourceDefaultsToItsOwnFormat() {
        var webm = video("a.webm", "matroska,webm", "vp9", "opus");

        var ops = plan(webm, "start_time", 2, "accuracy", "keyframe").operations();

        assertThat(ops.format()).isEqualTo(OutputFormat.WEBM);
        assertThat(ops.reencode()).isFalse();
    }

    @Test
    void streamCopyFitsOnlyMatchingCodecs() {
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.MP4, mp4())).isTrue();
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.MOV, mp4())).isTrue();
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.WEBM, mp4())).isFalse();
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.GIF, mp4())).isFalse();
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.MP3, mp4())).isFalse();
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.MP3, video("a.mp4", MP4_FAMILY, "h264", "mp3")))
                .isTrue();
        assertThat(TaskPlanner.streamCopyFits(OutputFormat.MP4, video("a.webm", "matroska,webm", "vp9", "opus")))
                .isFalse();
    }

    @Test
    void expectedSizeKeepsTheAspectRatioWhenOneSideIsGiven() {
        assertThat(OutputSize.expected(OutputFormat.MP4, 640, null, 1920, 1080)).isEqualTo(new OutputSize(640, 360));
        assertThat(OutputSize.expected(OutputFormat.MP4, null, 480, 1920, 1080)).isEqualTo(new OutputSize(854, 480));
        assertThat(OutputSize.expected(OutputFormat.MP4, null, null, 1920, 1080))
                .isEqualTo(new OutputSize(1920, 1080));
        assertThat(OutputSize.expected(OutputFormat.MP3, 640, null, 1920, 1080)).isEqualTo(new OutputSize(null, null));
    }

    @Test
    void aStillFrameIsOnePictureAtTheStart() {
        var plan = plan(mp4(), "start_time", "00:00:03.250", "format", "png", "width", 640);

        var ops = plan.operations();
        assertThat(ops.format()).isEqualTo(OutputFormat.PNG);
        assertThat(ops.startSeconds()).isEqualTo(3.25);
        assertThat(ops.endSeconds()).isEqualTo(3.25);
        assertThat(ops.width()).isEqualTo(640);
        assertThat(ops.accuracy()).isEqualTo(Accuracy.EXACT);
        assertThat(plan.requested().endSeconds()).isNull();
    }

    @Test
    void aStillFrameWithoutStartIsTheFirstPicture() {
        var ops = plan(mp4(), "format", "webp").operations();

        assertThat(ops.startSeconds()).isZero();
        assertThat(ops.endSeconds()).isZero();
    }

    @Test
    void rejectsEndTimeWithAStillFrame() {
        rejected(mp4(), "end_time: a jpg is one picture at start_time", "format", "jpg", "end_time", 5);
    }

    @Test
    void rejectsKeyframeAccuracyWithAStillFrame() {
        rejected(
                mp4(),
                "accuracy: a still frame is the picture at start_time exactly",
                "format",
                "png",
                "accuracy",
                "keyframe");
    }

    @Test
    void rejectsAStillFrameAtOrAfterTheEnd() {
        rejected(mp4(), "start_time: must be before the end of the video", "format", "jpg", "start_time", 60);
    }

    @Test
    void rejectsAStillFrameOfAVideoWithoutPicture() {
        rejected(video("song.mp3", "mp3", null, "mp3"), "format: jpg needs a picture", "format", "jpg");
    }
}

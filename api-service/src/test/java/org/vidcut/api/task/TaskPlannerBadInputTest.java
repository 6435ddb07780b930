package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The task parameters of GitHub issue 4's bad-input list that {@link TaskPlannerTest} does not already name:
 * each is refused as an {@link InvalidTaskRequest} (a 422 naming the field) before anything is saved or sent.
 */
class TaskPlannerBadInputTest {

    private static void rejected(String field, Object value, String messageStart) {
        var fields = new HashMap<String, Object>();
        fields.put(field, value);
        var request = new CreateTaskRequest(
                "v1",
                fields.get("start_time"),
                fields.get("end_time"),
                fields.get("width"),
                fields.get("height"),
                fields.get("format"),
                fields.get("accuracy"));

        assertThatThrownBy(() -> TaskPlanner.plan(request, TaskPlannerTest.mp4()))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith(messageStart);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mp4; rm -rf /",
                "mp4 -f lavfi",
                "mp4 && reboot",
                "$(reboot)",
                "`id`",
                "mp4|sh",
                "-y",
                "../mp4",
                "mp4\n-i /etc/passwd",
                ""
            })
    void rejectsShellAndFfmpegInjectionInFormat(String format) {
        rejected("format", format, "format: must be one of mp4, webm, mkv, mov, gif, mp3, jpg, png, webp");
    }

    @ParameterizedTest
    @ValueSource(ints = {641, 1081, 21, 4319})
    void rejectsOddHeight(int height) {
        rejected("height", height, "height: must be even");
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 2, 0, -2, -1080})
    void rejectsTinyZeroOrNegativeHeight(int height) {
        rejected("height", height, "height: must be more than 20 and at most 4320");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -2, -1920})
    void rejectsZeroOrNegativeWidth(int width) {
        rejected("width", width, "width: must be more than 20 and at most 7680");
    }

    @ParameterizedTest
    @ValueSource(ints = {7682, 100_000, Integer.MAX_VALUE - 1})
    void rejectsHugeWidth(int width) {
        rejected("width", width, "width: must be more than 20 and at most 7680");
    }

    @ParameterizedTest
    @ValueSource(ints = {4322, 100_000, Integer.MAX_VALUE - 1})
    void rejectsHugeHeight(int height) {
        rejected("height", height, "height: must be more than 20 and at most 4320");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-00:00:01", "later", "1e400", "NaN", "Infinity", "00:99:00", "1,5"})
    void rejectsNegativeOrNonNumericStartTime(String start) {
        rejected("start_time", start, "start_time: must ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-00:00:01", "soon", "NaN", "-Infinity", "12s"})
    void rejectsNegativeOrNonNumericEndTime(String end) {
        rejected("end_time", end, "end_time: must ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"60.5", "00:01:01", "3600"})
    void rejectsEndTimeWrittenAsTextPastTheDuration(String end) {
        rejected("end_time", end, "end_time: must not be beyond the end of the video");
    }

    @ParameterizedTest
    @ValueSource(doubles = {60, 61, 1e9})
    void rejectsStartTimeAtOrPastTheEndOfTheVideo(double start) {
        rejected("start_time", start, "start_time: must be before");
    }
}

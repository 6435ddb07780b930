package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;

class FfmpegCommandTest {

    private static final String INPUT = "http://storage:9000/vidcut/originals/u/v?X-Amz-Signature=abc";
    private static final Path OUTPUT = Path.of("/work/task-1.mp4");
    private static final long MAX = 10_000_000L;
    private static final int THREADS = 2;

    private static List<String> args(Operations operations) {
        return FfmpegCommand.arguments(operations, INPUT, OUTPUT, MAX, THREADS);
    }

    private static Operations exact(double start, double end, Integer width, Integer height, OutputFormat format) {
        return new Operations(start, end, width, height, format, Accuracy.EXACT, true);
    }

    private static Operations keyframe(double start, double end, OutputFormat format) {
        return new Operations(start, end, null, null, format, Accuracy.KEYFRAME, false);
    }

    /** The value following {@code option}, or null when the option is absent. */
    private static String valueOf(List<String> args, String option) {
        var index = args.indexOf(option);
        return index < 0 || index + 1 >= args.size() ? null : args.get(index + 1);
    }

    @Test
    void seeksBeforeTheInputAndLimitsTheDurationAfterIt() {
        var args = args(exact(12.5, 20, null, null, OutputFormat.MP4));

        assertThat(valueOf(args, "-ss")).isEqualTo("12.500");
        assertThat(args.indexOf("-ss")).isLessThan(args.indexOf("-i"));
        assertThat(valueOf(args, "-t")).isEqualTo("7.500");
        assertThat(args.indexOf("-t")).isGreaterThan(args.indexOf("-i"));
        assertThat(valueOf(args, "-i")).isEqualTo(INPUT);
    }

    @Test
    void leavesOutTheSeekWhenTheTrimStartsAtTheBeginning() {
        var args = args(exact(0, 4, null, null, OutputFormat.MP4));

        assertThat(args).doesNotContain("-ss");
        assertThat(valueOf(args, "-t")).isEqualTo("4.000");
    }

    @Test
    void formatsSecondsWithAPointWhateverTheDefaultLocale() {
        var previous = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
        try {
            assertThat(valueOf(args(exact(1.25, 2, null, null, OutputFormat.MP4)), "-ss"))
                    .isEqualTo("1.250");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @Test
    void alwaysOverwritesNeverReadsStdinAndHidesTheBanner() {
        var args = args(exact(0, 4, null, null, OutputFormat.MP4));

        assertThat(args).contains("-y", "-nostdin", "-hide_banner");
        assertThat(args.indexOf("-nostdin")).isLessThan(args.indexOf("-i"));
        assertThat(args.get(args.size() - 1)).isEqualTo(OUTPUT.toString());
    }

    @Test
    void keyframeAccuracyCopiesStreamsFromTheSeekPointOn() {
        var args = args(keyframe(30, 45, OutputFormat.MP4));

        assertThat(valueOf(args, "-c")).isEqualTo("copy");
        assertThat(valueOf(args, "-copypriorss")).isEqualTo("0");
        assertThat(args).doesNotContain("-c:v", "-vf");
        assertThat(valueOf(args, "-ss")).isEqualTo("30.000000");
        assertThat(valueOf(args, "-t")).isEqualTo("15.000");
    }

    @Test
    void exactAccuracyReencodes() {
        var args = args(exact(30, 45, null, null, OutputFormat.MP4));

        assertThat(args).doesNotContain("copy");
        assertThat(valueOf(args, "-c:v")).isEqualTo("libx264");
        assertThat(valueOf(args, "-c:a")).isEqualTo("aac");
    }

    @Test
    void keyframeAccuracyStillReencodesWhenTheJobNeedsIt() {
        var operations = new Operations(0, 5, null, null, OutputFormat.WEBM, Accuracy.KEYFRAME, true);

        var args = args(operations);

        assertThat(args).doesNotContain("copy");
        assertThat(valueOf(args, "-c:v")).isEqualTo("libvpx-vp9");
    }

    @Test
    void keyframeAccuracyReencodesWhenResizing() {
        var operations = new Operations(0, 5, 640, null, OutputFormat.MP4, Accuracy.KEYFRAME, false);

        assertThat(FfmpegCommand.streamCopies(operations)).isFalse();
        assertThat(valueOf(args(operations), "-vf")).isEqualTo("scale=640:round(640*ih/(iw*sar)/2)*2,setsar=1");
    }

    @Test
    void widthAloneKeepsTheDisplayedAspectRatioWithSquarePixels() {
        assertThat(valueOf(args(exact(0, 5, 640, null, OutputFormat.MP4)), "-vf"))
                .isEqualTo("scale=640:round(640*ih/(iw*sar)/2)*2,setsar=1");
    }

    @Test
    void heightAloneKeepsTheDisplayedAspectRatioWithSquarePixels() {
        assertThat(valueOf(args(exact(0, 5, null, 360, OutputFormat.MKV)), "-vf"))
                .isEqualTo("scale=round(360*iw*sar/ih/2)*2:360,setsar=1");
    }

    @Test
    void bothDimensionsScaleToExactlyThatSize() {
        assertThat(valueOf(args(exact(0, 5, 1280, 720, OutputFormat.MOV)), "-vf"))
                .isEqualTo("scale=1280:720,setsar=1");
    }

    @Test
    void withoutResizeOddSourceSizesAreRoundedToEvenForTheEncoder() {
        assertThat(valueOf(args(exact(0, 5, null, null, OutputFormat.MP4)), "-vf"))
                .isEqualTo("scale=trunc(iw/2)*2:trunc(ih/2)*2");
    }

    @Test
    void trimResizeAndConvertCombineInOneCommand() {
        var args = args(exact(2, 9, 640, null, OutputFormat.WEBM));

        assertThat(valueOf(args, "-ss")).isEqualTo("2.000");
        assertThat(valueOf(args, "-t")).isEqualTo("7.000");
        assertThat(valueOf(args, "-vf")).isEqualTo("scale=640:round(640*ih/(iw*sar)/2)*2,setsar=1");
        assertThat(valueOf(args, "-c:v")).isEqualTo("libvpx-vp9");
        assertThat(valueOf(args, "-f")).isEqualTo("webm");
    }

    @Test
    void mp4IsH264AndAacInYuv420pWithFaststart() {
        var args = args(exact(0, 5, null, null, OutputFormat.MP4));

        assertThat(valueOf(args, "-c:v")).isEqualTo("libx264");
        assertThat(valueOf(args, "-pix_fmt")).isEqualTo("yuv420p");
        assertThat(valueOf(args, "-c:a")).isEqualTo("aac");
        assertThat(valueOf(args, "-movflags")).isEqualTo("+faststart");
        assertThat(valueOf(args, "-f")).isEqualTo("mp4");
    }

    @Test
    void keyframeMp4CopyStillGetsFaststart() {
        assertThat(valueOf(args(keyframe(0, 5, OutputFormat.MP4)), "-movflags")).isEqualTo("+faststart");
    }

    @Test
    void webmIsVp9AndOpusWithFastRealtimeSettings() {
        var args = args(exact(0, 5, null, null, OutputFormat.WEBM));

        assertThat(valueOf(args, "-c:v")).isEqualTo("libvpx-vp9");
        assertThat(valueOf(args, "-c:a")).isEqualTo("libopus");
        assertThat(valueOf(args, "-deadline")).isEqualTo("realtime");
        assertThat(valueOf(args, "-cpu-used")).isEqualTo("8");
        assertThat(valueOf(args, "-row-mt")).isEqualTo("1");
        assertThat(args).doesNotContain("-movflags");
    }

    @Test
    void mkvIsH264AndAacInMatroska() {
        var args = args(exact(0, 5, null, null, OutputFormat.MKV));

        assertThat(valueOf(args, "-c:v")).isEqualTo("libx264");
        assertThat(valueOf(args, "-c:a")).isEqualTo("aac");
        assertThat(valueOf(args, "-f")).isEqualTo("matroska");
        assertThat(args).doesNotContain("-movflags");
    }

    @Test
    void movIsH264AndAacWithFaststart() {
        var args = args(exact(0, 5, null, null, OutputFormat.MOV));

        assertThat(valueOf(args, "-c:v")).isEqualTo("libx264");
        assertThat(valueOf(args, "-c:a")).isEqualTo("aac");
        assertThat(valueOf(args, "-f")).isEqualTo("mov");
        assertThat(valueOf(args, "-movflags")).isEqualTo("+faststart");
    }

    @Test
    void gifHasNoAudioAndUsesItsOwnPalette() {
        var args = args(exact(0, 3, 320, null, OutputFormat.GIF));

        assertThat(args).contains("-an");
        assertThat(valueOf(args, "-vf"))
                .startsWith("fps=" + FfmpegCommand.GIF_FRAME_RATE
                        + ",scale=320:round(320*ih/(iw*sar)/2)*2:flags=lanczos,setsar=1,")
                .contains("palettegen", "paletteuse");
        assertThat(valueOf(args, "-f")).isEqualTo("gif");
        assertThat(args).doesNotContain("-c:a");
    }

    @Test
    void gifIsNeverAStreamCopy() {
        assertThat(FfmpegCommand.streamCopies(keyframe(0, 3, OutputFormat.GIF))).isFalse();
        assertThat(args(keyframe(0, 3, OutputFormat.GIF))).doesNotContain("copy");
    }

    @Test
    void mp3DropsVideoAndEncodesWithLame() {
        var args = args(exact(0, 5, null, null, OutputFormat.MP3));

        assertThat(args).contains("-vn");
        assertThat(valueOf(args, "-c:a")).isEqualTo("libmp3lame");
        assertThat(args).doesNotContain("-c:v", "-vf");
        assertThat(valueOf(args, "-f")).isEqualTo("mp3");
    }

    @Test
    void keyframeMp3CopiesOnlyTheAudio() {
        var args = args(keyframe(0, 5, OutputFormat.MP3));

        assertThat(args).contains("-vn");
        assertThat(valueOf(args, "-c:a")).isEqualTo("copy");
    }

    @ParameterizedTest
    @EnumSource(
            value = OutputFormat.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"JPG", "PNG", "WEBP"})
    void everyFormatIsCappedAtTheMaximumOutputSize(OutputFormat format) {
        assertThat(valueOf(args(exact(0, 5, null, null, format)), "-fs")).isEqualTo(Long.toString(MAX));
    }

    @ParameterizedTest
    @EnumSource(
            value = OutputFormat.class,
            mode = EnumSource.Mode.EXCLUDE,
            names = {"JPG", "PNG", "WEBP"})
    void everyFormatDropsSubtitleAndDataTracks(OutputFormat format) {
        assertThat(args(exact(0, 5, null, null, format))).contains("-sn", "-dn");
    }

    @Test
    void aSourceReadOverHttpGetsANetworkTimeoutBeforeTheInput() {
        var args = args(exact(0, 5, null, null, OutputFormat.MP4));

        assertThat(valueOf(args, "-rw_timeout")).isEqualTo("30000000");
        assertThat(args.indexOf("-rw_timeout")).isLessThan(args.indexOf("-i"));
    }

    @Test
    void aLocalSourceGetsNoNetworkTimeout() {
        var operations = exact(0, 5, null, null, OutputFormat.MP4);

        assertThat(FfmpegCommand.arguments(operations, "/data/source.mp4", OUTPUT, MAX, THREADS))
                .doesNotContain("-rw_timeout");
    }

    @Test
    void theInputAppearsExactlyOnceAndIsNeverSplit() {
        var args = args(exact(0, 5, null, null, OutputFormat.MP4));

        assertThat(Collections.frequency(args, INPUT)).isEqualTo(1);
    }

    @Test
    void aSourceOverHttpMayOnlyBeReadOverHttpWithTheDemuxersTheApiProbesWith() {
        var args = args(exact(0, 5, null, null, OutputFormat.MP4));

        assertThat(valueOf(args, "-protocol_whitelist")).isEqualTo("http,https,tcp,tls");
        assertThat(valueOf(args, "-format_whitelist"))
                .isEqualTo(FfmpegCommand.FORMAT_WHITELIST)
                .contains("mov");
        assertThat(args.indexOf("-protocol_whitelist")).isLessThan(args.indexOf("-i"));
        assertThat(args.indexOf("-format_whitelist")).isLessThan(args.indexOf("-i"));
        assertThat(FfmpegCommand.FORMAT_WHITELIST).doesNotContain("hls", "concat", "lavfi", "image2");
    }

    @Test
    void aLocalSourceMayOnlyBeReadAsAFile() {
        var operations = exact(0, 5, null, null, OutputFormat.MP4);

        var args = FfmpegCommand.arguments(operations, "/data/source.mp4", OUTPUT, MAX, THREADS);

        assertThat(valueOf(args, "-protocol_whitelist")).isEqualTo("file");
    }

    @Test
    void decoderAndEncoderGetTheConfiguredThreadsNotEveryCoreOfTheNode() {
        var args = args(exact(0, 5, 640, null, OutputFormat.MP4));

        var first = args.indexOf("-threads");
        var last = args.lastIndexOf("-threads");
        assertThat(first).isLessThan(args.indexOf("-i"));
        assertThat(last).isGreaterThan(args.indexOf("-i"));
        assertThat(args.get(first + 1)).isEqualTo("2");
        assertThat(args.get(last + 1)).isEqualTo("2");
    }
}

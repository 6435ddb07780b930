package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.worker.testmedia.GeneratedMedia;

/**
 * Small files (1–3 s) that look like what phones, cameras, capture cards, broadcast and screen recorders produce,
 * generated with ffmpeg's lavfi sources: rotation, odd sizes, 4:4:4, variable frame rate, no sound, 10-bit HEVC,
 * interlacing, several tracks with subtitles, VP9/Opus, very short clips, non-square pixels, a start offset, GIF,
 * MJPEG, full range and MPEG-TS under an .mp4 name.
 */
final class MediaCorpus {

    /**
     * One file of the corpus.
     *
     * @param file its name; the extension need not match the container (as uploads' names do not)
     * @param format the format a task without one produces (the api's {@code TaskPlanner.sourceFormat})
     * @param copyable whether a keyframe trim into {@code format} copies the streams
     * @param seconds the content's duration
     * @param rotate the rotation written into the file afterwards, as phones do, or null
     * @param encode ffmpeg's inputs and output options
     */
    record Sample(
            String file, OutputFormat format, boolean copyable, double seconds, Integer rotate, List<String> encode) {

        @Override
        public String toString() {
            return file;
        }
    }

    static final String SUBTITLES = "subtitles.srt";

    private static final String H264 = "-c:v libx264 -preset ultrafast -pix_fmt yuv420p";

    static final Sample ROTATED_90 = phone(90);
    static final Sample ROTATED_180 = phone(180);
    static final Sample ROTATED_270 = phone(270);
    static final Sample ODD_SIZE_444 = sample(
            "odd-size-444.mkv",
            OutputFormat.MKV,
            true,
            2,
            picture("321x241", 25, 2),
            "-c:v libx264 -preset ultrafast -pix_fmt yuv444p");
    static final Sample VARIABLE_RATE = sample(
            "screen-24-then-60fps.mp4",
            OutputFormat.MP4,
            true,
            2,
            picture("320x240", 24, 1),
            picture("320x240", 60, 1),
            "-filter_complex [0:v][1:v]concat=n=2:v=1:a=0[v] -map [v]",
            H264,
            "-fps_mode vfr");
    static final Sample SILENT = sample("silent.mp4", OutputFormat.MP4, true, 2, picture("320x240", 30, 2), H264);
    static final Sample HEVC_10_BIT = sample(
            "hevc-10bit.mp4",
            OutputFormat.MP4,
            true,
            2,
            picture("320x240", 25, 2),
            sound(2, 440),
            "-c:v libx265 -preset ultrafast -pix_fmt yuv420p10le -tag:v hvc1 -x265-params log-level=error",
            "-c:a aac");
    static final Sample INTERLACED = sample(
            "broadcast-interlaced.mpg",
            OutputFormat.MP4,
            false,
            2,
            // two moments a frame, one in each field, as a camera that films fields does
            picture("720x576", 50, 2),
            sound(2, 440),
            "-vf tinterlace=mode=interleave_top,setsar=64/45",
            "-c:v mpeg2video -flags +ilme+ildct -top 1 -b:v 2M -c:a mp2 -f mpeg");
    static final Sample MULTI_TRACK = sample(
            "two-languages-subtitled.mov",
            OutputFormat.MOV,
            true,
            2,
            picture("320x240", 25, 2),
            sound(2, 440),
            sound(2, 880),
            "-i " + SUBTITLES,
            "-map 0 -map 1 -map 2 -map 3",
            H264,
            "-c:a aac -c:s mov_text -metadata:s:a:1 language=fra");
    static final Sample VP9_OPUS = sample(
            "vp9-opus.webm",
            OutputFormat.WEBM,
            true,
            2,
            picture("320x240", 25, 2),
            sound(2, 440),
            "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -c:a libopus");
    static final Sample VERY_SHORT = sample(
            "very-short.mp4",
            OutputFormat.MP4,
            true,
            0.2,
            picture("320x240", 25, 0.2),
            sound(0.2, 440),
            H264,
            "-c:a aac -shortest");
    static final Sample NON_SQUARE = sample(
            "non-square-4-3.mp4",
            OutputFormat.MP4,
            true,
            2,
            picture("320x240", 25, 2),
            sound(2, 440),
            "-vf setsar=4/3",
            H264,
            "-c:a aac");
    static final Sample START_OFFSET = sample(
            "starts-at-10s.mkv",
            OutputFormat.MKV,
            true,
            2,
            picture("320x240", 25, 2),
            sound(2, 440),
            H264,
            "-c:a aac -output_ts_offset 10");
    static final Sample GIF = sample(
            "animated.gif",
            OutputFormat.GIF,
            false,
            2,
            picture("160x120", 10, 2),
            "-vf split[a][b];[a]palettegen[p];[b][p]paletteuse");
    static final Sample MJPEG = sample(
            "camera-mjpeg.avi",
            OutputFormat.MP4,
            false,
            2,
            picture("320x240", 25, 2),
            sound(2, 440),
            "-c:v mjpeg -q:v 5 -c:a pcm_s16le");
    static final Sample FULL_RANGE = sample(
            "full-range.mp4",
            OutputFormat.MP4,
            true,
            2,
            picture("320x240", 25, 2),
            "-c:v libx264 -preset ultrafast -pix_fmt yuvj420p -color_range pc");
    static final Sample TRANSPORT_STREAM = sample(
            "broadcast-ts-named.mp4",
            OutputFormat.MP4,
            true,
            3,
            picture("320x240", 25, 3),
            sound(3, 440),
            H264,
            "-g 50 -c:a aac -f mpegts");

    static final List<Sample> ALL = List.of(
            ROTATED_90,
            ROTATED_180,
            ROTATED_270,
            ODD_SIZE_444,
            VARIABLE_RATE,
            SILENT,
            HEVC_10_BIT,
            INTERLACED,
            MULTI_TRACK,
            VP9_OPUS,
            VERY_SHORT,
            NON_SQUARE,
            START_OFFSET,
            GIF,
            MJPEG,
            FULL_RANGE,
            TRANSPORT_STREAM);

    private MediaCorpus() {}

    /** The samples this machine's ffmpeg can make: HEVC needs libx265, which not every build has. */
    static List<Sample> available() throws IOException, InterruptedException {
        var encoders = MediaChecks.output(List.of("ffmpeg", "-hide_banner", "-encoders"));
        return ALL.stream()
                .filter(s -> s != HEVC_10_BIT || encoders.contains("libx265"))
                .toList();
    }

    /** Writes {@code samples} into {@code dir}, each under its file name. */
    static void generate(Path dir, List<Sample> samples) throws IOException, InterruptedException {
        Files.writeString(
                dir.resolve(SUBTITLES),
                "1\n00:00:00,000 --> 00:00:01,000\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\nWorld\n");
        for (var sample : samples) {
            var target = dir.resolve(sample.file());
            var encoded = sample.rotate() == null ? target : dir.resolve("unrotated-" + sample.file());
            GeneratedMedia.encode(dir, sample.encode(), encoded);
            if (sample.rotate() != null) {
                GeneratedMedia.encode(
                        dir,
                        GeneratedMedia.args(
                                List.of("-i", encoded.toString()), "-c copy -metadata:s:v:0 rotate=" + sample.rotate()),
                        target);
            }
        }
    }

    private static Sample sample(String file, OutputFormat format, boolean copyable, double seconds, String... encode) {
        return new Sample(file, format, copyable, seconds, null, args(encode));
    }

    private static Sample phone(int degrees) {
        return new Sample(
                "phone-rotated-" + degrees + ".mp4",
                OutputFormat.MP4,
                true,
                2,
                degrees,
                args(picture("320x180", 30, 2), sound(2, 440), H264, "-c:a aac"));
    }

    // seconds as a double: the corpus's commands say duration=2.0
    private static String picture(String size, int rate, double seconds) {
        return String.join(" ", GeneratedMedia.picture(size, rate, seconds));
    }

    private static String sound(double seconds, int frequency) {
        return String.join(" ", GeneratedMedia.sound(frequency, seconds));
    }

    private static List<String> args(String... words) {
        return GeneratedMedia.args((Object[]) words);
    }
}

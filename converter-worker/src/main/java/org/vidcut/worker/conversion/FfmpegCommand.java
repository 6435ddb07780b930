package org.vidcut.worker.conversion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.bramp.ffmpeg.builder.FFmpegBuilder;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.SourceFormats;

/**
 * Translates {@link Operations} into ffmpeg arguments. Pure: the same job always gives the same arguments, and
 * they are handed to ffmpeg as a list, never through a shell.
 */
final class FfmpegCommand {

    static final int GIF_FRAME_RATE = 12;
    static final long NETWORK_TIMEOUT_MICROS = 30_000_000L;

    /**
     * The demuxers a source may be read with: the same list the api probes uploads with
     * ({@code FfprobeVideoProber.FORMAT_WHITELIST}), so every accepted upload converts and no playlist (HLS,
     * concat) makes ffmpeg fetch other URLs or local files.
     */
    static final String FORMAT_WHITELIST = SourceFormats.DEMUXER_ALLOW_LIST;

    static final String REMOTE_PROTOCOLS = "http,https,tcp,tls";
    static final String LOCAL_PROTOCOLS = "file";

    private FfmpegCommand() {}

    /**
     * The wrapper's builder; {@code FFmpeg.run(builder, listener)} adds {@code -progress} when it runs it.
     *
     * @param input a presigned http(s) URL, or a local path (tests, a local object store)
     * @param threads decoder and encoder threads: ffmpeg's own default counts every core of the machine, and
     *     memory grows with threads (libx264 at 4K: 0.9 GB with 3 threads, 1.8 GB with 16)
     */
    static FFmpegBuilder builder(Operations operations, String input, Path output, long maxOutputBytes, int threads) {
        return builder(operations, SourceFacts.UNKNOWN, input, output, maxOutputBytes, threads);
    }

    /**
     * @param facts what ffprobe found in the source; without its streams ffmpeg picks one picture and one sound
     *     track itself and subtitles are left out
     */
    static FFmpegBuilder builder(
            Operations operations, SourceFacts facts, String input, Path output, long maxOutputBytes, int threads) {
        var builder = new FFmpegBuilder().overrideOutputFiles(true).addExtraArgs("-nostdin", "-hide_banner");
        var in = builder.setInput(input);
        var remote = input.startsWith("http://") || input.startsWith("https://");
        in.addExtraArgs("-protocol_whitelist", remote ? REMOTE_PROTOCOLS : LOCAL_PROTOCOLS);
        in.addExtraArgs("-format_whitelist", FORMAT_WHITELIST);
        in.addExtraArgs("-threads", Integer.toString(threads));
        if (remote) {
            // a stalled object store then fails the read as a network error (transient) instead of running
            // into the conversion's time limit (final)
            in.addExtraArgs("-rw_timeout", Long.toString(NETWORK_TIMEOUT_MICROS));
        }
        // before -i: seek in the input (fast, and with HTTP Range only the needed bytes are read)
        var start = operations.startSeconds();
        var keyframe = facts.keyframeSeconds();
        double skip = 0;
        if (start > 0 && streamCopies(operations)) {
            // a copy begins on the keyframe found; rounding it down would land on the one before
            in.addExtraArgs("-ss", keyframeSeconds(start));
        } else if (start > 0 && keyframe != null) {
            // a re-encode decodes from that keyframe and drops what lies before the start
            if (keyframe > 0) {
                in.addExtraArgs("-ss", keyframeSeconds(keyframe));
            }
            skip = start - Math.max(0, keyframe);
        } else if (start > 0) {
            in.addExtraArgs("-ss", seconds(start));
        }
        var out = in.done().addOutput(output.toString()).addExtraArgs("-threads", Integer.toString(threads));
        if (skip >= 0.0005) {
            out.addExtraArgs("-ss", seconds(skip));
        }
        return out.addExtraArgs(outputArguments(operations, facts.media(), maxOutputBytes)
                        .toArray(String[]::new))
                .done();
    }

    static List<String> arguments(Operations operations, String input, Path output, long maxOutputBytes, int threads) {
        return builder(operations, input, output, maxOutputBytes, threads).build();
    }

    static boolean streamCopies(Operations operations) {
        return operations.accuracy() == Accuracy.KEYFRAME
                && !operations.reencode()
                && !operations.resizes()
                && operations.format() != OutputFormat.GIF;
    }

    private static List<String> outputArguments(Operations operations, ProbedMedia source, long maxOutputBytes) {
        var args = new ArrayList<String>();
        args.addAll(List.of("-t", seconds(operations.outputSeconds())));
        var format = operations.format();
        var copies = streamCopies(operations);
        if (copies) {
            if (format == OutputFormat.MP3) {
                args.addAll(List.of("-vn", "-c:a", "copy"));
            } else {
                args.addAll(List.of("-c", "copy"));
            }
            // packets before the seek point (sound interleaved ahead of the keyframe) would play over no picture;
            // without them nothing is negative but B-frames' decoding times, which mp4's edit list keeps so the
            // first frame shows at 0 (shifting everything to zero would start the picture a few frames late)
            args.addAll(List.of("-copypriorss", "0"));
        } else {
            args.addAll(encoding(operations, source));
        }
        if (format == OutputFormat.MP4 || format == OutputFormat.MOV) {
            args.addAll(List.of("-movflags", "+faststart"));
        }
        if (source == null) {
            args.addAll(List.of("-sn", "-dn"));
        } else {
            args.addAll(StreamMapping.arguments(format, source, copies));
        }
        args.addAll(List.of("-fs", Long.toString(maxOutputBytes)));
        args.addAll(List.of("-f", muxer(format)));
        return args;
    }

    private static List<String> encoding(Operations operations, ProbedMedia source) {
        return switch (operations.format()) {
            case MP4, MKV, MOV ->
                picture(
                        operations,
                        source,
                        "-c:v",
                        "libx264",
                        "-preset",
                        "veryfast",
                        "-crf",
                        "23",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "aac",
                        "-b:a",
                        "128k");
            case WEBM ->
                picture(
                        operations,
                        source,
                        "-c:v",
                        "libvpx-vp9",
                        "-deadline",
                        "realtime",
                        "-cpu-used",
                        "8",
                        "-row-mt",
                        "1",
                        "-crf",
                        "33",
                        "-b:v",
                        "0",
                        "-pix_fmt",
                        "yuv420p",
                        "-c:a",
                        "libopus",
                        "-b:a",
                        "96k");
            case GIF -> List.of("-an", "-vf", VideoFilters.gif(operations, source, GIF_FRAME_RATE), "-loop", "0");
            case MP3 -> List.of("-vn", "-c:a", "libmp3lame", "-q:a", "2");
            case JPG, PNG, WEBP ->
                throw ConversionFailed.jobInvalid("invalid job: a still frame is made by StillFrame");
        };
    }

    /** A video re-encode's filters and timing, then its codecs. */
    private static List<String> picture(Operations operations, ProbedMedia source, String... codecs) {
        var args = new ArrayList<>(List.of(
                "-vf",
                VideoFilters.video(operations, source),
                // each frame keeps its own time: a mixed 24/60 fps source is not filled up to 120 fps
                "-fps_mode",
                "vfr"));
        args.addAll(List.of(codecs));
        return args;
    }

    static String muxer(OutputFormat format) {
        return switch (format) {
            case MP4 -> "mp4";
            case WEBM -> "webm";
            case MKV -> "matroska";
            case MOV -> "mov";
            case GIF -> "gif";
            case MP3 -> "mp3";
            case JPG, PNG -> "image2";
            case WEBP -> "webp";
        };
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** A keyframe's time, rounded up to the microsecond: ffmpeg then seeks to that keyframe, not the one before. */
    static String keyframeSeconds(double seconds) {
        return String.format(Locale.ROOT, "%.6f", Math.ceil(seconds * 1_000_000 - 1e-6) / 1_000_000);
    }
}

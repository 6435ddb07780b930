package org.vidcut.worker.conversion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.bramp.ffmpeg.builder.FFmpegBuilder;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
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
        var builder = new FFmpegBuilder().overrideOutputFiles(true).addExtraArgs("-nostdin", "-hide_banner");
        var source = builder.setInput(input);
        var remote = input.startsWith("http://") || input.startsWith("https://");
        source.addExtraArgs("-protocol_whitelist", remote ? REMOTE_PROTOCOLS : LOCAL_PROTOCOLS);
        source.addExtraArgs("-format_whitelist", FORMAT_WHITELIST);
        source.addExtraArgs("-threads", Integer.toString(threads));
        if (remote) {
            // a stalled object store then fails the read as a network error (transient) instead of running
            // into the conversion's time limit (final)
            source.addExtraArgs("-rw_timeout", Long.toString(NETWORK_TIMEOUT_MICROS));
        }
        if (operations.startSeconds() > 0) {
            // before -i: seek in the input (fast, and with HTTP Range only the needed bytes are read)
            source.addExtraArgs("-ss", seconds(operations.startSeconds()));
        }
        return source.done()
                .addOutput(output.toString())
                .addExtraArgs("-threads", Integer.toString(threads))
                .addExtraArgs(outputArguments(operations, maxOutputBytes).toArray(String[]::new))
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

    private static List<String> outputArguments(Operations operations, long maxOutputBytes) {
        var args = new ArrayList<String>();
        args.addAll(List.of("-t", seconds(operations.outputSeconds())));
        var format = operations.format();
        if (streamCopies(operations)) {
            if (format == OutputFormat.MP3) {
                args.addAll(List.of("-vn", "-c:a", "copy"));
            } else {
                args.addAll(List.of("-c", "copy"));
            }
            args.addAll(List.of("-avoid_negative_ts", "make_zero"));
        } else {
            args.addAll(encoding(operations));
        }
        if (format == OutputFormat.MP4 || format == OutputFormat.MOV) {
            args.addAll(List.of("-movflags", "+faststart"));
        }
        // subtitles and data tracks rarely survive a container change; a video service delivers picture and sound
        args.addAll(List.of("-sn", "-dn"));
        args.addAll(List.of("-fs", Long.toString(maxOutputBytes)));
        args.addAll(List.of("-f", muxer(format)));
        return args;
    }

    private static List<String> encoding(Operations operations) {
        return switch (operations.format()) {
            case MP4, MKV, MOV ->
                List.of(
                        "-vf",
                        scale(operations),
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
                List.of(
                        "-vf",
                        scale(operations),
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
            case GIF -> List.of("-an", "-vf", gifFilter(operations), "-loop", "0");
            case MP3 -> List.of("-vn", "-c:a", "libmp3lame", "-q:a", "2");
            case JPG, PNG, WEBP -> throw new JobInvalid("invalid job: a still frame is made by StillFrame");
        };
    }

    /**
     * The scale filter. One dimension alone keeps the aspect ratio ({@code -2}: the other side is derived and
     * rounded to an even number). Without a resize the size is only rounded down to even numbers, which
     * yuv420p encoders need.
     */
    static String scale(Operations operations) {
        if (!operations.resizes()) {
            return "scale=trunc(iw/2)*2:trunc(ih/2)*2";
        }
        return "scale=" + dimension(operations.width()) + ":" + dimension(operations.height());
    }

    private static String gifFilter(Operations operations) {
        var size = operations.resizes()
                ? "scale=" + dimension(operations.width()) + ":" + dimension(operations.height()) + ":flags=lanczos,"
                : "";
        // a palette computed from the clip itself instead of the generic 256 colours keeps gifs watchable
        return "fps=" + GIF_FRAME_RATE + "," + size + "split[a][b];[a]palettegen[p];[b][p]paletteuse";
    }

    private static String dimension(Integer pixels) {
        return pixels == null ? "-2" : Integer.toString(pixels);
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
}

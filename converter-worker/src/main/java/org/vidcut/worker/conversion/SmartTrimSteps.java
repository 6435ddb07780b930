package org.vidcut.worker.conversion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;

/**
 * The ffprobe and ffmpeg command lines of a {@link SmartTrim}, as argument lists. Pure: the same values give the
 * same arguments. The source is read with the same protocol and demuxer allow-lists as every conversion.
 */
record SmartTrimSteps(String ffmpeg, String ffprobe, int threads, long maxOutputBytes) {

    /** The container's start and every stream's coding: one small read at the head of the source. */
    List<String> describe(String input) {
        var args = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        args.addAll(SourceOptions.of(input));
        args.addAll(List.of("-show_entries", SourceVideo.ENTRIES, "-of", "compact", input));
        return args;
    }

    /** The video packets from the keyframe at or before {@code from} to {@code to} (absolute times). */
    List<String> packets(String input, double from, double to) {
        var args = new ArrayList<>(List.of(ffprobe, "-v", "error"));
        args.addAll(SourceOptions.of(input));
        args.addAll(List.of(
                "-select_streams",
                "v:0",
                "-read_intervals",
                SmartTrim.exact(from) + "%" + SmartTrim.exact(to),
                "-show_entries",
                KeyframeIndex.ENTRIES,
                "-of",
                "compact",
                input));
        return args;
    }

    /** Re-encodes {@code frames} pictures from {@code seek} (counted like {@code -ss}) to match the source. */
    List<String> encode(String input, double seek, int frames, SourceVideo video, Path target) {
        var args = ffmpegCommand();
        args.addAll(SourceOptions.of(input));
        args.addAll(seek(seek));
        args.addAll(List.of("-threads", Integer.toString(threads), "-i", input, "-map", "0:v:0"));
        args.addAll(List.of("-frames:v", Integer.toString(frames)));
        // each source timestamp kept as it is: no picture duplicated or dropped, variable frame rates stay
        args.addAll(List.of("-fps_mode", "passthrough", "-threads", Integer.toString(threads)));
        args.addAll(video.edgeEncoding());
        args.addAll(List.of("-f", "mpegts", target.toString()));
        return args;
    }

    /** Copies {@code frames} packets from the keyframe just after {@code seek}: the untouched middle. */
    List<String> copy(String input, double seek, int frames, Path target) {
        var args = ffmpegCommand();
        args.addAll(SourceOptions.of(input));
        // a stream copy seeks to the keyframe before -ss and drops what lies before it, so it starts exactly at
        // the keyframe just after
        args.addAll(seek(seek));
        args.addAll(List.of(
                "-i",
                input,
                "-map",
                "0:v:0",
                "-frames:v",
                Integer.toString(frames),
                "-c",
                "copy",
                "-f",
                "mpegts",
                target.toString()));
        return args;
    }

    /** Joins the parts without a re-encode and adds the audio of the exact range, re-encoded. */
    List<String> join(Path concatList, String input, Operations operations, SourceVideo video, Path output) {
        var args = ffmpegCommand();
        args.addAll(List.of("-protocol_whitelist", FfmpegCommand.LOCAL_PROTOCOLS, "-f", "concat"));
        args.addAll(List.of("-i", concatList.toString()));
        var format = operations.format();
        if (video.hasAudio()) {
            args.addAll(SourceOptions.of(input));
            args.addAll(seek(operations.startSeconds()));
            args.addAll(List.of("-t", SmartTrim.exact(operations.outputSeconds()), "-i", input));
        }
        args.addAll(List.of("-map", "0:v:0"));
        if (video.hasAudio()) {
            args.addAll(List.of("-map", "1:a", "-c:a", "aac", "-b:a", "128k"));
        }
        args.addAll(List.of("-c:v", "copy", "-threads", Integer.toString(threads)));
        if (format == OutputFormat.MP4 || format == OutputFormat.MOV) {
            if (video.timescale() > 0) {
                args.addAll(List.of("-video_track_timescale", Long.toString(video.timescale())));
            }
            args.addAll(List.of("-movflags", "+faststart"));
        }
        args.addAll(List.of("-sn", "-dn", "-fs", Long.toString(maxOutputBytes)));
        args.addAll(List.of("-f", FfmpegCommand.muxer(format), output.toString()));
        return args;
    }

    /** Every video packet's time in the result: a picture missing or shown twice at a join shows here. */
    List<String> outputPackets(Path output) {
        return List.of(
                ffprobe,
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                KeyframeIndex.ENTRIES,
                "-of",
                "compact",
                output.toString());
    }

    /** Decodes the result's video from {@code from} for {@code seconds} (NaN: to the end); prints only errors. */
    List<String> decode(Path output, double from, double seconds) {
        var args = ffmpegCommand();
        args.addAll(seek(from));
        args.addAll(List.of("-threads", Integer.toString(threads), "-i", output.toString(), "-map", "0:v:0"));
        if (!Double.isNaN(seconds)) {
            args.addAll(List.of("-t", SmartTrim.exact(seconds)));
        }
        args.addAll(List.of("-f", "null", "-"));
        return args;
    }

    private ArrayList<String> ffmpegCommand() {
        return new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y"));
    }

    private static List<String> seek(double seconds) {
        return seconds > 0 ? List.of("-ss", SmartTrim.exact(seconds)) : List.of();
    }
}

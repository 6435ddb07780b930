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

    /** Copies {@code frames} packets from the keyframe at {@code keyframe} (counted like {@code -ss}): the middle. */
    List<String> copy(String input, double keyframe, int frames, Path target) {
        var args = ffmpegCommand();
        args.addAll(SourceOptions.of(input));
        // a stream copy starts at the keyframe at or before -ss and keeps what lies between it and -ss: the seek
        // must not fall short of the keyframe, or the copy begins a whole GOP early
        if (keyframe > 0) {
            args.addAll(List.of("-ss", FfmpegCommand.keyframeSeconds(keyframe)));
        }
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

    /**
     * Joins the parts without a re-encode and adds the audio of the exact range: AAC copied in whole frames (the cut
     * lands within one frame, 21 ms at 48 kHz, of the asked time), any other codec re-encoded to AAC.
     */
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
            args.addAll(List.of("-map", "1:a"));
            args.addAll(video.audioIsAac() ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-b:a", "128k"));
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

    /** A stretch of the result to decode: {@code seconds} from {@code from}, NaN to the end. */
    record Window(double from, double seconds) {}

    /** Decodes the windows of the result's video in one run, each opened as an input of its own; prints only errors. */
    List<String> decode(Path output, List<Window> windows) {
        var args = ffmpegCommand();
        for (var window : windows) {
            args.addAll(seek(window.from()));
            if (!Double.isNaN(window.seconds())) {
                args.addAll(List.of("-t", SmartTrim.exact(window.seconds())));
            }
            args.addAll(List.of("-threads", Integer.toString(threads), "-i", output.toString()));
        }
        for (int i = 0; i < windows.size(); i++) {
            args.addAll(List.of("-map", i + ":v:0"));
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

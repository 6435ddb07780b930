package org.vidcut.worker.conversion;

import java.util.ArrayList;
import java.util.List;

/**
 * The input options every extra ffmpeg or ffprobe run over the source takes, as {@link FfmpegCommand} gives them
 * to the conversion: only the protocols and demuxers of the allow-lists, and a network timeout for a remote source.
 */
final class SourceOptions {

    private SourceOptions() {}

    static List<String> of(String input) {
        var remote = input.startsWith("http://") || input.startsWith("https://");
        var args = new ArrayList<>(List.of(
                "-protocol_whitelist",
                remote ? FfmpegCommand.REMOTE_PROTOCOLS : FfmpegCommand.LOCAL_PROTOCOLS,
                "-format_whitelist",
                FfmpegCommand.FORMAT_WHITELIST));
        if (remote) {
            args.addAll(List.of("-rw_timeout", Long.toString(FfmpegCommand.NETWORK_TIMEOUT_MICROS)));
        }
        return args;
    }
}

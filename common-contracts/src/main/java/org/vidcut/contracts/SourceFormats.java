package org.vidcut.contracts;

/**
 * The demuxers a source video may be read with, by the api's probe and by the worker's ffmpeg alike: every
 * accepted upload converts, and no playlist format (HLS, concat) can make ffmpeg fetch other URLs or local files.
 */
public final class SourceFormats {

    /** ffmpeg's {@code -format_whitelist} value. */
    public static final String DEMUXER_ALLOW_LIST = String.join(
            ",",
            "mov",
            "matroska",
            "webm",
            "avi",
            "flv",
            "mpegts",
            "mpeg",
            "mpegvideo",
            "m4v",
            "ogg",
            "asf",
            "mxf",
            "gif",
            "h264",
            "hevc",
            "dv",
            "nut",
            "rm",
            "ivf",
            "yuv4mpegpipe",
            "wtv",
            "mjpeg");

    private SourceFormats() {}
}

package org.vidcut.api.video;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;

/**
 * The media type of an upload, from the container ffprobe found in its bytes. What the client declared is never
 * used: a video uploaded as {@code text/html} would otherwise be served back as a page.
 */
final class ContainerTypes {

    private static final Set<String> WEBM_CODECS = Set.of("vp8", "vp9", "av1");

    private record Known(String demuxer, String mediaType) {}

    private static final List<Known> KNOWN = List.of(
            new Known("mp4", "video/mp4"),
            new Known("mov", "video/quicktime"),
            new Known("matroska", "video/x-matroska"),
            new Known("avi", "video/x-msvideo"),
            new Known("flv", "video/x-flv"),
            new Known("mpegts", "video/mp2t"),
            new Known("mpeg", "video/mpeg"),
            new Known("ogg", "video/ogg"),
            new Known("asf", "video/x-ms-asf"),
            new Known("gif", "image/gif"));

    private ContainerTypes() {}

    /**
     * @param container ffprobe's {@code format_name}, a comma-separated list of demuxer names
     * @param videoCodec the first video stream's codec, which tells WebM from other Matroska files
     */
    static String mediaType(String container, String videoCodec) {
        var names = Arrays.asList(container.toLowerCase(Locale.ROOT).split(","));
        if (names.contains("webm") && WEBM_CODECS.contains(videoCodec.toLowerCase(Locale.ROOT))) {
            return "video/webm";
        }
        return KNOWN.stream()
                .filter(known -> names.contains(known.demuxer()))
                .map(Known::mediaType)
                .findFirst()
                .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }
}

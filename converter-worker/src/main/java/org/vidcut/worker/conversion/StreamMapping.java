package org.vidcut.worker.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.Track;

/**
 * Which of the source's streams go into the result: the main picture, every sound track the container can hold
 * and the subtitles it can carry (see docs/decisions.md, "Real media", for what is dropped where). Cover art,
 * data and attachment streams never do.
 */
final class StreamMapping {

    private static final Set<String> TEXT_SUBTITLES =
            Set.of("subrip", "srt", "ass", "ssa", "mov_text", "webvtt", "text");
    private static final Set<String> PICTURE_SUBTITLES = Set.of("dvd_subtitle", "hdmv_pgs_subtitle", "dvb_subtitle");
    private static final Set<String> MP4_AUDIO = Set.of("aac", "mp3", "ac3", "eac3", "alac");
    private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

    private StreamMapping() {}

    /**
     * The {@code -map} options and the subtitle codecs, to follow the general codec options (the last matching
     * codec option wins in ffmpeg).
     *
     * @param copies whether the picture and sound are copied, so a sound track must fit the container as it is
     */
    static List<String> arguments(OutputFormat format, ProbedMedia source, boolean copies) {
        var args = new ArrayList<String>();
        if (format.hasVideo() && source.hasVideo()) {
            args.addAll(map(source.videoIndex()));
        }
        if (format.hasAudio()) {
            var audio = source.tracks(Track.AUDIO);
            for (var track :
                    format == OutputFormat.MP3 ? audio.stream().limit(1).toList() : audio) {
                if (!copies || fits(format, track.codec())) {
                    args.addAll(map(track.index()));
                }
            }
        }
        int subtitle = 0;
        for (var track : source.tracks(Track.SUBTITLE)) {
            var codec = subtitleCodec(format, track.codec());
            if (codec != null) {
                args.addAll(map(track.index()));
                args.addAll(List.of("-c:s:" + subtitle++, codec));
            }
        }
        return args;
    }

    /** What a subtitle becomes in {@code format}, or null when it is dropped. */
    static String subtitleCodec(OutputFormat format, String codec) {
        boolean text = TEXT_SUBTITLES.contains(codec);
        return switch (format) {
            // Matroska holds every kind but not mov_text's own packets
            case MKV -> "mov_text".equals(codec) ? "srt" : text || PICTURE_SUBTITLES.contains(codec) ? "copy" : null;
            case MP4, MOV -> text ? "mov_text" : null;
            case WEBM -> text ? "webvtt" : null;
            case GIF, MP3, JPG, PNG, WEBP -> null;
        };
    }

    /** Whether a sound track can be copied into {@code format} unchanged. */
    static boolean fits(OutputFormat format, String codec) {
        return switch (format) {
            case MP4 -> MP4_AUDIO.contains(codec);
            case MOV -> MP4_AUDIO.contains(codec) || codec.startsWith("pcm_");
            case WEBM -> WEBM_AUDIO.contains(codec);
            case MKV -> true;
            case MP3 -> "mp3".equals(codec);
            case GIF, JPG, PNG, WEBP -> false;
        };
    }

    private static List<String> map(int index) {
        return List.of("-map", "0:" + index);
    }
}

package org.vidcut.contracts;

/**
 * One stream of a file as clients see it in the video and result views.
 *
 * @param index the stream's position in its file, as ffprobe and ffmpeg's {@code -map 0:N} count
 * @param type {@code video}, {@code audio} or {@code subtitle}
 * @param codec ffprobe's codec name, e.g. {@code h264}, {@code aac}, {@code mov_text}
 * @param language the language tag (ISO 639-2, e.g. {@code eng}), null when the file names none
 */
public record Track(int index, String type, String codec, String language) {

    public static final String VIDEO = "video";
    public static final String AUDIO = "audio";
    public static final String SUBTITLE = "subtitle";
}

package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Containers a task may produce; the name is what clients send as {@code format}. */
public enum OutputFormat {
    MP4("mp4", true, true, "video/mp4"),
    WEBM("webm", true, true, "video/webm"),
    MKV("mkv", true, true, "video/x-matroska"),
    MOV("mov", true, true, "video/quicktime"),
    GIF("gif", true, false, "image/gif"),
    MP3("mp3", false, true, "audio/mpeg"),
    /** A still frame: one picture at the task's start. */
    JPG("jpg", true, false, "image/jpeg"),
    PNG("png", true, false, "image/png"),
    WEBP("webp", true, false, "image/webp");

    private final String id;
    private final boolean video;
    private final boolean audio;
    private final String contentType;

    OutputFormat(String id, boolean video, boolean audio, String contentType) {
        this.id = id;
        this.video = video;
        this.audio = audio;
        this.contentType = contentType;
    }

    /** The media type a result of this format is stored and served with. */
    public String contentType() {
        return contentType;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public boolean hasVideo() {
        return video;
    }

    public boolean hasAudio() {
        return audio;
    }

    /** Whether a result of this format is one picture, taken at the task's start, with no duration. */
    public boolean isStill() {
        return this == JPG || this == PNG || this == WEBP;
    }

    public String fileExtension() {
        return id;
    }

    public static Optional<OutputFormat> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        var wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }

    @JsonCreator
    static OutputFormat fromJson(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown format: " + id));
    }
}

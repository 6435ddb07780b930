package org.vidcut.api.compat.files;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The bodies of {@code /file}, spelled as the earlier system's clients send and read them. */
final class FileMessages {

    private FileMessages() {}

    /** Values stay untyped so that {@code "aa"} or {@code "null"} is a 400 naming the field, not a parse error. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Resize(
            @Schema(
                    type = "integer",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "640",
                    description = "even, more than 20")
            @Nullable
            Object width,

            @Schema(
                    type = "integer",
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "360",
                    description = "even, more than 20")
            @Nullable
            Object height) {}

    record Uploaded(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id) {}

    record Outcome(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean success) {}

    /**
     * @param processing whether a resize is waiting or running
     * @param processingSuccess how the latest finished resize ended; null until one did
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FileStatus(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String filename,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            boolean processing,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true)
            @JsonProperty("processingSuccess")
            @Nullable
            Boolean processingSuccess) {}
}

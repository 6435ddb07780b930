package org.vidcut.api.compat.conversions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of {@code /api}, spelled as the earlier system's clients send and read them. Requests ignore fields
 * they do not know: those clients were never told about a stricter contract.
 */
final class ConversionMessages {

    private ConversionMessages() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Signup(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada") @Nullable
            String username,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", example = "correct horse battery")
            @JsonProperty("password1")
            @Nullable
            String password1,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", example = "correct horse battery")
            @JsonProperty("password2")
            @Nullable
            String password2,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada@example.org") @Nullable
            String email) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignIn(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ada") @Nullable
            String username,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "password", example = "correct horse battery")
            @Nullable
            String password) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateConversion(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "the id of one of your videos") @Nullable
            String file,

            @Schema(description = "mp4, webm, mkv, mov, gif or mp3; default: the source's format", example = "mp4")
            @JsonProperty("conversion_type")
            @Nullable
            String conversionType) {}

    record SignedUp(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String message,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id) {}

    record LoggedIn(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String message,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String token,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id) {}

    record ConversionStarted(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String message,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("task_id")
            String taskId) {}

    record TaskList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<TaskItem> tasks) {}

    record TaskItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("task_id")
            String taskId,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @JsonProperty("conversion_type")
            String conversionType,

            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"PENDING", "STARTED", "SUCCESS", "FAILURE", "REVOKED"})
            String status) {}

    /** {@code result} is null until the task ended, as a Celery result is. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TaskStatus(
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"PENDING", "STARTED", "SUCCESS", "FAILURE", "REVOKED"})
            String state,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true) @Nullable
            String result) {}
}

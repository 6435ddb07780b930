package org.vidcut.api.limits;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Abuse limits ({@code vidcut.limits.*}).
 *
 * @param signupsPerMinute user creations (anonymous or named) per client address
 * @param failedLoginsPerMinute failed logins per username; over it, logins of that name are refused for the minute
 * @param failedLoginsPerAddressPerMinute failed logins per client address, whatever the username
 * @param tasksPerMinute task creations per user
 * @param activeTasks tasks of one user that are not finished yet
 * @param storage bytes one user may keep stored (originals and results)
 */
@Validated
@ConfigurationProperties("vidcut.limits")
record LimitProperties(
        @Min(1) int signupsPerMinute,
        @Min(1) int failedLoginsPerMinute,
        @Min(1) int failedLoginsPerAddressPerMinute,
        @Min(1) int tasksPerMinute,
        @Min(1) int activeTasks,
        @NotNull DataSize storage) {

    @AssertTrue(message = "vidcut.limits.storage must be positive")
    boolean isStoragePositive() {
        return storage == null || storage.toBytes() > 0;
    }
}

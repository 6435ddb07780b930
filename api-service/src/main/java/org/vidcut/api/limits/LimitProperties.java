package org.vidcut.api.limits;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
        @DefaultValue("20") @Min(1) int signupsPerMinute,
        @DefaultValue("10") @Min(1) int failedLoginsPerMinute,
        @DefaultValue("30") @Min(1) int failedLoginsPerAddressPerMinute,
        @DefaultValue("120") @Min(1) int tasksPerMinute,
        @DefaultValue("100") @Min(1) int activeTasks,
        @DefaultValue("50GB") DataSize storage) {

    LimitProperties {
        if (storage.toBytes() <= 0) {
            throw new IllegalArgumentException("vidcut.limits.storage must be positive, was " + storage);
        }
    }
}

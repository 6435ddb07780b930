package org.vidcut.api.limits;

import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The one place the features ask before doing something a hostile user could repeat: create a user, try a
 * password, create a task, store bytes. Quotas are checked against counts read just before, so a burst of
 * parallel requests can overshoot a quota by the number of requests in flight; the rates cap such bursts.
 */
@Service
public class UserLimits {

    /** Running tasks end by themselves: a client over the active-tasks quota may try again soon. */
    static final Duration ACTIVE_TASKS_RETRY = Duration.ofSeconds(30);

    private final LimitProperties properties;
    private final RateCounters rates;
    private final TaskUsage tasks;
    private final VideoUsage videos;
    private final ReservedStorage reserved;

    UserLimits(
            LimitProperties properties,
            RateCounters rates,
            TaskUsage tasks,
            VideoUsage videos,
            ReservedStorage reserved) {
        this.properties = properties;
        this.rates = rates;
        this.tasks = tasks;
        this.videos = videos;
        this.reserved = reserved;
    }

    public void admitSignup(String clientAddress) {
        rates.hit("signups", clientAddress, properties.signupsPerMinute(), "new users per minute from one address");
    }

    /** Called before the password is checked, so a locked-out guesser does not even cost a hash. */
    public void admitLogin(String username, String clientAddress) {
        rates.requireBelow(
                "failed-logins",
                usernameKey(username),
                properties.failedLoginsPerMinute(),
                "failed logins per minute for one username");
        rates.requireBelow(
                "failed-logins-address",
                clientAddress,
                properties.failedLoginsPerAddressPerMinute(),
                "failed logins per minute from one address");
    }

    public void recordFailedLogin(String username, String clientAddress) {
        rates.record("failed-logins", usernameKey(username));
        rates.record("failed-logins-address", clientAddress);
    }

    public void admitTask(String userId) {
        long active = tasks.activeTasks(userId);
        if (active >= properties.activeTasks()) {
            throw new QuotaExceeded(
                    "active-tasks",
                    "at most " + properties.activeTasks()
                            + " tasks waiting or processing at a time; wait for some to finish",
                    ACTIVE_TASKS_RETRY);
        }
        rates.hit("tasks", userId, properties.tasksPerMinute(), "new tasks per minute");
    }

    /** @param incomingBytes the size of what is about to be stored */
    public void admitStorage(String userId, long incomingBytes) {
        long stored = storageBytes(userId);
        long quota = properties.storage().toBytes();
        if (stored + incomingBytes > quota) {
            throw new QuotaExceeded(
                    "storage",
                    quota + " bytes per user, " + stored + " in use; delete videos or results to make room",
                    null);
        }
    }

    public Usage usage(String userId) {
        return new Usage(videos.videos(userId), storageBytes(userId), tasks.activeTasks(userId));
    }

    public Limits limits() {
        return new Limits(
                properties.storage().toBytes(),
                properties.activeTasks(),
                properties.tasksPerMinute(),
                properties.signupsPerMinute(),
                properties.failedLoginsPerMinute());
    }

    /** Open direct uploads count by their declared size, so a quota cannot be outrun by uploading in parallel. */
    private long storageBytes(String userId) {
        return videos.originalBytes(userId) + tasks.resultBytes(userId) + reserved.reservedBytes(userId);
    }

    private static String usernameKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}

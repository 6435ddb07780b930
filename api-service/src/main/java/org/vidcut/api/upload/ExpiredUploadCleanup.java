package org.vidcut.api.upload;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Aborts uploads not completed within their expiry and removes their parts, and finishes aborts a failure
 * interrupted. Each upload is claimed first, so the job runs on every replica without two removing the same one.
 */
@Component
class ExpiredUploadCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredUploadCleanup.class);
    private static final int BATCH = 100;

    private final UploadRecords uploads;
    private final UploadService service;
    private final Clock clock;

    ExpiredUploadCleanup(UploadRecords uploads, UploadService service, ObjectProvider<Clock> clock) {
        this.uploads = uploads;
        this.service = service;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** @return how many uploads were removed */
    @Scheduled(
            fixedDelayString = "${vidcut.upload.cleanup-interval}",
            initialDelayString = "${vidcut.upload.cleanup-interval}")
    int removeExpired() {
        int removed = 0;
        for (int i = 0; i < BATCH; i++) {
            var now = clock.instant();
            var claimed = uploads.claimForCleanup(now, now.plus(UploadService.LEASE));
            if (claimed.isEmpty()) {
                break;
            }
            try {
                service.remove(claimed.get());
                removed++;
            } catch (RuntimeException e) {
                // the lease runs out and a later run tries again
                log.warn("could not remove upload {}: {}", claimed.get().id(), e.toString());
                break;
            }
        }
        return removed;
    }
}

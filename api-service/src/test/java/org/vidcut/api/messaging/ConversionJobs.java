package org.vidcut.api.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;

/** Jobs as the api hands them to the broker, for the messaging tests. */
final class ConversionJobs {

    private ConversionJobs() {}

    /** Attempt 2 of a fresh task: 1 s to 5 s of a 60 s source, 640 wide, exact, re-encoded to mp4. */
    static ConversionJob aJob() {
        return new ConversionJob(
                "t-" + UUID.randomUUID(),
                2,
                "originals/u1/v1",
                "results/u1/t1/2.mp4",
                60,
                new Operations(1, 5, 640, null, OutputFormat.MP4, Accuracy.EXACT, true),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}

package org.vidcut.worker.messaging;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Whether the worker still takes jobs; flipped once when the application context starts closing. */
final class Lifecycle {

    private final CountDownLatch stopped = new CountDownLatch(1);

    boolean stopping() {
        return stopped.getCount() == 0;
    }

    void stop() {
        stopped.countDown();
    }

    /** Waits up to {@code timeout} for the stop. @return whether the worker is stopping */
    boolean awaitStop(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}

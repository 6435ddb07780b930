package org.vidcut.benchmark;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Live-heap samples (full GC each) about once a second on a background thread, until closed. */
final class LiveHeap implements AutoCloseable {

    private final HeapProbe heap;
    private final Thread thread;
    private final AtomicLong max = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private volatile boolean stopped;

    LiveHeap(HeapProbe heap) {
        this.heap = heap;
        this.thread = new Thread(this::sample, "live-heap");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (!stopped) {
            max.accumulateAndGet(heap.liveBytes(), Math::max);
            samples.incrementAndGet();
            try {
                // a sample is a full collection: once a second keeps the upload's own pace
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long max() {
        return max.get();
    }

    int samples() {
        return samples.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(60_000);
    }
}

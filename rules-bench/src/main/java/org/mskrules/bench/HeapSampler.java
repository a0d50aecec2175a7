package org.mskrules.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap in use every 2 ms on a daemon thread, for the waiting-list harnesses' peak-heap
 * figures (a sampled peak: it includes garbage not yet collected). One run per instance.
 */
final class HeapSampler extends Thread {
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;

    HeapSampler() {
        setDaemon(true);
    }

    @Override
    public void run() {
        Runtime rt = Runtime.getRuntime();
        while (running) {
            peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and returns the highest heap in use seen, the current use included. */
    long finish() throws InterruptedException {
        running = false;
        join();
        Runtime rt = Runtime.getRuntime();
        return Math.max(peak.get(), rt.totalMemory() - rt.freeMemory());
    }
}

package io.jenkins.plugins.eks2aks.storage;

import io.jenkins.plugins.eks2aks.events.EventSink;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the workers finished and logs a progress line at most every few seconds, from whichever worker passes. */
final class SyncProgress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final EventSink events;
    private final String topic;
    private final long totalObjects;
    private final long totalBytes;
    private final long start = System.nanoTime();
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lastLine = new AtomicLong(start);

    SyncProgress(EventSink events, String topic, long totalObjects, long totalBytes) {
        this.events = events;
        this.topic = topic;
        this.totalObjects = totalObjects;
        this.totalBytes = totalBytes;
    }

    void done(long objectBytes, long bytesSent) {
        objects.incrementAndGet();
        bytes.addAndGet(objectBytes);
        sent.addAndGet(bytesSent);
        long now = System.nanoTime();
        long last = lastLine.get();
        if (now - last >= INTERVAL_NANOS && lastLine.compareAndSet(last, now)) {
            events.info(topic, line(now));
        }
    }

    long bytesSent() {
        return sent.get();
    }

    String line(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        return String.format(Locale.ROOT, "%d/%d objects, %s of %s, %.1f MiB/s", objects.get(), totalObjects,
                Bytes.human(bytes.get()), Bytes.human(totalBytes), sent.get() / seconds / (1024 * 1024));
    }
}

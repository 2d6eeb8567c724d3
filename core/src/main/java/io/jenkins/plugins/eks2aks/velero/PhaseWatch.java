package io.jenkins.plugins.eks2aks.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Waits for a Velero object to reach a phase by watching it: each change arrives as Velero writes it, and
 * {@code onChange} sees every version once (for the progress log). Open it before creating the object, so no
 * change is missed between the create and the first look. The object is read again every {@code resync} too, so a
 * watch the API server closed (they do, every few minutes) or a missed event costs at most one interval; a closed
 * watch is opened again. The watch opens in the background: where it cannot be opened (a proxy that drops
 * upgrades, a transport without WebSockets) the wait still works, reading the object every {@code resync}.
 *
 * @param <T> the resource type
 */
public final class PhaseWatch<T extends HasMetadata> implements AutoCloseable {

    /** How the wait ended: the last version seen (null when the object never existed) and why. */
    public record Result<T>(T last, boolean deleted, boolean timedOut) {
    }

    private static final Object CLOSED = new Object();

    private final Resource<T> resource;
    private final Duration resync;
    private final Clock clock;
    /** Versions as the watch delivers them: the object, {@link Optional#empty()} when deleted, {@link #CLOSED}. */
    private final LinkedBlockingQueue<Object> changes = new LinkedBlockingQueue<>();
    private volatile Watch watch;
    private volatile boolean closed;
    private Thread opener;

    public PhaseWatch(Resource<T> resource, Duration resync, Clock clock) {
        this.resource = resource;
        this.resync = resync;
        this.clock = clock;
        open();
    }

    private synchronized void open() {
        if (opener != null && opener.isAlive()) {
            return;
        }
        opener = new Thread(() -> {
            try {
                Watch opened = resource.watch(new Forwarder<>(changes));
                synchronized (this) {
                    if (closed) {
                        opened.close();
                    } else {
                        watch = opened;
                    }
                }
            } catch (RuntimeException e) {
                // no watch: the wait reads the object every resync instead
            }
        }, "eks2aks-watch");
        opener.setDaemon(true);
        opener.start();
    }

    /**
     * @param mayBeAbsent the object may not exist yet (it is waited for); otherwise its absence ends the wait as deleted
     */
    @SuppressWarnings("unchecked")
    public Result<T> await(Predicate<T> done, Consumer<T> onChange, Duration timeout, boolean mayBeAbsent) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        String lastVersion = null;
        T last = null;
        Optional<T> next = Optional.ofNullable(resource.get());
        while (true) {
            if (next != null) {
                if (next.isEmpty() && (!mayBeAbsent || last != null)) {
                    return new Result<>(last, true, false);
                }
                if (next.isPresent()) {
                    T current = next.get();
                    String version = current.getMetadata().getResourceVersion();
                    if (version == null || !version.equals(lastVersion)) {
                        lastVersion = version;
                        last = current;
                        onChange.accept(current);
                    }
                    if (done.test(current)) {
                        return new Result<>(current, false, false);
                    }
                }
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new Result<>(last, false, true);
            }
            Object change = changes.poll(Math.min(left.toMillis(), resync.toMillis()), TimeUnit.MILLISECONDS);
            if (change == null || change == CLOSED) {
                if (change == CLOSED && !closed) {
                    watch = null;
                    open();
                }
                next = Optional.ofNullable(resource.get());
            } else {
                next = (Optional<T>) change;
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private static final class Forwarder<T> implements Watcher<T> {

        private final LinkedBlockingQueue<Object> changes;

        Forwarder(LinkedBlockingQueue<Object> changes) {
            this.changes = changes;
        }

        @Override
        public void eventReceived(Action action, T object) {
            if (action == Action.DELETED) {
                changes.add(Optional.empty());
            } else if (action == Action.ADDED || action == Action.MODIFIED) {
                changes.add(Optional.of(object));
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            changes.add(CLOSED);
        }

        @Override
        public void onClose() {
            changes.add(CLOSED);
        }
    }
}

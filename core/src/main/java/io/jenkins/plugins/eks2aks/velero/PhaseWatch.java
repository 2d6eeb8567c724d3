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
 * {@code onChange} sees every version once (for the progress log). The object is read again every
 * {@code resync} too, so a watch the API server closed (they do, every few minutes) or a missed event costs at most
 * one interval; a closed watch is opened again.
 *
 * @param <T> the resource type
 */
public final class PhaseWatch<T extends HasMetadata> {

    /** How the wait ended: the last version seen (null when the object is gone) and why. */
    public record Result<T>(T last, boolean deleted, boolean timedOut) {
    }

    private final Resource<T> resource;
    private final Duration resync;
    private final Clock clock;

    public PhaseWatch(Resource<T> resource, Duration resync, Clock clock) {
        this.resource = resource;
        this.resync = resync;
        this.clock = clock;
    }

    public Result<T> await(Predicate<T> done, Consumer<T> onChange, Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        LinkedBlockingQueue<Optional<T>> changes = new LinkedBlockingQueue<>();
        Watch watch = null;
        String lastVersion = null;
        T last = null;
        try {
            Optional<T> next = Optional.ofNullable(resource.get());
            while (true) {
                if (next != null) {
                    if (next.isEmpty()) {
                        return new Result<>(last, true, false);
                    }
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
                if (watch == null) {
                    watch = resource.watch(new Forwarder<>(changes));
                }
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return new Result<>(last, false, true);
                }
                Duration wait = left.compareTo(resync) < 0 ? left : resync;
                next = changes.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    next = Optional.ofNullable(resource.get());
                } else if (next == Forwarder.CLOSED) {
                    watch = null;
                    next = Optional.ofNullable(resource.get());
                }
            }
        } finally {
            if (watch != null) {
                watch.close();
            }
        }
    }

    /** Hands the watch's events to the waiting thread: a version, empty when deleted, {@link #CLOSED} when the watch ended. */
    private static final class Forwarder<T> implements Watcher<T> {

        @SuppressWarnings("rawtypes")
        static final Optional CLOSED = Optional.of(new Object());

        private final LinkedBlockingQueue<Optional<T>> changes;

        Forwarder(LinkedBlockingQueue<Optional<T>> changes) {
            this.changes = changes;
        }

        @Override
        public void eventReceived(Action action, T object) {
            changes.add(action == Action.DELETED ? Optional.empty() : Optional.of(object));
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onClose(WatcherException cause) {
            changes.add(CLOSED);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onClose() {
            changes.add(CLOSED);
        }
    }
}

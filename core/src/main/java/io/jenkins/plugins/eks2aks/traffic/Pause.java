package io.jenkins.plugins.eks2aks.traffic;

import java.time.Duration;

/** Waits: the hold between increments, the polling of a change. Passed in, so tests do not wait for real. */
@FunctionalInterface
public interface Pause {

    Pause REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}

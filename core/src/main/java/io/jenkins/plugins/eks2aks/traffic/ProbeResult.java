package io.jenkins.plugins.eks2aks.traffic;

import java.time.Instant;

/**
 * One probe of the AKS side.
 *
 * @param at         when it started
 * @param aksPercent the AKS share when it ran
 * @param target     the URL probed
 * @param passed     whether it met the gate
 * @param status     the HTTP status, or 0 without an answer
 * @param millis     how long the answer took
 * @param detail     what was found, e.g. {@code 503 (expected 200)}, {@code 812 ms (budget 500 ms)}, {@code error rate 0.07}
 */
public record ProbeResult(Instant at, int aksPercent, String target, boolean passed, int status, long millis, String detail) {
}

package io.jenkins.plugins.eks2aks.images.registry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before repeating a request that failed for a reason that may pass: connection
 * resets, 5xx, 429. Exponential backoff with jitter; a 429's {@code Retry-After} wins over the backoff (capped by
 * {@link #maxDelay()}, so a registry asking for an hour does not stall a pipeline silently).
 *
 * @param maxAttempts attempts in total, first one included
 * @param baseDelay   the wait before the second attempt; doubled for each further one
 * @param maxDelay    the longest single wait
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** Five attempts, 0.5 s doubling up to 30 s: rides out a registry restart or a throttling burst. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before attempt {@code attempt + 1} after {@code attempt} failed (attempt counts from 1). */
    public Duration backoff(int attempt) {
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        // Full jitter on the upper half keeps parallel workers from retrying in lockstep.
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** The wait a 429 or 503 asks for: {@code Retry-After} in seconds or as an HTTP date, capped by maxDelay. */
    public Optional<Duration> retryAfter(String header, ZonedDateTime now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        return Optional.of(wait.compareTo(maxDelay) > 0 ? maxDelay : wait);
    }
}

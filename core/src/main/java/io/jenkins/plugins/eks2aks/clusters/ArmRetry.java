package io.jenkins.plugins.eks2aks.clusters;

import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The retry policy of our Azure Resource Manager clients: the SDK's own (exponential back-off, ARM's Retry-After), except
 * that a refused sign-in is never repeated. The SDK retries every exception, so a rejected secret would cost three
 * more token requests and several seconds before the one line the user needs.
 */
public final class ArmRetry implements RetryStrategy {

    private final RetryStrategy backoff = new ExponentialBackoff();

    private ArmRetry() {
    }

    /** The policy for {@code Manager.configure().withRetryPolicy(...)}. */
    public static RetryPolicy policy() {
        return new RetryPolicy(new ArmRetry(), "Retry-After", ChronoUnit.SECONDS);
    }

    @Override
    public int getMaxRetries() {
        return backoff.getMaxRetries();
    }

    @Override
    public Duration calculateRetryDelay(int retryAttempts) {
        return backoff.calculateRetryDelay(retryAttempts);
    }

    @Override
    public boolean shouldRetryCondition(RequestRetryCondition condition) {
        for (Throwable t = condition.getThrowable(); t != null; t = t.getCause()) {
            if (t instanceof CloudAuthenticationException) {
                return false;
            }
        }
        return backoff.shouldRetryCondition(condition);
    }
}

package io.jenkins.plugins.eks2aks.steps;

import hudson.AbortException;
import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a step lets cross the agent channel when the engine or an SDK fails: one AbortException line. */
class StepFailureTest {

    @Test
    void noAwsCredentialsOnTheAgentIsOneLineThatPassesTheControllersFilter() {
        SdkClientException none = assertThrows(SdkClientException.class,
                () -> AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create()).resolveCredentials());

        AbortException failure = StepFailure.of("shiftTraffic", none);

        assertTrue(failure.getMessage().startsWith("shiftTraffic: No AWS credentials found"), failure.getMessage());
        assertTrue(failure.getMessage().contains("credentialsId"), failure.getMessage());
        Object back = ClassFilterChannel.roundTrip(failure, "the exception");
        assertEquals(failure.getMessage(), ((AbortException) back).getMessage());
    }

    @Test
    void anEngineErrorKeepsItsMessageAndAnUnexpectedOneSaysSo() {
        assertEquals("azcopySync: bucket velero not found", StepFailure.of("azcopySync", new MigrationException("bucket velero not found")).getMessage());
        assertTrue(StepFailure.of("aksRestore", new IllegalStateException("boom\nsecond line")).getMessage()
                .endsWith("IllegalStateException: boom (unexpected: please report it with the agent's log)"));
    }
}

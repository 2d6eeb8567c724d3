package io.jenkins.plugins.eks2aks.clusters;

import com.azure.identity.CredentialUnavailableException;
import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingCredentialsTest {

    @Test
    void theAwsChainFindingNothingIsOneLineSayingWhatToSet() {
        // The SDK's own chain, asked with no credentials anywhere it looks, throws what a run without keys meets.
        SdkClientException none = assertThrows(SdkClientException.class,
                () -> AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create()).resolveCredentials());

        var found = MissingCredentials.in(new RuntimeException("wrapped", none));

        assertTrue(found.isPresent());
        String message = found.get().getMessage();
        assertTrue(message.startsWith("No AWS credentials found: set AWS_PROFILE"), message);
        assertEquals(1, message.lines().count());
        assertTrue(found.get() instanceof MigrationException);
    }

    @Test
    void azureIdentityFindingNothingIsOneLine() {
        var found = MissingCredentials.in(new CredentialUnavailableException("EnvironmentCredential authentication unavailable."));

        assertTrue(found.orElseThrow().getMessage().startsWith("No Azure credentials found: set AZURE_CLIENT_ID"));
    }

    @Test
    void otherSdkErrorsAreNotMistakenForMissingCredentials() {
        assertTrue(MissingCredentials.in(SdkClientException.create("Unable to execute HTTP request: Connection refused")).isEmpty());
        assertTrue(MissingCredentials.in(new IllegalStateException()).isEmpty());
    }
}

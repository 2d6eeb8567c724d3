package io.jenkins.plugins.eks2aks.steps.credentials;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.EksTokenGenerator;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

/**
 * The masked build log of a step that resolved credentials: the secrets and what the agent derives from them,
 * printed after the listener crossed a (simulated) channel, come out as ****.
 */
class MaskingListenerTest {

    private static final String CLIENT_SECRET = "azure~client~secret~0123456789";

    private static MaskingListener resolvedAndMasked() throws AbortException {
        StepCredentials credentials = new StepCredentials(new CredentialsLookup() {
            @Override
            public <C extends com.cloudbees.plugins.credentials.common.IdCredentials> C find(String id, Class<C> type, Run<?, ?> run) {
                return type.isAssignableFrom(com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials.class)
                        ? type.cast(StepCredentialsTest.awsCredential()) : null;
            }
        });
        AwsKeys aws = credentials.aws("eksInventory", "aws-prod", mock(Run.class), new EnvVars());
        AzureKeys azure = credentials.azure("aksPreflight", null, mock(Run.class), new EnvVars("AZURE_CLIENT_ID", "client-id",
                "AZURE_CLIENT_SECRET", CLIENT_SECRET, "AZURE_TENANT_ID", "tenant-id"));
        return MaskingListener.over(new BufferListener(), aws, azure);
    }

    private static MaskingListener overTheChannel(MaskingListener listener) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(listener);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (MaskingListener) in.readObject();
        }
    }

    @Test
    void theResolvedSecretsAndTheTokensDerivedOnTheAgentArePrintedAsStars() throws Exception {
        MaskingListener agentSide = overTheChannel(resolvedAndMasked());
        String eksToken = new EksTokenGenerator(new io.jenkins.plugins.eks2aks.credentials.AwsCredentials("ASIAJENKINSEXAMPLE",
                "jenkins/secret/KEY", "jenkins-session-token", "test").provider(), Region.US_EAST_1,
                AwsSettings.defaultStsEndpoint(Region.US_EAST_1), Clock.systemUTC()).generate("shop-prod").value();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String acrRefreshToken = url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString("{\"aud\":\"contoso.azurecr.io\"}".getBytes(StandardCharsets.UTF_8)) + ".c2ln";
        BufferListener.BUFFER.reset();

        PrintStream log = agentSide.getLogger();
        log.println("keys ASIAJENKINSEXAMPLE jenkins/secret/KEY session jenkins-session-token");
        log.println("client secret " + CLIENT_SECRET);
        log.println("EKS token " + eksToken);
        log.println("ACR refresh token " + acrRefreshToken);
        log.println("[images] copied contoso.azurecr.io/shop/web:1.8.2");

        String text = BufferListener.BUFFER.toString(StandardCharsets.UTF_8);
        assertEquals("""
                keys **** **** session ****
                client secret ****
                EKS token ****
                ACR refresh token ****
                [images] copied contoso.azurecr.io/shop/web:1.8.2
                """, text);
        assertFalse(agentSide.toString().contains("jenkins/secret/KEY"));
    }

    @Test
    void aFailureMessageIsMaskedTooAndAMaskedLogIsNotWrappedTwice() throws Exception {
        MaskingListener listener = resolvedAndMasked();

        AbortException e = listener.masked(new AbortException("ecrToAcr: STS said no to jenkins/secret/KEY"));
        assertEquals("ecrToAcr: STS said no to ****", e.getMessage());

        MaskingListener again = MaskingListener.over(listener, List.of(Secret.fromString("one-more-secret")));
        assertEquals("**** and ****", again.mask().mask("one-more-secret and jenkins-session-token"));
        assertTrue(again.toString().contains("5 secrets"), again.toString());
    }
}

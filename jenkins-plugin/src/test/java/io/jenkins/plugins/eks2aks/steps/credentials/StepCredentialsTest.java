package io.jenkins.plugins.eks2aks.steps.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.microsoft.azure.util.AzureCredentials;
import com.microsoft.azure.util.AzureImdsCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.standins.ClientCertificate;
import io.jenkins.plugins.eks2aks.steps.inventory.BufferListener;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Resolution of awsCredentialsId / azureCredentialsId and of the bound variables, as every step does it. */
class StepCredentialsTest {

    private final Run<?, ?> run = mock(Run.class);
    private final Map<String, IdCredentials> store = new HashMap<>();
    private final StepCredentials credentials = new StepCredentials(new CredentialsLookup() {
        @Override
        public <C extends IdCredentials> C find(String id, Class<C> type, Run<?, ?> r) {
            IdCredentials c = store.get(id);
            return type.isInstance(c) ? type.cast(c) : null;
        }
    });

    static AmazonWebServicesCredentials awsCredential() {
        AmazonWebServicesCredentials aws = mock(AmazonWebServicesCredentials.class);
        when(aws.resolveCredentials()).thenReturn(AwsSessionCredentials.create("ASIAJENKINSEXAMPLE", "jenkins/secret/KEY", "jenkins-session-token"));
        return aws;
    }

    @Test
    void anAwsCredentialIsResolvedOnTheControllerWithItsSessionToken() throws AbortException {
        store.put("aws-prod", awsCredential());

        AwsKeys keys = credentials.aws("eksInventory", " aws-prod ", run, new EnvVars());

        AwsCredentials engine = keys.toEngine();
        assertEquals("ASIAJENKINSEXAMPLE", engine.accessKeyId());
        assertEquals("jenkins/secret/KEY", engine.secretAccessKey());
        assertEquals("jenkins-session-token", engine.sessionToken());
        assertEquals("credential 'aws-prod'", engine.source());
        assertFalse(keys.toString().contains("secret") || engine.toString().contains("jenkins/secret/KEY"));
    }

    @Test
    void aUsernamePasswordCredentialHoldsAKeyPair() throws AbortException {
        StandardUsernamePasswordCredentials pair = mock(StandardUsernamePasswordCredentials.class);
        when(pair.getUsername()).thenReturn("AKIAPAIREXAMPLE");
        when(pair.getPassword()).thenReturn(Secret.fromString("pair-secret"));
        store.put("aws-pair", pair);

        AwsCredentials engine = credentials.aws("eksInventory", "aws-pair", run, new EnvVars()).toEngine();

        assertEquals("AKIAPAIREXAMPLE", engine.accessKeyId());
        assertEquals("pair-secret", engine.secretAccessKey());
        assertNull(engine.sessionToken());
    }

    @Test
    void withoutAnIdTheBoundVariablesAreUsedAndWithoutThemNothing() throws AbortException {
        EnvVars env = new EnvVars("AWS_ACCESS_KEY_ID", "AKIABOUND", "AWS_SECRET_ACCESS_KEY", "bound-secret");

        assertEquals("AKIABOUND", credentials.aws("eksInventory", null, run, env).toEngine().accessKeyId());
        assertNull(credentials.aws("eksInventory", "", run, new EnvVars()), "no id, no variables: the agent's default chain");
        AbortException half = assertThrows(AbortException.class,
                () -> credentials.aws("eksInventory", null, run, new EnvVars("AWS_ACCESS_KEY_ID", "AKIABOUND")));
        assertEquals("eksInventory: Incomplete AWS credentials: AWS_SECRET_ACCESS_KEY is not set although AWS_ACCESS_KEY_ID is; bind both with "
                + "withCredentials([aws(...)]) or give awsCredentialsId", half.getMessage());
    }

    @Test
    void anUnknownOrWrongCredentialIdIsNamed() {
        store.put("az-target", mock(AzureCredentials.class));

        AbortException unknown = assertThrows(AbortException.class, () -> credentials.aws("eksInventory", "nope", run, new EnvVars()));
        assertEquals("eksInventory: awsCredentialsId 'nope': no such credential is visible to this build", unknown.getMessage());
        AbortException wrong = assertThrows(AbortException.class, () -> credentials.aws("eksInventory", "az-target", run, new EnvVars()));
        assertEquals(true, wrong.getMessage().startsWith("eksInventory: awsCredentialsId 'az-target' is a AzureCredentials"), wrong.getMessage());
    }

    @Test
    void anAzureServicePrincipalCredentialOrTheBoundVariables() throws AbortException {
        AzureCredentials sp = mock(AzureCredentials.class);
        when(sp.getTenant()).thenReturn("tenant-1");
        when(sp.getClientId()).thenReturn("client-1");
        when(sp.getClientSecret()).thenReturn(Secret.fromString("az-secret"));
        when(sp.getSubscriptionId()).thenReturn("sub-1");
        when(sp.getResourceManagerEndpoint()).thenReturn("https://management.usgovcloudapi.net/");
        store.put("az-target", sp);

        AzureKeys keys = credentials.azure("aksPreflight", "az-target", run, new EnvVars());
        AzureServicePrincipal engine = keys.toEngine();
        assertEquals("tenant-1", engine.tenantId());
        assertEquals("az-secret", engine.clientSecret());
        assertEquals("sub-1", engine.subscriptionId());
        assertEquals("https://management.usgovcloudapi.net/", keys.resourceManagerEndpoint());

        EnvVars bound = new EnvVars("AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s", "AZURE_TENANT_ID", "t", "AZURE_SUBSCRIPTION_ID", "sub");
        assertEquals("sub", credentials.azure("aksPreflight", null, run, bound).toEngine().subscriptionId());
        AbortException missing = assertThrows(AbortException.class,
                () -> credentials.azure("aksPreflight", null, run, new EnvVars("AZURE_CLIENT_ID", "c", "AZURE_CLIENT_SECRET", "s")));
        assertEquals("aksPreflight: No Azure credentials: AZURE_TENANT_ID is not set (set AZURE_CLIENT_ID, AZURE_CLIENT_SECRET and AZURE_TENANT_ID); bind the service principal with "
                + "withCredentials([azureServicePrincipal(...)]) or give azureCredentialsId", missing.getMessage());
    }

    @Test
    void aCertificateServicePrincipalTravelsAsPkcs12WithItsCloudAndIsMasked() throws Exception {
        ClientCertificate pfx = ClientCertificate.create("eks2aks-sp", "pfx-pass");
        KeyStore stored = KeyStore.getInstance("PKCS12");
        stored.load(new ByteArrayInputStream(pfx.pkcs12()), "pfx-pass".toCharArray());
        StandardCertificateCredentials certificate = mock(StandardCertificateCredentials.class);
        when(certificate.getKeyStore()).thenReturn(stored);
        when(certificate.getPassword()).thenReturn(Secret.fromString("pfx-pass"));
        store.put("sp-certificate", certificate);
        AzureCredentials sp = mock(AzureCredentials.class);
        when(sp.getTenant()).thenReturn("tenant-1");
        when(sp.getClientId()).thenReturn("client-1");
        when(sp.getClientSecret()).thenReturn(Secret.fromString(""));
        when(sp.getCertificateId()).thenReturn("sp-certificate");
        when(sp.getSubscriptionId()).thenReturn("sub-1");
        when(sp.getActiveDirectoryEndpoint()).thenReturn("https://login.chinacloudapi.cn/");
        when(sp.getResourceManagerEndpoint()).thenReturn("https://management.chinacloudapi.cn/");
        store.put("az-china", sp);

        AzureKeys keys = credentials.azure("aksRestore", "az-china", run, new EnvVars());

        AzureServicePrincipal engine = keys.toEngine();
        assertNull(engine.clientSecret());
        KeyStore received = KeyStore.getInstance("PKCS12");
        received.load(new ByteArrayInputStream(engine.certificate()), engine.certificatePassword().toCharArray());
        assertEquals(pfx.certificate(), received.getCertificate("sp"));
        assertTrue(received.isKeyEntry("sp"), "the private key travels with the certificate");
        HashMap<String, String> settings = new HashMap<>();
        keys.cloud(settings);
        assertEquals(Map.of("AZURE_AUTHORITY_HOST", "https://login.chinacloudapi.cn/", "AZURE_RESOURCE_MANAGER_ENDPOINT",
                "https://management.chinacloudapi.cn/"), settings);
        HashMap<String, String> pinned = new HashMap<>(Map.of("AZURE_AUTHORITY_HOST", "https://login.private.example/"));
        keys.cloud(pinned);
        assertEquals("https://login.private.example/", pinned.get("AZURE_AUTHORITY_HOST"), "the build's own setting wins");

        BufferListener.BUFFER.reset();
        MaskingListener.over(new BufferListener(), null, keys).getLogger().println("password pfx-pass, bundle "
                + java.util.Base64.getEncoder().encodeToString(engine.certificate()));
        String log = BufferListener.BUFFER.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("pfx-pass"), log);
        assertTrue(log.startsWith("password ****, bundle ****"), log);

        store.remove("sp-certificate");
        AbortException missing = assertThrows(AbortException.class, () -> credentials.azure("aksRestore", "az-china", run, new EnvVars()));
        assertEquals("aksRestore: azureCredentialsId 'az-china' signs in with certificate 'sp-certificate', and no certificate credential "
                + "with that id is visible to this build", missing.getMessage());
    }

    @Test
    void aManagedIdentityCredentialIsTheIdentityOfTheMachineWithItsCloud() throws AbortException {
        AzureImdsCredentials mi = mock(AzureImdsCredentials.class);
        when(mi.getClientId()).thenReturn("5a1b2c3d-0000-4000-8000-000000000001");
        when(mi.getSubscriptionId()).thenReturn("sub-1");
        when(mi.getActiveDirectoryEndpoint()).thenReturn("https://login.microsoftonline.us/");
        when(mi.getResourceManagerEndpoint()).thenReturn("https://management.usgovcloudapi.net/");
        store.put("agent-identity", mi);

        AzureKeys keys = credentials.azure("ecrToAcr", "agent-identity", run, new EnvVars());

        AzureServicePrincipal engine = keys.toEngine();
        assertTrue(engine.managedIdentity());
        assertEquals("5a1b2c3d-0000-4000-8000-000000000001", engine.clientId());
        assertEquals("sub-1", engine.subscriptionId());
        assertNull(engine.clientSecret());
        HashMap<String, String> settings = new HashMap<>();
        keys.cloud(settings);
        assertEquals("https://management.usgovcloudapi.net/", settings.get("AZURE_RESOURCE_MANAGER_ENDPOINT"));
        assertEquals("https://login.microsoftonline.us/", settings.get("AZURE_AUTHORITY_HOST"));
        assertTrue(keys.source().contains("managed identity"), keys.source());
    }
}

package io.jenkins.plugins.eks2aks.steps.credentials;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.microsoft.azure.util.AzureCredentials;
import com.microsoft.azure.util.AzureImdsCredentials;
import hudson.util.Secret;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.AzureSettings;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;

/**
 * Resolves the cloud credentials of the eks2aks steps, on the controller, the same way for every step
 * (eksInventory, aksPreflight, ecrToAcr…):
 * <ul>
 *   <li>{@code awsCredentialsId}: an aws-credentials {@code AmazonWebServicesCredentials} (its role is assumed here,
 *       on the controller) or a username/password credential holding an access key id and secret key;</li>
 *   <li>{@code azureCredentialsId}: an azure-credentials service principal ({@code AzureCredentials}) with a client
 *       secret or a certificate (its {@code certificateId} credential, sent to the agent as PKCS#12), or a managed
 *       identity ({@code AzureImdsCredentials}: the identity of the machine the step runs on, as the SDK finds it there);
 *       the credential's cloud (authority and Resource Manager endpoint) goes with it;</li>
 *   <li>without an id: the {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN} or
 *       {@code AZURE_CLIENT_ID}/{@code AZURE_CLIENT_SECRET}/{@code AZURE_TENANT_ID}/{@code AZURE_SUBSCRIPTION_ID}
 *       variables of the step's environment, as {@code withCredentials([aws(…)])} or
 *       {@code azureServicePrincipal(…)} bind them; null when they are not set either, so the engine falls back to
 *       the SDK's default chain (profile, instance or workload identity) where it runs.</li>
 * </ul>
 * Only derived values leave this class ({@link AwsKeys}, {@link AzureKeys}, with secrets as {@code Secret}); the
 * credential objects never go to the agent. Every credential found is tracked against the build.
 */
public final class StepCredentials {

    private final CredentialsLookup lookup;

    public StepCredentials(CredentialsLookup lookup) {
        this.lookup = lookup;
    }

    /** Jenkins' credentials store. */
    public static StepCredentials jenkins() {
        return new StepCredentials(CredentialsLookup.JENKINS);
    }

    /**
     * AWS keys for the step.
     *
     * @param step          the step's function name, for messages
     * @param credentialsId the {@code awsCredentialsId} parameter, or null/blank
     * @return the keys, or null when neither an id nor the AWS_* variables give any
     * @throws AbortException naming the id when no usable credential has it
     */
    public AwsKeys aws(String step, String credentialsId, Run<?, ?> run, EnvVars env) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            try {
                return AwsSettings.fromEnvironmentIfSet(env).map(AwsKeys::of).orElse(null);
            } catch (MigrationException e) {
                throw new AbortException(step + ": " + e.getMessage() + "; bind both with withCredentials([aws(...)]) or give awsCredentialsId");
            }
        }
        String id = credentialsId.trim();
        AmazonWebServicesCredentials aws = lookup.find(id, AmazonWebServicesCredentials.class, run);
        if (aws != null) {
            software.amazon.awssdk.auth.credentials.AwsCredentials keys;
            try {
                keys = aws.resolveCredentials();
            } catch (RuntimeException e) {
                throw new AbortException(step + ": AWS credential '" + id + "' could not be resolved: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
            String token = keys instanceof AwsSessionCredentials session ? session.sessionToken() : null;
            return new AwsKeys(keys.accessKeyId(), keys.secretAccessKey(), token, "credential '" + id + "'");
        }
        StandardUsernamePasswordCredentials pair = lookup.find(id, StandardUsernamePasswordCredentials.class, run);
        if (pair != null) {
            return new AwsKeys(pair.getUsername(), pair.getPassword().getPlainText(), null, "credential '" + id + "'");
        }
        throw notFound(step, "awsCredentialsId", id, "AWS credentials or a username/password credential (access key id / secret key)", run);
    }

    /**
     * The Azure service principal for the step.
     *
     * @return the principal, or null when neither an id nor the AZURE_* variables give one
     */
    public AzureKeys azure(String step, String credentialsId, Run<?, ?> run, EnvVars env) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            try {
                return AzureSettings.fromEnvironmentIfSet(env).map(AzureKeys::of).orElse(null);
            } catch (MigrationException e) {
                throw new AbortException(step + ": " + e.getMessage() + "; bind the service principal with "
                        + "withCredentials([azureServicePrincipal(...)]) or give azureCredentialsId");
            }
        }
        String id = credentialsId.trim();
        AzureCredentials sp = lookup.find(id, AzureCredentials.class, run);
        if (sp != null) {
            String source = "credential '" + id + "'";
            String secret = sp.getClientSecret() == null ? "" : sp.getClientSecret().getPlainText();
            if (secret.isEmpty() && sp.getCertificateId() != null && !sp.getCertificateId().isBlank()) {
                String password = certificatePassword(step, id, sp.getCertificateId().trim(), run);
                return AzureKeys.certificate(sp.getTenant(), sp.getClientId(), pkcs12(step, id, sp.getCertificateId().trim(), password, run),
                        password, sp.getSubscriptionId(), sp.getResourceManagerEndpoint(), sp.getActiveDirectoryEndpoint(), source);
            }
            return AzureKeys.secret(sp.getTenant(), sp.getClientId(), secret, sp.getSubscriptionId(), sp.getResourceManagerEndpoint(),
                    sp.getActiveDirectoryEndpoint(), source);
        }
        AzureImdsCredentials mi = lookup.find(id, AzureImdsCredentials.class, run);
        if (mi != null) {
            return AzureKeys.managedIdentity(mi.getClientId(), mi.getSubscriptionId(), mi.getResourceManagerEndpoint(),
                    mi.getActiveDirectoryEndpoint(), "credential '" + id + "' (the managed identity of the machine the step runs on)");
        }
        throw notFound(step, "azureCredentialsId", id, "an Azure service principal or managed identity (azure-credentials)", run);
    }

    /** The certificate credential an Azure service principal names, as the azure-credentials plugin reads it. */
    private StandardCertificateCredentials certificate(String step, String id, String certificateId, Run<?, ?> run) throws AbortException {
        StandardCertificateCredentials certificate = lookup.find(certificateId, StandardCertificateCredentials.class, run);
        if (certificate == null) {
            throw new AbortException(step + ": azureCredentialsId '" + id + "' signs in with certificate '" + certificateId
                    + "', and no certificate credential with that id is visible to this build");
        }
        return certificate;
    }

    private String certificatePassword(String step, String id, String certificateId, Run<?, ?> run) throws AbortException {
        return Secret.toString(certificate(step, id, certificateId, run).getPassword());
    }

    /** The certificate and its key as PKCS#12 bytes under the credential's own password (what the SDK reads). */
    private byte[] pkcs12(String step, String id, String certificateId, String password, Run<?, ?> run) throws AbortException {
        KeyStore store = certificate(step, id, certificateId, run).getKeyStore();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new AbortException(step + ": the certificate '" + certificateId + "' of azureCredentialsId '" + id
                    + "' cannot be read: " + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private AbortException notFound(String step, String parameter, String id, String expected, Run<?, ?> run) {
        IdCredentials other = lookup.find(id, IdCredentials.class, run);
        if (other != null) {
            return new AbortException(step + ": " + parameter + " '" + id + "' is a " + other.getClass().getSimpleName()
                    + "; expected " + expected);
        }
        return new AbortException(step + ": " + parameter + " '" + id + "': no such credential is visible to this build");
    }

    /**
     * The non-secret AWS and Azure settings of the step's environment ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL*},
     * {@code AZURE_AUTHORITY_HOST}, …: the engine's one list), as plain values for the agent.
     */
    public static HashMap<String, String> settings(EnvVars env) {
        HashMap<String, String> settings = new HashMap<>();
        for (List<String> names : List.of(AwsSettings.SETTINGS, AzureSettings.SETTINGS)) {
            for (String name : names) {
                if (env.get(name) != null) {
                    settings.put(name, env.get(name));
                }
            }
        }
        return settings;
    }
}

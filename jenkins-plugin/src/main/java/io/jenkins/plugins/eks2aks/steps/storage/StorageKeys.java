package io.jenkins.plugins.eks2aks.steps.storage;

import hudson.EnvVars;
import hudson.util.Secret;
import io.jenkins.plugins.eks2aks.steps.credentials.AwsKeys;
import io.jenkins.plugins.eks2aks.credentials.AzureServicePrincipal;
import io.jenkins.plugins.eks2aks.steps.credentials.AzureKeys;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the storage steps authenticate with, derived on the controller and carried to the agent: AWS keys, an
 * Azure identity (secret, certificate or managed identity, with its cloud's authority), and the storage SAS or connection string a {@code withCredentials([string(…)])} bound to
 * {@code AZURE_STORAGE_SAS_TOKEN} or {@code AZURE_STORAGE_CONNECTION_STRING}; secrets as {@link Secret}s.
 */
final class StorageKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Non-secret settings the engine reads, passed on from the step's environment. */
    static final String[] SETTINGS = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3",
            "AZURE_AUTHORITY_HOST", "AZCOPY_LOG_LOCATION", "AZCOPY_JOB_PLAN_LOCATION", "AZCOPY_CONCURRENCY_VALUE", "AZCOPY_BUFFER_GB",
            "AZCOPY_DISABLE_SYSLOG", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY"};

    private final AwsKeys aws;
    private final AzureKeys azure;
    private final Secret sasToken;
    private final Secret connectionString;
    private final HashMap<String, String> settings = new HashMap<>();

    StorageKeys(AwsKeys aws, AzureKeys azure, EnvVars env) {
        this.aws = aws;
        this.azure = azure;
        this.sasToken = secret(env.get("AZURE_STORAGE_SAS_TOKEN"));
        this.connectionString = secret(env.get("AZURE_STORAGE_CONNECTION_STRING"));
        for (String name : SETTINGS) {
            if (env.get(name) != null) {
                settings.put(name, env.get(name));
            }
        }
        if (azure != null) {
            azure.cloud(settings);
        }
    }

    /** The Azure identity that signs in to Blob when neither a SAS nor a connection string is given, or null. */
    AzureServicePrincipal azure() {
        return azure == null ? null : azure.toEngine();
    }

    /** Where the work runs: its own environment (PATH for AzCopy, proxies), the build's settings, then the credentials. */
    Map<String, String> environment(Map<String, String> agent) {
        Map<String, String> env = new HashMap<>(agent);
        env.putAll(settings);
        if (aws != null) {
            var keys = aws.toEngine();
            env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
            if (keys.sessionToken() != null) {
                env.put("AWS_SESSION_TOKEN", keys.sessionToken());
            } else {
                env.remove("AWS_SESSION_TOKEN");
            }
        }
        if (sasToken != null) {
            env.put("AZURE_STORAGE_SAS_TOKEN", sasToken.getPlainText());
        }
        if (connectionString != null) {
            env.put("AZURE_STORAGE_CONNECTION_STRING", connectionString.getPlainText());
        }
        return env;
    }

    /** The storage SAS and connection string, for the masked build log (the AWS and Azure keys mask themselves). */
    ArrayList<Secret> storageSecrets() {
        ArrayList<Secret> out = new ArrayList<>();
        if (sasToken != null) {
            out.add(sasToken);
        }
        if (connectionString != null) {
            out.add(connectionString);
        }
        return out;
    }

    /** How the step authenticates, for the log; never a secret. */
    String describe() {
        return "AWS: " + (aws == null ? "the default chain of the agent" : aws.source()) + "; Blob: "
                + (sasToken != null ? "AZURE_STORAGE_SAS_TOKEN" : connectionString != null ? "AZURE_STORAGE_CONNECTION_STRING"
                : azure != null ? azure.source() : "a SAS in the URL, or the default chain of the agent");
    }

    private static Secret secret(String value) {
        return value == null || value.isBlank() ? null : Secret.fromString(value.trim());
    }
}

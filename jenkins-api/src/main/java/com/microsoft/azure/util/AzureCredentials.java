// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package com.microsoft.azure.util;

import com.azure.core.management.AzureEnvironment;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;

public class AzureCredentials extends AzureBaseCredentials {

    @DataBoundConstructor
    public AzureCredentials(
            CredentialsScope scope,
            String id,
            String description,
            String subscriptionId,
            String clientId,
            Secret clientSecret) {
        super(scope, id, description);
        throw new UnsupportedOperationException();
    }

    public String getSubscriptionId() {
        throw new UnsupportedOperationException();
    }

    public String getClientId() {
        throw new UnsupportedOperationException();
    }

    public Secret getClientSecret() {
        throw new UnsupportedOperationException();
    }

    public String getCertificateId() {
        throw new UnsupportedOperationException();
    }

    public String getTenant() {
        throw new UnsupportedOperationException();
    }

    public String getAzureEnvironmentName() {
        throw new UnsupportedOperationException();
    }

    public String getManagementEndpoint() {
        throw new UnsupportedOperationException();
    }

    public String getActiveDirectoryEndpoint() {
        throw new UnsupportedOperationException();
    }

    public String getResourceManagerEndpoint() {
        throw new UnsupportedOperationException();
    }

    public String getGraphEndpoint() {
        throw new UnsupportedOperationException();
    }

    public AzureEnvironment getAzureEnvironment() {
        throw new UnsupportedOperationException();
    }
}

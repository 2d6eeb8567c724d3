// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package com.microsoft.azure.util;

import com.cloudbees.plugins.credentials.CredentialsScope;
import org.kohsuke.stapler.DataBoundConstructor;

public class AzureImdsCredentials extends AbstractManagedIdentitiesCredentials {

    @DataBoundConstructor
    public AzureImdsCredentials(CredentialsScope scope, String id, String description, String azureEnvName) {
        super(scope, id, description);
        throw new UnsupportedOperationException();
    }

    @Override
    public String getSubscriptionId() {
        throw new UnsupportedOperationException();
    }

    public String getClientId() {
        throw new UnsupportedOperationException();
    }
}

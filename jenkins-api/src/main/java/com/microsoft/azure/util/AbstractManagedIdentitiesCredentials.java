// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package com.microsoft.azure.util;

import com.azure.core.management.AzureEnvironment;
import com.cloudbees.plugins.credentials.CredentialsScope;

public abstract class AbstractManagedIdentitiesCredentials extends AzureBaseCredentials {

    @Override
    public AzureEnvironment getAzureEnvironment() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getAzureEnvironmentName() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getManagementEndpoint() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getActiveDirectoryEndpoint() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getResourceManagerEndpoint() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String getGraphEndpoint() {
        throw new UnsupportedOperationException();
    }

    public AbstractManagedIdentitiesCredentials(CredentialsScope scope, String id, String description) {
        super(scope, id, description);
    }
}

// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class BaseCredentials implements Credentials {
    private static final long serialVersionUID = 1L;

    public BaseCredentials(@CheckForNull CredentialsScope scope) {
        throw new UnsupportedOperationException();
    }

    public CredentialsScope getScope() {
        throw new UnsupportedOperationException();
    }

    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException();
    }
}

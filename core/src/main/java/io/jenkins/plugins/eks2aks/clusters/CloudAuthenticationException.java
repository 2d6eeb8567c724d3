package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.MigrationException;

/**
 * A cloud refused (or could not be asked for) the run's credentials: one line naming where the credentials came from
 * and the authority that judged them. Nothing else in the run can succeed with them, so a run stops at the first one,
 * writes the reports of what it did so far and exits 3; no image or check is tried again with the same credentials.
 */
public class CloudAuthenticationException extends MigrationException {
    private static final long serialVersionUID = 1L;

    public CloudAuthenticationException(String message) {
        super(message);
    }

    public CloudAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.MigrationException;

/**
 * A registry answered with an error, or could not be reached. The message is one line naming the request
 * ({@code GET 127.0.0.1:5000/v2/team/app/manifests/1.0}) and the registry's own error code and message; it never
 * contains a header, so no credential or token can leak through it.
 */
public class RegistryException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, or 0 when no answer came (connection refused, reset, timeout). */
    private final int status;

    public RegistryException(String message, int status) {
        super(message);
        this.status = status;
    }

    public RegistryException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Worth another try: no answer at all, 429, or a server-side 5xx other than 501. */
    public boolean transientFailure() {
        return status == 0 || status == 429 || (status >= 500 && status != 501);
    }
}

package io.jenkins.plugins.eks2aks;

/**
 * A failure the user can act on: the message names the file, object or field and says what to do.
 * The CLI prints it as one line and the Pipeline steps fail the build with it, without a stack trace.
 */
public class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}

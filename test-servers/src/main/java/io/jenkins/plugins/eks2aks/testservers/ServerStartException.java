package io.jenkins.plugins.eks2aks.testservers;

/** A test server was installed but did not come up; the message carries the tail of its log. */
public final class ServerStartException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ServerStartException(String message) {
        super(message);
    }

    ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

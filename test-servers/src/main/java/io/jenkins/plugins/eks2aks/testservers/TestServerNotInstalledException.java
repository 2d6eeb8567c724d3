package io.jenkins.plugins.eks2aks.testservers;

/**
 * A server or tool the tests need is not installed on this machine.
 *
 * <p>It is deliberately an error, not a JUnit assumption failure: a test that silently skips because a server is
 * missing proves nothing, and CI would stay green. The message always names {@link TestServerInstall#SETUP_COMMAND}.
 */
public final class TestServerNotInstalledException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TestServerNotInstalledException(String message) {
        super(message);
    }
}

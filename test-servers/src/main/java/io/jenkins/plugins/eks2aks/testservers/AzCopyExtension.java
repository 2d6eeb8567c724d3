package io.jenkins.plugins.eks2aks.testservers;

/**
 * Provides an {@link AzCopy} for a test class (no server: it locates the binary, fails early with the setup command
 * if it is missing, and cleans up AzCopy's logs and job plans after the class). Use with {@link AzuriteExtension}:
 * {@code @ExtendWith({AzuriteExtension.class, AzCopyExtension.class})} and parameters {@code Azurite, AzCopy}.
 */
public final class AzCopyExtension extends ServerExtension<AzCopy> {
    public AzCopyExtension() {
        super(AzCopy.class);
    }

    @Override
    protected AzCopy start() throws Exception {
        return AzCopy.create();
    }
}

package io.jenkins.plugins.eks2aks.testservers;

/**
 * Runs {@link Azurite} for a test class: {@code @ExtendWith(AzuriteExtension.class)} with an {@link Azurite}
 * parameter, or {@code @RegisterExtension static final AzuriteExtension AZURITE = new AzuriteExtension();}.
 */
public final class AzuriteExtension extends ServerExtension<Azurite> {
    public AzuriteExtension() {
        super(Azurite.class);
    }

    @Override
    protected Azurite start() throws Exception {
        return Azurite.start();
    }
}

package io.jenkins.plugins.eks2aks.testservers;

/**
 * Runs a {@link DockerRegistry} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension static final DockerRegistryExtension ECR = DockerRegistryExtension.basicAuth();
 * @RegisterExtension static final DockerRegistryExtension ACR = DockerRegistryExtension.tokenAuth();
 * ... ECR.get().hostPort(), ACR.get().username(), ACR.get().password()
 * }</pre>
 * {@code @ExtendWith(DockerRegistryExtension.class)} gives an anonymous registry, injected as a {@link DockerRegistry}
 * parameter.
 */
public final class DockerRegistryExtension extends ServerExtension<DockerRegistry> {
    private final DockerRegistry.Auth auth;

    /** An anonymous registry; the constructor {@code @ExtendWith} uses. */
    public DockerRegistryExtension() {
        this(DockerRegistry.Auth.ANONYMOUS);
    }

    public DockerRegistryExtension(DockerRegistry.Auth auth) {
        super(DockerRegistry.class);
        this.auth = auth;
    }

    public static DockerRegistryExtension anonymous() {
        return new DockerRegistryExtension(DockerRegistry.Auth.ANONYMOUS);
    }

    public static DockerRegistryExtension basicAuth() {
        return new DockerRegistryExtension(DockerRegistry.Auth.BASIC);
    }

    public static DockerRegistryExtension tokenAuth() {
        return new DockerRegistryExtension(DockerRegistry.Auth.TOKEN);
    }

    @Override
    protected DockerRegistry start() throws Exception {
        return DockerRegistry.start(auth);
    }
}

package io.jenkins.plugins.eks2aks.testservers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The lifecycle shared by every test-server extension: start the server once before the first test of the class
 * that registered the extension, hand it to tests, stop it after the last one.
 *
 * <p>Starting once per class, not per test, keeps suites fast (S3Mock alone takes seconds to start); tests in a class
 * therefore share the server's state and should use distinct names (repositories, containers, buckets).
 *
 * <p>Use it either way:
 * <pre>{@code
 * @RegisterExtension static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.tokenAuth();
 * ... REGISTRY.get().baseUrl()
 * }</pre>
 * or {@code @ExtendWith(AzuriteExtension.class)} and a test (or {@code @BeforeAll}) method parameter of the handle type.
 * The field must be static: JUnit calls class-level callbacks only for static registrations. With two extensions of
 * the same kind in one class (a source and a destination registry, say), use the fields, not parameters, since JUnit
 * cannot tell which of the two a parameter means.
 *
 * <p>{@code @Nested} classes share the enclosing class's server; it is stopped when the class that started it ends.
 *
 * @param <S> the handle type tests receive
 */
public abstract class ServerExtension<S extends AutoCloseable>
        implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Class<S> handleType;
    private volatile S server;
    private String startedByContext;

    protected ServerExtension(Class<S> handleType) {
        this.handleType = handleType;
    }

    /** Starts the server and waits until it answers; on failure it must have stopped what it started. */
    protected abstract S start() throws Exception;

    /** The running server. */
    public S get() {
        S current = server;
        if (current == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has not started its server: register it on a"
                    + " static field with @RegisterExtension or on the class with @ExtendWith, and use it from tests or"
                    + " @BeforeAll methods only");
        }
        return current;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (server != null) {
            return; // a @Nested class: keep the server its enclosing class started
        }
        long started = System.nanoTime();
        server = start();
        startedByContext = context.getUniqueId();
        System.out.printf("[eks2aks-test-servers] %s ready in %d ms for %s%n",
                server, (System.nanoTime() - started) / 1_000_000, context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null && context.getUniqueId().equals(startedByContext)) {
            S stopping = server;
            server = null;
            startedByContext = null;
            stopping.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == handleType;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return get();
    }
}

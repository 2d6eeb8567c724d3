package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Registry} per host and role, sharing one transport (its connection pool). */
public final class RegistryClients implements AutoCloseable {

    private final RegistryAccess access;
    private final HttpTransport http;
    private final Clock clock;
    private final Map<String, Registry> registries = new ConcurrentHashMap<>();

    /** For a few requests at a time (listing catalogs): the JDK's connections. */
    public RegistryClients(RegistryAccess access, Clock clock) {
        this(access, clock, UrlConnectionTransport.forRegistries());
    }

    /** For a run of {@code parallel} transfers: a connection pool of its own, sized to that. */
    public RegistryClients(RegistryAccess access, Clock clock, int parallel) {
        this(access, clock, PooledTransport.forRegistries(parallel));
    }

    RegistryClients(RegistryAccess access, Clock clock, HttpTransport http) {
        this.access = access;
        this.clock = clock;
        this.http = http;
    }

    /** Closes the connections of a pool of its own. */
    @Override
    public void close() {
        if (http instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Closing idle connections at the end of a run: nothing to report.
            }
        }
    }

    /** The registry images are read from. */
    public Registry source(String host) {
        return registries.computeIfAbsent("source " + host, k -> create(host, access.source(), access.sourceEndpoints()));
    }

    /** The registry images are written to. */
    public Registry target(String host) {
        return registries.computeIfAbsent("target " + host, k -> create(host, access.target(), RegistryEndpoints.NONE));
    }

    public RegistryAccess access() {
        return access;
    }

    private Registry create(String host, CredentialsProvider credentials, RegistryEndpoints endpoints) {
        return new Registry(new RegistryHttp(host, endpoints.endpoint(host).orElse(null), access.plainHttpHosts().contains(host), http,
                credentials, access.retry(), clock));
    }
}

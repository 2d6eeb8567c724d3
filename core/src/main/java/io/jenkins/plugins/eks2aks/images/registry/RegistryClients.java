package io.jenkins.plugins.eks2aks.images.registry;

import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link Registry} per host and role, sharing one JDK HTTP client (its connection pool). HTTP/1.1 on purpose:
 * parallel blob transfers then use parallel connections instead of sharing one HTTP/2 connection's window.
 */
public final class RegistryClients {

    private final RegistryAccess access;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Registry> registries = new ConcurrentHashMap<>();

    public RegistryClients(RegistryAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The registry images are read from. */
    public Registry source(String host) {
        return registries.computeIfAbsent("source " + host, k -> create(host, access.source()));
    }

    /** The registry images are written to. */
    public Registry target(String host) {
        return registries.computeIfAbsent("target " + host, k -> create(host, access.target()));
    }

    public RegistryAccess access() {
        return access;
    }

    private Registry create(String host, CredentialsProvider credentials) {
        return new Registry(new RegistryHttp(host, access.plainHttpHosts().contains(host), http, credentials, access.retry(), clock));
    }
}

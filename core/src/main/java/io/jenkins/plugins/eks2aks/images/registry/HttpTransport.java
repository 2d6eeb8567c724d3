package io.jenkins.plugins.eks2aks.images.registry;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Sends one HTTP request and hands back the response with its body still streaming. No authentication, retries or
 * redirects here: {@link RegistryHttp} does those, the same way over any transport.
 */
public interface HttpTransport {

    /**
     * @param body the request body, or null for none
     * @return the response; the caller reads and closes it
     * @throws IOException when the connection fails before a response arrives
     */
    RegistryResponse send(String method, URI uri, Map<String, String> headers, RequestBody body) throws IOException;
}

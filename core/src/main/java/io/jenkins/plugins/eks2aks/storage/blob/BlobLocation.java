package io.jenkins.plugins.eks2aks.storage.blob;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.credentials.SecretMask;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A container URL as AzCopy takes it: {@code https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX][?SAS]}, or
 * path-style when the host is an IP address or {@code localhost} (Azurite, Azure Stack):
 * {@code http://127.0.0.1:10000/ACCOUNT/CONTAINER[/PREFIX]}. The prefix is a folder (ends with {@code /} or is empty).
 *
 * @param serviceUrl the account's blob service URL, without a query
 * @param account    the storage account
 * @param container  the container
 * @param prefix     empty, or a blob name prefix ending with {@code /}
 * @param sas        the SAS query without {@code ?}, or null
 */
public record BlobLocation(String serviceUrl, String account, String container, String prefix, String sas) {

    public static BlobLocation parse(String value, String option) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new MigrationException(option + " is not a URL: " + SecretMask.TOKENS.mask(value)
                    + " (expected https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX])");
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("(?i)https?")) {
            throw new MigrationException(option + " '" + SecretMask.TOKENS.mask(value)
                    + "' is not a blob container URL (expected https://ACCOUNT.blob.core.windows.net/CONTAINER[/PREFIX])");
        }
        String host = uri.getHost();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String origin = uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String account;
        String serviceUrl;
        if (pathStyle(host)) {
            int slash = path.indexOf('/');
            account = slash < 0 ? path : path.substring(0, slash);
            path = slash < 0 ? "" : path.substring(slash + 1);
            serviceUrl = origin + "/" + account;
        } else {
            account = host.split("\\.")[0];
            serviceUrl = origin;
        }
        int slash = path.indexOf('/');
        String container = decode(slash < 0 ? path : path.substring(0, slash));
        String prefix = slash < 0 ? "" : decode(path.substring(slash + 1));
        if (!container.matches("\\$root|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")) {
            throw new MigrationException(option + " '" + SecretMask.TOKENS.mask(value) + "' names no valid container ('"
                    + container + "'; expected 3-63 lower-case letters, digits and single hyphens after the account)");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        String sas = uri.getRawQuery() == null || uri.getRawQuery().isBlank() ? null : uri.getRawQuery();
        return new BlobLocation(serviceUrl, account, container, prefix, sas);
    }

    private static boolean pathStyle(String host) {
        return host.equals("localhost") || host.matches("[0-9.]+") || host.startsWith("[");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The container's URL without a query. */
    public String containerUrl() {
        return serviceUrl + "/" + container;
    }

    /** This location with another SAS (one from the environment). */
    public BlobLocation withSas(String token) {
        return new BlobLocation(serviceUrl, account, container, prefix, token == null ? null : token.replaceFirst("^\\?", ""));
    }

    /** The container URL with the SAS, as AzCopy takes it. Never print it: see {@link #toString()}. */
    public String containerUrlWithSas() {
        return containerUrl() + (sas == null ? "" : "?" + sas);
    }

    /** The URL as shown to people: the prefix included, the SAS signature masked. */
    @Override
    public String toString() {
        return containerUrl() + "/" + prefix + (sas == null ? "" : "?" + SecretMask.TOKENS.mask(sas));
    }
}

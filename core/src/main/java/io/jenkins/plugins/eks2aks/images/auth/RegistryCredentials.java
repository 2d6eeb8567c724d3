package io.jenkins.plugins.eks2aks.images.auth;

import java.util.Objects;

/**
 * A user name and password (or token) for one registry: Basic auth, or the credentials a Bearer token endpoint
 * takes. {@link #toString()} never shows the password, so a record printed by mistake leaks nothing.
 */
public record RegistryCredentials(String username, String password) {

    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Parses {@code user:password} as given on a command line (split on the first colon, since tokens may contain
     * colons).
     *
     * @throws IllegalArgumentException without echoing the value, which holds a secret
     */
    public static RegistryCredentials parse(String userColonPassword) {
        int colon = userColonPassword == null ? -1 : userColonPassword.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected user:password");
        }
        return new RegistryCredentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=****]";
    }
}

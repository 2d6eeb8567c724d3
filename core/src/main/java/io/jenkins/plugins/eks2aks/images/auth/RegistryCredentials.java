package io.jenkins.plugins.eks2aks.images.auth;

import java.util.Objects;

/**
 * A user name and password (or token) for one registry: Basic auth, or the credentials a Bearer token endpoint
 * takes. {@link #toString()} never shows the password, so a record printed by mistake leaks nothing.
 *
 * <p>An identity token (an OAuth2 refresh token, what {@code docker login} keeps as {@code identitytoken}) has the user
 * {@value #IDENTITY_TOKEN_USER}, the convention of Docker's credential helpers: it is sent to the token endpoint with the
 * refresh-token grant, never as Basic auth.
 */
public record RegistryCredentials(String username, String password) {

    public static final String IDENTITY_TOKEN_USER = "<token>";

    /** An identity token for the token endpoint's refresh-token grant. */
    public static RegistryCredentials identityToken(String refreshToken) {
        return new RegistryCredentials(IDENTITY_TOKEN_USER, refreshToken);
    }

    public boolean isIdentityToken() {
        return IDENTITY_TOKEN_USER.equals(username);
    }

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

package io.jenkins.plugins.eks2aks.images.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Registry credentials from a Docker or Podman auth file ({@code ~/.docker/config.json},
 * {@code ${XDG_RUNTIME_DIR}/containers/auth.json}), the file {@code docker login}, {@code podman login} and
 * {@code skopeo login} write:
 *
 * <pre>{@code {"auths": {"registry.example.com": {"auth": "<base64 of user:password>"}}}}</pre>
 *
 * <p>An entry gives its credentials as {@code auth} (base64 of {@code user:password}), or as {@code username} and
 * {@code password}. Keys may be a host ({@code host:port}), a URL ({@code https://host}) or a legacy URL with a path
 * ({@code https://index.docker.io/v1/}); all of them name the host. Docker Hub's keys ({@code index.docker.io},
 * {@code registry-1.docker.io}) also answer for {@code docker.io}, the registry of references without one.
 *
 * <p>An {@code identitytoken} (an OAuth2 refresh token) is used as such: the registry client sends it to the token
 * endpoint with the refresh-token grant ({@link RegistryCredentials#identityToken(String)}). ACR also accepts its refresh
 * token as the password of the user {@value #ACR_REFRESH_TOKEN_USER} (as {@code az acr login}'s token is used), so an
 * ACR login server's identity token is used that way.
 *
 * <p>What this class cannot use is skipped, and {@link #note(String)} says why, without the secret:
 * <ul>
 *     <li>Entries without a secret in the file (credentials kept by a {@code credsStore} or {@code credHelpers}
 *     helper, which this class does not run).</li>
 *     <li>Podman's per-repository keys ({@code quay.io/team}): credentials here are per host.</li>
 * </ul>
 *
 * <p>Read once; the secrets stay in memory only. Every error names the file and the host, never a secret.
 */
public final class AuthFile implements CredentialsProvider {

    /** The user ACR's token endpoint expects with a refresh token (the same as the ACR Entra exchange uses). */
    static final String ACR_REFRESH_TOKEN_USER = "00000000-0000-0000-0000-000000000000";
    private static final Set<String> DOCKER_HUB = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private final Path file;
    private final Map<String, RegistryCredentials> credentials;
    private final Map<String, String> notes;

    private AuthFile(Path file, Map<String, RegistryCredentials> credentials, Map<String, String> notes) {
        this.file = file;
        this.credentials = Map.copyOf(credentials);
        this.notes = Map.copyOf(notes);
    }

    /**
     * Reads {@code file}.
     *
     * @throws MigrationException when the file cannot be read, is not JSON, or an entry is malformed; the message names
     *                            the file and the entry's host and never contains a secret
     */
    public static AuthFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationException("Cannot read the auth file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            // Not the parser's message: it may quote the file's content, and that holds secrets.
            throw new MigrationException("The auth file " + file + " is not valid JSON"
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new MigrationException("Cannot read the auth file " + file, e);
        }
        if (root == null || !root.isObject()) {
            throw new MigrationException("The auth file " + file + " is not a JSON object with \"auths\"");
        }
        // A config.json without "auths" (nobody logged in yet) has no credentials, which is not an error.
        JsonNode auths = root.path("auths");
        if (!auths.isMissingNode() && !auths.isNull() && !auths.isObject()) {
            throw new MigrationException("The auth file " + file + " has an \"auths\" that is not an object");
        }
        Map<String, RegistryCredentials> found = new LinkedHashMap<>();
        Map<String, Boolean> exactKey = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        String helper = root.path("credsStore").asText("");
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            Key parsed = Key.parse(key);
            if (parsed.host().isEmpty()) {
                throw new MigrationException("The auth file " + file + " has an entry without a host (key '" + key + "')");
            }
            String host = parsed.host();
            if (parsed.repositoryScoped()) {
                notes.putIfAbsent(host, "the auth file " + file + " has credentials for " + key
                        + " only (a repository, not the whole host); eks2aks uses per-host entries");
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isObject()) {
                throw new MigrationException("The auth file " + file + ": the entry for " + host + " is not an object");
            }
            Optional<RegistryCredentials> creds = credentials(file, host, value, notes, helper, root);
            if (creds.isEmpty()) {
                continue;
            }
            // A bare host key wins over a URL form of it (docker looks the exact key up first).
            boolean exact = key.equalsIgnoreCase(host);
            if (!found.containsKey(host) || (exact && !exactKey.get(host))) {
                found.put(host, creds.get());
                exactKey.put(host, exact);
                notes.remove(host);
            }
        }
        return new AuthFile(file, found, notes);
    }

    private static Optional<RegistryCredentials> credentials(Path file, String host, JsonNode entry, Map<String, String> notes,
                                                             String credsStore, JsonNode root) {
        String user = null;
        String password = null;
        JsonNode auth = entry.path("auth");
        if (auth.isTextual() && !auth.asText().isBlank()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.asText().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MigrationException("The auth file " + file + ": the \"auth\" of the entry for " + host
                        + " is not base64 of user:password");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new MigrationException("The auth file " + file + ": the \"auth\" of the entry for " + host
                        + " is not base64 of user:password (no colon)");
            }
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        if (isEmpty(user) && entry.path("username").isTextual()) {
            user = entry.path("username").asText();
        }
        if (isEmpty(password) && entry.path("password").isTextual()) {
            password = entry.path("password").asText();
        }
        String identityToken = entry.path("identitytoken").asText("");
        if (!identityToken.isEmpty()) {
            if (isAcr(host)) {
                return Optional.of(new RegistryCredentials(ACR_REFRESH_TOKEN_USER, identityToken));
            }
            if (isEmpty(user) || isEmpty(password)) {
                return Optional.of(RegistryCredentials.identityToken(identityToken));
            }
        }
        if (isEmpty(user) && isEmpty(password)) {
            boolean helper = !credsStore.isEmpty() || root.path("credHelpers").has(host);
            notes.putIfAbsent(host, "the auth file " + file + " has no credentials for " + host
                    + (helper ? " in the file (they are kept by a credential helper, which eks2aks does not run)" : ""));
            return Optional.empty();
        }
        if (isEmpty(user) || password == null) {
            throw new MigrationException("The auth file " + file + ": the entry for " + host
                    + (isEmpty(user) ? " has a password but no user name" : " has a user name but no password"));
        }
        return Optional.of(new RegistryCredentials(user, password));
    }

    @Override
    public Optional<RegistryCredentials> credentialsFor(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        RegistryCredentials direct = credentials.get(h);
        if (direct != null || !DOCKER_HUB.contains(h)) {
            return Optional.ofNullable(direct);
        }
        return DOCKER_HUB.stream().map(credentials::get).filter(c -> c != null).findFirst();
    }

    /** The hosts the file has usable credentials for. */
    public Set<String> hosts() {
        return credentials.keySet();
    }

    /** Why the file's entry for {@code host} is not used, when it has one that is not; never contains a secret. */
    public Optional<String> note(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (credentialsFor(h).isPresent()) {
            return Optional.empty();
        }
        if (notes.containsKey(h) || !DOCKER_HUB.contains(h)) {
            return Optional.ofNullable(notes.get(h));
        }
        return DOCKER_HUB.stream().map(notes::get).filter(n -> n != null).findFirst();
    }

    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "AuthFile[" + file + ", hosts=" + hosts() + "]";
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static boolean isAcr(String host) {
        return host.endsWith(".azurecr.io") || host.endsWith(".azurecr.cn") || host.endsWith(".azurecr.us");
    }

    /**
     * An {@code auths} key: {@code host[:port]}, {@code scheme://host[:port][/path]}, or Podman's
     * {@code host[:port]/namespace} (scoped to a repository).
     */
    private record Key(String host, boolean repositoryScoped) {
        static Key parse(String key) {
            String k = key.strip();
            boolean url = false;
            int scheme = k.indexOf("://");
            if (scheme >= 0) {
                k = k.substring(scheme + 3);
                url = true;
            }
            int slash = k.indexOf('/');
            String host = (slash < 0 ? k : k.substring(0, slash)).toLowerCase(Locale.ROOT);
            String path = slash < 0 ? "" : k.substring(slash);
            // A URL's path is the legacy API path (/v1/, /v2/): docker ignores it. Without a scheme, Podman reads a
            // path as a repository namespace.
            boolean scoped = !url && !path.isEmpty() && !path.matches("/(v[12]/?)?");
            return new Key(host, scoped);
        }
    }
}

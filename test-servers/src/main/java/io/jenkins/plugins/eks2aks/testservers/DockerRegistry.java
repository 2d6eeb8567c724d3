package io.jenkins.plugins.eks2aks.testservers;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running {@code docker-registry} (the OCI distribution reference server, v2.8) on 127.0.0.1: the stand-in for ECR
 * and ACR. Filesystem storage in a temp directory, deletes enabled.
 *
 * <p>Three flavours ({@link Auth}): anonymous; htpasswd Basic auth; Bearer-token auth, whose token endpoint runs in
 * the test JVM (see {@link #tokenRealm()}). Credentials are {@link #username()} / {@link #password()}; an anonymous
 * registry ignores them.
 *
 * <p>Usually started by {@link DockerRegistryExtension}; {@link #start(Auth)} is public for tests that manage the
 * lifecycle themselves. Always {@link #close()} it.
 */
public final class DockerRegistry implements AutoCloseable {
    /** How clients authenticate to the registry. */
    public enum Auth {
        /** No authentication. */
        ANONYMOUS,
        /** HTTP Basic against a bcrypt htpasswd file. */
        BASIC,
        /** The Docker token flow: 401 Bearer challenge, token from {@link #tokenRealm()} with Basic credentials. */
        TOKEN
    }

    /** The {@code service} the registry names in its Bearer challenge and that tokens carry as audience. */
    public static final String TOKEN_SERVICE = "eks2aks-test-registry";
    /** The {@code iss} the registry expects in tokens; also the certificate's CN. */
    public static final String TOKEN_ISSUER = "eks2aks-test-token-issuer";
    public static final String USERNAME = "eks2aks-user";

    private final Auth auth;
    private final int port;
    private final String password;
    private final Path workDir;
    private RegistryTokenServer tokenServer;
    private ServerProcess process;

    private DockerRegistry(Auth auth, int port, String password, Path workDir) {
        this.auth = auth;
        this.port = port;
        this.password = password;
        this.workDir = workDir;
    }

    /** Starts a registry on a free loopback port and waits until {@code /v2/} answers. */
    public static DockerRegistry start(Auth auth) throws Exception {
        Path registryBinary = TestServerInstall.dockerRegistry();
        Path workDir = TempDirectories.create("docker-registry");
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        DockerRegistry registry = new DockerRegistry(auth, FreePort.pick(), "pw-" + HexFormat.of().formatHex(random), workDir);
        try {
            registry.launch(registryBinary);
            return registry;
        } catch (Throwable t) {
            registry.close();
            throw t;
        }
    }

    private void launch(Path registryBinary) throws Exception {
        Path storage = Files.createDirectories(workDir.resolve("storage"));
        String authSection = "";
        if (auth == Auth.BASIC) {
            Path htpasswdFile = workDir.resolve("htpasswd");
            // -B: bcrypt, the only hash docker-registry accepts.
            Processes.runChecked(List.of(TestServerInstall.htpasswd().toString(), "-Bbc", htpasswdFile.toString(),
                    USERNAME, password), workDir);
            authSection = "auth:\n"
                    + "  htpasswd:\n"
                    + "    realm: eks2aks-test-registry\n"
                    + "    path: " + Json.string(htpasswdFile.toString()) + "\n";
        } else if (auth == Auth.TOKEN) {
            tokenServer = new RegistryTokenServer(workDir, TOKEN_ISSUER, TOKEN_SERVICE, USERNAME, password);
            authSection = "auth:\n"
                    + "  token:\n"
                    + "    realm: " + Json.string(tokenServer.realm().toString()) + "\n"
                    + "    service: " + TOKEN_SERVICE + "\n"
                    + "    issuer: " + TOKEN_ISSUER + "\n"
                    + "    rootcertbundle: " + Json.string(RegistryTokenServer.certificateFile(workDir).toString()) + "\n";
        }
        // JSON strings are valid YAML double-quoted scalars, which keeps paths safe whatever they contain.
        String config = "version: 0.1\n"
                + "log:\n"
                + "  level: info\n"
                + "  accesslog:\n"
                + "    disabled: false\n"
                + "storage:\n"
                + "  filesystem:\n"
                + "    rootdirectory: " + Json.string(storage.toString()) + "\n"
                + "  delete:\n"
                + "    enabled: true\n"
                + "  maintenance:\n"
                + "    uploadpurging:\n"
                + "      enabled: false\n"
                + "http:\n"
                + "  addr: 127.0.0.1:" + port + "\n"
                // A fixed secret silences the "No HTTP secret provided" warning; it signs upload state only.
                + "  secret: eks2aks-test-registry-upload-secret\n"
                + authSection;
        Path configFile = workDir.resolve("config.yml");
        Files.writeString(configFile, config, StandardCharsets.UTF_8);

        process = ServerProcess.start("docker-registry (" + auth + ")",
                List.of(registryBinary.toString(), "serve", configFile.toString()),
                workDir.resolve("docker-registry.log"), Map.of());
        URI v2 = URI.create(baseUrl() + "/v2/");
        // Any answer from /v2/ (200, or 401 when auth is on) means the registry is serving.
        process.awaitReady(Duration.ofSeconds(30), Duration.ofMillis(25), () -> {
            int status = HttpProbe.get(v2).statusCode();
            return status == 200 || status == 401;
        });
    }

    public Auth auth() {
        return auth;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + hostPort();
    }

    /** {@code 127.0.0.1:PORT}: the registry part of an image reference, e.g. {@code 127.0.0.1:PORT/team/app:1.0}. */
    public String hostPort() {
        return host() + ":" + port;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The user that Basic and token auth accept. */
    public String username() {
        return USERNAME;
    }

    /** The password that Basic and token auth accept; random per started registry. */
    public String password() {
        return password;
    }

    /** For {@link Auth#TOKEN}: the token endpoint the registry's Bearer challenge names. */
    public Optional<URI> tokenRealm() {
        return tokenServer == null ? Optional.empty() : Optional.of(tokenServer.realm());
    }

    /** For {@link Auth#TOKEN}: the {@code service} of the challenge and the tokens' audience. */
    public String tokenService() {
        return TOKEN_SERVICE;
    }

    /** How many tokens the token endpoint has issued (0 unless {@link Auth#TOKEN}). */
    public int tokensIssued() {
        return tokenServer == null ? 0 : tokenServer.tokensIssued();
    }

    /** How many token requests the token endpoint refused (bad credentials and the like). */
    public int tokenRequestsRejected() {
        return tokenServer == null ? 0 : tokenServer.requestsRejected();
    }

    /** Every scope granted so far, in order, e.g. {@code repository:team/app:pull,push}. */
    /** An identity token (OAuth2 refresh token) for {@link #username()}, as {@code docker login} stores it; token auth only. */
    public String identityToken() {
        if (tokenServer == null) {
            throw new IllegalStateException("identity tokens need a token-auth registry");
        }
        return tokenServer.refreshToken();
    }

    /** How the token endpoint was asked for each token: {@code basic}, {@code password} or {@code refresh_token}. */
    public List<String> tokenGrants() {
        return tokenServer == null ? List.of() : tokenServer.grants();
    }

    public List<String> tokenScopesGranted() {
        return tokenServer == null ? List.of() : tokenServer.scopesGranted();
    }

    /** The registry's storage root (filesystem driver layout under {@code docker/registry/v2}). */
    public Path storageDirectory() {
        return workDir.resolve("storage");
    }

    public Path logFile() {
        return workDir.resolve("docker-registry.log");
    }

    /** Stops the registry and its token endpoint and deletes its storage. */
    @Override
    public void close() {
        try {
            if (process != null) {
                process.close();
            }
        } finally {
            if (tokenServer != null) {
                tokenServer.close();
            }
            TempDirectories.deleteQuietly(workDir);
        }
    }

    @Override
    public String toString() {
        return "docker-registry (" + auth + ") at " + baseUrl();
    }
}

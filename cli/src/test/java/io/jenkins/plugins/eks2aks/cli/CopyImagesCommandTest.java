package io.jenkins.plugins.eks2aks.cli;

import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CopyImagesCommandTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.tokenAuth();

    private static String manifestDigest;
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    /** Where this test copies to, so that every test finds the target without the image (the other tests use mirror/). */
    private final String prefix = "creds" + PREFIXES.incrementAndGet();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Pushes team/app:1.0 (one layer) into the Basic-auth source, sending the credentials up front as docker does. */
    @BeforeAll
    static void pushImage() throws Exception {
        byte[] layer = "a layer's bytes".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        String layerDigest = pushBlob(layer);
        String configDigest = pushBlob(config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"size\":" + config.length + ",\"digest\":\"" + configDigest + "\"},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"size\":" + layer.length + ",\"digest\":\""
                + layerDigest + "\"}]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(SOURCE.get().baseUrl() + "/v2/team/app/manifests/1.0"))
                .header("Content-Type", "application/vnd.oci.image.manifest.v1+json").PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
        assertEquals(201, put.statusCode(), put.body());
        manifestDigest = sha256(manifest);
    }

    private int run(String... args) {
        return Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    /** Runs with this environment (instead of the JVM's) and this standard input. */
    private int runWith(Map<String, String> env, String stdin, String... args) {
        CommandLine cli = Eks2AksCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        CopyImagesCommand command = cli.getSubcommands().get("copy-images").getCommand();
        command.environment = env;
        command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        return cli.execute(args);
    }

    /** copy-images of team/app:1.0 to a repository prefix of its own, without credentials options; {@code more} adds them. */
    private String[] plainArgs(Path dir, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("copy-images", "--to", TARGET.get().hostPort() + "/" + prefix, "--mode", "copy",
                "--plain-http", SOURCE.get().hostPort(), "--plain-http", TARGET.get().hostPort(), "--out", dir.toString()));
        args.addAll(List.of(more));
        args.add(SOURCE.get().hostPort() + "/team/app:1.0");
        return args.toArray(String[]::new);
    }

    private void assertCopiedWithoutShowingASecret(Path dir, int exit) throws IOException {
        assertEquals(0, exit, err.toString());
        String mapping = Files.readString(dir.resolve("image-mapping.json"));
        assertTrue(mapping.contains(TARGET.get().hostPort() + "/" + prefix + "/team/app:1.0@" + manifestDigest), mapping);
        for (String secret : List.of(SOURCE.get().password(), TARGET.get().password())) {
            assertFalse((out + "" + err).contains(secret), "the console output contains a password");
        }
    }

    private String[] copyArgs(Path dir, String... more) {
        DockerRegistry s = SOURCE.get();
        DockerRegistry t = TARGET.get();
        List<String> args = new java.util.ArrayList<>(List.of("copy-images", "--to", t.hostPort() + "/mirror", "--mode", "copy",
                "--src-creds", s.username() + ":" + s.password(), "--dest-creds", t.username() + ":" + t.password(),
                "--plain-http", s.hostPort(), "--plain-http", t.hostPort(), "--out", dir.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void copiesPinsByDigestExitsNonZeroForAFailedImageAndNeverShowsACredential(@TempDir Path tmp) throws IOException {
        Path list = Files.writeString(tmp.resolve("images.txt"), "# from the inventory\n" + SOURCE.get().hostPort() + "/team/app:1.0\n"
                + SOURCE.get().hostPort() + "/team/app:no-such-tag\n");
        Path dir = tmp.resolve("out");

        int exit = run(copyArgs(dir, "--images-file", list.toString()));

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit, err.toString());
        String mapping = Files.readString(dir.resolve("image-mapping.json"));
        assertTrue(mapping.contains("\"" + SOURCE.get().hostPort() + "/team/app:1.0\" : \"" + TARGET.get().hostPort() + "/mirror/team/app:1.0@"
                + manifestDigest + "\""), mapping);
        assertTrue(out.toString().contains("copied " + SOURCE.get().hostPort() + "/team/app:1.0"), out.toString());
        assertTrue(err.toString().contains(SOURCE.get().hostPort() + "/team/app:no-such-tag: tag 'no-such-tag' not found"), err.toString());
        List<String> secrets = List.of(SOURCE.get().password(), TARGET.get().password());
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(f);
                secrets.forEach(secret -> assertFalse(content.contains(secret), f + " contains a password"));
            }
        }
        secrets.forEach(secret -> assertFalse((out + "" + err).contains(secret), "the console output contains a password"));
        assertTrue(TARGET.get().tokensIssued() > 0, "the target's Bearer token flow was used");
    }

    @Test
    void aDryRunListsWhatWouldBeCopiedWithSizesAndWritesNothing(@TempDir Path tmp) {
        Path dir = tmp.resolve("out");

        int exit = run(copyArgs(dir, "--dry-run", SOURCE.get().hostPort() + "/team/app:1.0"));

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("would copy " + SOURCE.get().hostPort() + "/team/app:1.0 -> "), out.toString());
        assertTrue(out.toString().contains(" KiB to send"), out.toString());
        assertFalse(Files.exists(dir));
    }

    @Test
    void wrongCredentialsFailTheImageWithOneLineNamingIt(@TempDir Path tmp) {
        DockerRegistry s = SOURCE.get();
        String image = s.hostPort() + "/team/app:1.0";

        int exit = runWith(Map.of(CopyImagesCommand.SRC_PASSWORD_ENV, "wrong-password"), "", "copy-images", "--to", TARGET.get().hostPort(),
                "--mode", "copy", "--src-creds", s.username(), "--plain-http", s.hostPort(), "--plain-http", TARGET.get().hostPort(),
                "--out", tmp.toString(), "-q", image);

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains(image + ": GET " + s.hostPort() + "/v2/team/app/manifests/1.0 answered HTTP 401"), err.toString());
        assertFalse(err.toString().contains("wrong-password"));
    }

    @Test
    void usageErrorsExitWith64AndNeverEchoACredential() {
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("copy-images", "x.example.com/a:1"));
        assertTrue(err.toString().contains("Missing required option: '--to=REGISTRY[/PREFIX]'"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("copy-images", "--to", "contoso.azurecr.io"));
        assertTrue(err.toString().contains("No images: give IMAGE arguments, --images-file or --repository"), err.toString());
        // Without a colon the value is the user, and the password comes from the environment: a password given
        // without its user is not echoed either.
        assertEquals(Eks2AksCommand.EXIT_USAGE, runWith(Map.of(), "", "copy-images", "--to", "r.example.com", "--src-creds",
                "s3cr3t-without-user", "x.example.com/a:1"));
        assertTrue(err.toString().contains("--src-creds USER needs the password: the environment variable EKS2AKS_SRC_PASSWORD is unset "
                + "or empty; set EKS2AKS_SRC_PASSWORD or pipe it to --src-password-stdin"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, runWith(Map.of(CopyImagesCommand.DEST_PASSWORD_ENV, ""), "", "copy-images", "--to",
                "r.example.com", "--dest-creds", "s3cr3t-without-user", "x.example.com/a:1"));
        assertTrue(err.toString().contains("the environment variable EKS2AKS_DEST_PASSWORD is unset or empty"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, run("copy-images", "--to", "r.example.com", "--src-creds", ":s3cr3t-without-user", "x.example.com/a:1"));
        assertTrue(err.toString().contains("Invalid value for --src-creds: expected USER or USER:PASSWORD"), err.toString());
        assertFalse(err.toString().contains("s3cr3t-without-user"), err.toString());
    }

    @Test
    void anInlinePasswordStillWorksButWarnsOnceOnStandardError(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");

        int exit = runWith(Map.of(), "", plainArgs(dir, "-q", "--src-creds", SOURCE.get().username() + ":" + SOURCE.get().password(),
                "--dest-creds", TARGET.get().username() + ":" + TARGET.get().password()));

        assertCopiedWithoutShowingASecret(dir, exit);
        List<String> warnings = err.toString().lines().filter(l -> l.startsWith("eks2aks: warning:")).toList();
        assertEquals(List.of(
                "eks2aks: warning: --src-creds USER:PASSWORD shows the password in the process list and shell history; prefer --src-creds "
                        + "USER with $EKS2AKS_SRC_PASSWORD or --src-password-stdin, or --authfile",
                "eks2aks: warning: --dest-creds USER:PASSWORD shows the password in the process list and shell history; prefer --dest-creds "
                        + "USER with $EKS2AKS_DEST_PASSWORD or --dest-password-stdin, or --authfile"), warnings, err.toString());
    }

    @Test
    void aUserAloneTakesItsPasswordFromTheEnvironmentWithoutAWarning(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");

        int exit = runWith(Map.of(CopyImagesCommand.SRC_PASSWORD_ENV, SOURCE.get().password(), CopyImagesCommand.DEST_PASSWORD_ENV, TARGET.get().password()),
                "", plainArgs(dir, "--src-creds", SOURCE.get().username(), "--dest-creds", TARGET.get().username()));

        assertCopiedWithoutShowingASecret(dir, exit);
        assertFalse(err.toString().contains("warning"), err.toString());
    }

    @Test
    void aPasswordOnStandardInputLosesOnlyItsTrailingNewline(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("out");

        int exit = runWith(Map.of(CopyImagesCommand.SRC_PASSWORD_ENV, SOURCE.get().password()), TARGET.get().password() + "\n",
                plainArgs(dir, "--src-creds", SOURCE.get().username(), "--dest-creds", TARGET.get().username(), "--dest-password-stdin"));

        assertCopiedWithoutShowingASecret(dir, exit);
        assertFalse(err.toString().contains("warning"), err.toString());
    }

    @Test
    void standardInputHoldsOnePasswordForAGivenUser(@TempDir Path tmp) {
        Map<String, String> env = Map.of(CopyImagesCommand.SRC_PASSWORD_ENV, "pw-from-env");
        assertEquals(Eks2AksCommand.EXIT_USAGE, runWith(env, "pw\n", plainArgs(tmp, "--src-creds", "u", "--dest-creds", "v",
                "--src-password-stdin", "--dest-password-stdin")));
        assertTrue(err.toString().contains("Standard input holds one password: give --src-password-stdin or --dest-password-stdin, not both"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, runWith(env, "pw\n", plainArgs(tmp, "--dest-password-stdin")));
        assertTrue(err.toString().contains("--dest-password-stdin needs the user: --dest-creds USER"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, runWith(env, "pw\n", plainArgs(tmp, "--src-creds", "u:inline-secret", "--src-password-stdin")));
        assertTrue(err.toString().contains("--src-creds gives a password and --src-password-stdin another"), err.toString());
        assertEquals(Eks2AksCommand.EXIT_USAGE, runWith(env, "\n", plainArgs(tmp, "--src-creds", "u", "--src-password-stdin")));
        assertTrue(err.toString().contains("--src-creds USER needs the password: standard input is empty"), err.toString());
        assertFalse(err.toString().contains("inline-secret") || err.toString().contains("pw-from-env"), err.toString());
    }

    @Test
    void anAuthFileGivesTheSourceAndTargetCredentials(@TempDir Path tmp) throws IOException {
        DockerRegistry s = SOURCE.get();
        DockerRegistry t = TARGET.get();
        // The source keyed as docker login writes it for a URL, with base64 user:password; the target as podman writes it.
        Path authFile = Files.writeString(tmp.resolve("config.json"), "{\"auths\":{"
                + "\"http://" + s.hostPort() + "\":{\"auth\":\"" + Base64.getEncoder().encodeToString((s.username() + ":" + s.password())
                .getBytes(StandardCharsets.UTF_8)) + "\"},"
                + "\"" + t.hostPort() + "\":{\"username\":\"" + t.username() + "\",\"password\":\"" + t.password() + "\"}}}");
        Path dir = tmp.resolve("out");
        int tokensBefore = t.tokensIssued();

        int exit = runWith(Map.of(), "", plainArgs(dir, "--authfile", authFile.toString()));

        assertCopiedWithoutShowingASecret(dir, exit);
        assertTrue(t.tokensIssued() > tokensBefore, "the target's token endpoint accepted the auth file's credentials");
        assertFalse(err.toString().contains("warning"), err.toString());
    }

    @Test
    void explicitCredentialsComeBeforeTheAuthFileAndUnusableEntriesAreNoted(@TempDir Path tmp) throws IOException {
        DockerRegistry s = SOURCE.get();
        DockerRegistry t = TARGET.get();
        // A wrong source password and a target entry kept by a credential helper: --src-creds/--dest-creds win.
        Path authFile = Files.writeString(tmp.resolve("auth.json"), "{\"auths\":{"
                + "\"" + s.hostPort() + "\":{\"username\":\"" + s.username() + "\",\"password\":\"stale-password\"},"
                + "\"" + t.hostPort() + "\":{}},\"credsStore\":\"desktop\"}");
        Path dir = tmp.resolve("out");

        int exit = runWith(Map.of(CopyImagesCommand.SRC_PASSWORD_ENV, s.password()), t.password(),
                plainArgs(dir, "--authfile", authFile.toString(), "--src-creds", s.username(), "--dest-creds", t.username(), "--dest-password-stdin"));

        assertCopiedWithoutShowingASecret(dir, exit);
        assertFalse(err.toString().contains("note:"), "no note about entries the explicit options replace: " + err);

        err.getBuffer().setLength(0);
        int withoutDest = runWith(Map.of(CopyImagesCommand.SRC_PASSWORD_ENV, s.password()), "",
                plainArgs(tmp.resolve("out2"), "--authfile", authFile.toString(), "--src-creds", s.username()));

        assertEquals(Eks2AksCommand.EXIT_ERROR, withoutDest, "the target needs credentials the auth file does not hold");
        assertTrue(err.toString().contains("eks2aks: note: the auth file " + authFile + " has no credentials for " + t.hostPort()
                + " in the file (they are kept by a credential helper, which eks2aks does not run)"), err.toString());
        assertFalse(err.toString().contains("stale-password"), err.toString());
    }

    @Test
    void aBrokenAuthFileIsOneLineNamingTheFileAndTheHost(@TempDir Path tmp) throws IOException {
        Path authFile = Files.writeString(tmp.resolve("config.json"), "{\"auths\":{\"r.example.com\":{\"auth\":\"not base64 secret-value\"}}}");

        int exit = runWith(Map.of(), "", "copy-images", "--to", "r.example.com", "--mode", "copy", "--authfile", authFile.toString(),
                "--out", tmp.resolve("out").toString(), "x.example.com/a:1");

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals("eks2aks: error: The auth file " + authFile + ": the \"auth\" of the entry for r.example.com is not base64 of user:password",
                err.toString().strip());
    }

    @Test
    void importModeNeedsTheResourceGroupAndSaysSoInOneLine(@TempDir Path tmp) {
        int exit = run("copy-images", "--to", "contoso.azurecr.io", "--out", tmp.toString(), "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0");

        assertEquals(Eks2AksCommand.EXIT_ERROR, exit);
        assertEquals("eks2aks: error: Import mode needs the target ACR's resource group (--resource-group); or use copy mode",
                err.toString().strip());
    }

    @Test
    void helpNamesEveryOptionTheIssueAsksFor() {
        assertEquals(0, run("copy-images", "--help"));
        for (String option : List.of("--images-file", "--to", "--mode", "--parallel", "--dry-run", "--src-creds", "--dest-creds", "--plain-http",
                "--src-password-stdin", "--dest-password-stdin", "--authfile", "EKS2AKS_SRC_PASSWORD", "EKS2AKS_DEST_PASSWORD")) {
            assertTrue(out.toString().contains(option), option);
        }
    }

    private static String pushBlob(byte[] content) throws IOException, InterruptedException {
        String digest = sha256(content);
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(SOURCE.get().baseUrl() + "/v2/team/app/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        URI location = URI.create(SOURCE.get().baseUrl() + "/").resolve(opened.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(location + "&digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        assertEquals(201, put.statusCode(), put.body());
        return digest;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        DockerRegistry s = SOURCE.get();
        request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((s.username() + ":" + s.password()).getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

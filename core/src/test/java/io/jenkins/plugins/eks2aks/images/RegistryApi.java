package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' own registry client, independent of the code under test: pushes fixtures and reads back what a copy
 * wrote. Answers Basic and Bearer challenges the simple way (a fresh token per request).
 */
final class RegistryApi {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String user;
    private final String password;

    RegistryApi(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    static RegistryApi of(DockerRegistry registry) {
        return new RegistryApi(registry.baseUrl(), registry.username(), registry.password());
    }

    static String sha256(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
        String digest = sha256(content);
        if (blobExists(repository, digest)) {
            return digest;
        }
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(opened, 202);
        URI location = URI.create(baseUrl + "/").resolve(opened.headers().firstValue("Location").orElseThrow());
        URI put = URI.create(location + (location.getRawQuery() == null ? "?" : "&") + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        expect(send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))), 201);
        return digest;
    }

    void putManifest(String repository, String reference, String mediaType, byte[] manifest) throws IOException, InterruptedException {
        expect(send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))), 201);
    }

    boolean blobExists(String repository, String digest) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode() == 200;
    }

    /** The manifest bytes {@code reference} resolves to, or empty. */
    Optional<byte[]> manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = sendBytes(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/manifests/" + reference))
                .header("Accept", "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
                        + "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json").GET());
        return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
    }

    /** sha256 of the manifest bytes {@code reference} resolves to, or empty. */
    Optional<String> digest(String repository, String reference) throws IOException, InterruptedException {
        return manifest(repository, reference).map(RegistryApi::sha256);
    }

    /** The repository names of {@code GET /v2/_catalog}. */
    List<String> repositories() throws IOException, InterruptedException {
        return names("/v2/_catalog?n=1000", "repositories");
    }

    /** The tags of {@code GET /v2/<name>/tags/list}. */
    List<String> tags(String repository) throws IOException, InterruptedException {
        return names("/v2/" + repository + "/tags/list", "tags");
    }

    private List<String> names(String path, String field) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
        expect(r, 200);
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(r.body()).path(field).forEach(n -> names.add(n.asText()));
        return names;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 401 && authorize(request, r.headers().firstValue("WWW-Authenticate").orElse(""))) {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return r;
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 401 && authorize(request, r.headers().firstValue("WWW-Authenticate").orElse(""))) {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        return r;
    }

    private boolean authorize(HttpRequest.Builder request, String challenge) throws IOException, InterruptedException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (challenge.startsWith("Basic")) {
            request.setHeader("Authorization", basic);
            return true;
        }
        if (challenge.startsWith("Bearer")) {
            Matcher m = PARAM.matcher(challenge);
            String realm = null;
            StringBuilder query = new StringBuilder();
            while (m.find()) {
                if (m.group(1).equals("realm")) {
                    realm = m.group(2);
                } else {
                    query.append(query.length() == 0 ? "" : "&").append(m.group(1)).append('=')
                            .append(URLEncoder.encode(m.group(2), StandardCharsets.UTF_8));
                }
            }
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(realm + "?" + query))
                    .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher t = TOKEN.matcher(token.body());
            if (token.statusCode() != 200 || !t.find()) {
                return false;
            }
            request.setHeader("Authorization", "Bearer " + t.group(1));
            return true;
        }
        return false;
    }

    private static void expect(HttpResponse<String> r, int status) throws IOException {
        if (r.statusCode() != status) {
            throw new IOException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
    }
}

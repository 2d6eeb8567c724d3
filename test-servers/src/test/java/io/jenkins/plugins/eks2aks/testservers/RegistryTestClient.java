package io.jenkins.plugins.eks2aks.testservers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal OCI distribution client, written the way real clients (docker, skopeo, containerd) behave: try the
 * request, and on 401 answer the challenge: Basic with the credentials, or Bearer by fetching a token for the
 * challenge's scope from its realm. Just enough to push and pull blobs.
 */
final class RegistryTestClient {
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Pattern TOKEN_FIELD = Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String username;
    private final String password;
    private final Map<String, String> tokensByScope = new HashMap<>();
    String lastToken;

    RegistryTestClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.password = password;
    }

    static String sha256Digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Monolithic blob upload: POST to open an upload session, PUT the bytes with their digest. Returns the digest. */
    String pushBlob(String repository, byte[] content) throws IOException, InterruptedException {
        String digest = sha256Digest(content);
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(opened, 202);
        URI location = URI.create(baseUrl + "/").resolve(opened.headers().firstValue("Location").orElseThrow());
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + URLEncoder.encode(digest, StandardCharsets.UTF_8));
        HttpResponse<String> committed = send(HttpRequest.newBuilder(put)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        expect(committed, 201);
        return committed.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    HttpResponse<byte[]> getBlob(String repository, String digest) throws IOException, InterruptedException {
        return sendBytes(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/blobs/" + digest)).GET());
    }

    /** Sends with authentication as needed; the builder's body must be replayable (ours are). */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401 && answerChallenge(request, response.headers().firstValue("WWW-Authenticate").orElse(""))) {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 401 && answerChallenge(request, response.headers().firstValue("WWW-Authenticate").orElse(""))) {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        return response;
    }

    private boolean answerChallenge(HttpRequest.Builder request, String challenge) throws IOException, InterruptedException {
        if (username == null) {
            return false;
        }
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            request.setHeader("Authorization", basic(username, password));
            return true;
        }
        if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            Map<String, String> params = challengeParameters(challenge);
            String scope = params.getOrDefault("scope", "");
            String token = tokensByScope.get(scope);
            if (token == null) {
                HttpResponse<String> tokenResponse = requestToken(URI.create(params.get("realm")), params.get("service"), scope, username, password);
                if (tokenResponse.statusCode() != 200) {
                    return false;
                }
                Matcher matcher = TOKEN_FIELD.matcher(tokenResponse.body());
                if (!matcher.find()) {
                    throw new IOException("Token response without a token: " + tokenResponse.body());
                }
                token = matcher.group(1);
                tokensByScope.put(scope, token);
            }
            lastToken = token;
            request.setHeader("Authorization", "Bearer " + token);
            return true;
        }
        return false;
    }

    /** GET realm?service=..&scope=.. with Basic credentials, as the Docker token spec describes. */
    HttpResponse<String> requestToken(URI realm, String service, String scope, String user, String secret)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder("service=").append(URLEncoder.encode(service, StandardCharsets.UTF_8));
        if (!scope.isEmpty()) {
            query.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder tokenRequest = HttpRequest.newBuilder(URI.create(realm + "?" + query)).GET();
        if (user != null) {
            tokenRequest.header("Authorization", basic(user, secret));
        }
        return http.send(tokenRequest.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> challengeParameters(String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAM.matcher(challenge);
        while (matcher.find()) {
            params.put(matcher.group(1), matcher.group(2));
        }
        return params;
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + response.headers().map() + " " + response.body());
        }
    }
}

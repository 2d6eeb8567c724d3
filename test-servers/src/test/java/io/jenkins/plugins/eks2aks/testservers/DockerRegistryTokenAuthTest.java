package io.jenkins.plugins.eks2aks.testservers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DockerRegistryTokenAuthTest {
    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.tokenAuth();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void registryChallengesWithTheTokenEndpointItRuns() throws Exception {
        DockerRegistry registry = REGISTRY.get();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create(registry.baseUrl() + "/v2/team/app/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer "), challenge);
        Map<String, String> params = RegistryTestClient.challengeParameters(challenge);
        assertEquals(registry.tokenRealm().orElseThrow().toString(), params.get("realm"));
        assertEquals(registry.tokenService(), params.get("service"));
        assertEquals(Set.of("pull", "push"), actionsOf("repository:team/app:", params.get("scope")));
    }

    @Test
    void clientFollowingTheBearerChallengePushesAndPullsABlob() throws Exception {
        DockerRegistry registry = REGISTRY.get();
        byte[] content = "layer bytes for the token-auth registry".getBytes(StandardCharsets.UTF_8);
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), registry.username(), registry.password());
        int tokensBefore = registry.tokensIssued();

        String digest = client.pushBlob("team/token", content);
        HttpResponse<byte[]> pulled = client.getBlob("team/token", digest);

        assertEquals(200, pulled.statusCode());
        assertArrayEquals(content, pulled.body());
        assertTrue(registry.tokensIssued() > tokensBefore, "the token endpoint issued no token");
        assertTrue(registry.tokenScopesGranted().stream().anyMatch(scope -> actionsOf("repository:team/token:", scope).contains("push")),
                registry.tokenScopesGranted().toString());
    }

    /** The actions of a scope for the given {@code type:name:} prefix (the registry does not fix their order). */
    private static Set<String> actionsOf(String prefix, String scope) {
        return scope != null && scope.startsWith(prefix) ? Set.of(scope.substring(prefix.length()).split(",")) : Set.of();
    }

    @Test
    void tokenEndpointRejectsAWrongPassword() throws Exception {
        DockerRegistry registry = REGISTRY.get();
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), registry.username(), "not-the-password");
        int rejectedBefore = registry.tokenRequestsRejected();

        HttpResponse<String> response = client.requestToken(registry.tokenRealm().orElseThrow(), registry.tokenService(),
                "repository:team/app:pull", registry.username(), "not-the-password");

        assertEquals(401, response.statusCode());
        assertEquals(rejectedBefore + 1, registry.tokenRequestsRejected());
    }

    @Test
    void tokenGrantsExactlyTheRequestedScopeToItsAudience() throws Exception {
        DockerRegistry registry = REGISTRY.get();
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), registry.username(), registry.password());

        HttpResponse<String> response = client.requestToken(registry.tokenRealm().orElseThrow(), registry.tokenService(),
                "repository:team/app:pull", registry.username(), registry.password());

        assertEquals(200, response.statusCode(), response.body());
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(response.body());
        assertTrue(token.find(), response.body());
        String[] parts = token.group(1).split("\\.");
        assertEquals(3, parts.length);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"alg\":\"RS256\"") && header.contains("\"x5c\":[\""), header);
        assertTrue(claims.contains("\"aud\":\"" + registry.tokenService() + "\""), claims);
        assertTrue(claims.contains("\"sub\":\"" + registry.username() + "\""), claims);
        assertTrue(claims.contains("\"access\":[{\"type\":\"repository\",\"name\":\"team/app\",\"actions\":[\"pull\"]}]"), claims);
    }

    @Test
    void tokenForOneRepositoryDoesNotOpenAnother() throws Exception {
        DockerRegistry registry = REGISTRY.get();
        RegistryTestClient client = new RegistryTestClient(registry.baseUrl(), registry.username(), registry.password());
        String digest = client.pushBlob("team/one", "only in team/one".getBytes(StandardCharsets.UTF_8));
        String tokenForTeamOne = client.lastToken;

        HttpResponse<String> other = http.send(HttpRequest.newBuilder(
                        URI.create(registry.baseUrl() + "/v2/team/two/blobs/" + digest))
                .header("Authorization", "Bearer " + tokenForTeamOne).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> same = http.send(HttpRequest.newBuilder(
                        URI.create(registry.baseUrl() + "/v2/team/one/blobs/" + digest))
                .header("Authorization", "Bearer " + tokenForTeamOne).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, other.statusCode(), "a team/one token must not grant team/two");
        assertEquals(200, same.statusCode());
    }
}

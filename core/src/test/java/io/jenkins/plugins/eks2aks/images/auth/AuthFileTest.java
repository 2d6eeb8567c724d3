package io.jenkins.plugins.eks2aks.images.auth;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthFileTest {

    private static final String SECRET = "s3cr3t-Pa55:with:colons";

    @TempDir
    Path tmp;

    private Path write(String json) throws Exception {
        return Files.writeString(tmp.resolve("config.json"), json, StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "key {0}")
    @ValueSource(strings = {"registry.example.com:5000", "https://registry.example.com:5000", "http://registry.example.com:5000",
            "https://registry.example.com:5000/v1/", "https://registry.example.com:5000/v2/", "REGISTRY.Example.com:5000"})
    void everyKeyFormNamesTheHost(String key) throws Exception {
        AuthFile file = AuthFile.read(write("{\"auths\":{\"" + key + "\":{\"auth\":\"" + b64("alice:" + SECRET) + "\"}}}"));

        assertEquals(Optional.of(new RegistryCredentials("alice", SECRET)), file.credentialsFor("registry.example.com:5000"));
        assertEquals(Set.of("registry.example.com:5000"), file.hosts());
        assertTrue(file.credentialsFor("registry.example.com").isEmpty(), "another port is another registry");
        assertTrue(file.credentialsFor("other.example.com:5000").isEmpty());
    }

    @Test
    void podmanStyleUsernameAndPasswordFieldsAndADockerHubAlias() throws Exception {
        AuthFile file = AuthFile.read(write("""
                {
                  "auths": {
                    "quay.io": {"username": "robot+ci", "password": "%s"},
                    "https://index.docker.io/v1/": {"auth": "%s"}
                  },
                  "HttpHeaders": {"User-Agent": "Docker-Client/24"}
                }
                """.formatted(SECRET, b64("hubuser:hubtoken"))));

        assertEquals(new RegistryCredentials("robot+ci", SECRET), file.credentialsFor("quay.io").orElseThrow());
        assertEquals(new RegistryCredentials("hubuser", "hubtoken"), file.credentialsFor("docker.io").orElseThrow(),
                "references without a registry name docker.io; docker logs in as index.docker.io");
        assertEquals(new RegistryCredentials("hubuser", "hubtoken"), file.credentialsFor("registry-1.docker.io").orElseThrow());
    }

    @Test
    void aBareHostKeyWinsOverTheUrlFormWhateverTheOrder() throws Exception {
        AuthFile file = AuthFile.read(write("{\"auths\":{"
                + "\"https://r.example.com\":{\"auth\":\"" + b64("url:one") + "\"},"
                + "\"r.example.com\":{\"auth\":\"" + b64("bare:two") + "\"},"
                + "\"https://r.example.com/v1/\":{\"auth\":\"" + b64("legacy:three") + "\"}}}"));

        assertEquals(new RegistryCredentials("bare", "two"), file.credentialsFor("r.example.com").orElseThrow());
    }

    @Test
    void anAcrIdentityTokenIsUsedAsTheRefreshTokenOtherIdentityTokensGoToTheRefreshTokenGrant() throws Exception {
        // What 'az acr login' writes: auth is the null GUID with an empty password, the refresh token is identitytoken.
        AuthFile file = AuthFile.read(write("{\"auths\":{"
                + "\"contoso.azurecr.io\":{\"auth\":\"" + b64("00000000-0000-0000-0000-000000000000:") + "\",\"identitytoken\":\"acr-refresh-" + SECRET + "\"},"
                + "\"registry.gitlab.example\":{\"identitytoken\":\"oauth-" + SECRET + "\"}}}"));

        assertEquals(new RegistryCredentials("00000000-0000-0000-0000-000000000000", "acr-refresh-" + SECRET),
                file.credentialsFor("contoso.azurecr.io").orElseThrow());
        assertTrue(file.note("contoso.azurecr.io").isEmpty());
        RegistryCredentials identity = file.credentialsFor("registry.gitlab.example").orElseThrow();
        assertTrue(identity.isIdentityToken());
        assertEquals("oauth-" + SECRET, identity.password());
        assertTrue(file.note("registry.gitlab.example").isEmpty());
        assertFalse(identity.toString().contains(SECRET));
    }

    @Test
    void entriesKeptByACredentialHelperOrScopedToARepositoryAreSkippedWithANote() throws Exception {
        AuthFile file = AuthFile.read(write("{\"auths\":{\"ghcr.io\":{},"
                + "\"quay.io/team\":{\"auth\":\"" + b64("team:" + SECRET) + "\"}},"
                + "\"credsStore\":\"desktop\"}"));

        assertTrue(file.hosts().isEmpty());
        assertTrue(file.note("ghcr.io").orElseThrow().contains("credential helper"), file.note("ghcr.io").orElseThrow());
        assertTrue(file.note("quay.io").orElseThrow().contains("quay.io/team"), file.note("quay.io").orElseThrow());
        assertFalse(file.note("quay.io").orElseThrow().contains(SECRET));
        assertTrue(file.note("elsewhere.example").isEmpty(), "no note for a host the file does not name");
    }

    @Test
    void aFileWithoutAuthsHasNoCredentials() throws Exception {
        assertTrue(AuthFile.read(write("{}")).hosts().isEmpty());
        assertTrue(AuthFile.read(write("{\"auths\":{}}")).credentialsFor("r.example.com").isEmpty());
    }

    @Test
    void errorsNameTheFileAndTheHostButNeverTheSecret() throws Exception {
        assertError("{\"auths\":{\"r.example.com\":{\"auth\":\"%%%" + SECRET + "\"}}}", "the \"auth\" of the entry for r.example.com is not base64");
        assertError("{\"auths\":{\"r.example.com\":{\"auth\":\"" + b64(SECRET.replace(":", "")) + "\"}}}", "entry for r.example.com is not base64 of user:password (no colon)");
        assertError("{\"auths\":{\"r.example.com\":{\"password\":\"" + SECRET + "\"}}}", "the entry for r.example.com has a password but no user name");
        assertError("{\"auths\":{\"r.example.com\":\"" + SECRET + "\"}}", "the entry for r.example.com is not an object");
        assertError("{\"auths\":{\"r.example.com\":{\"auth\":\"" + b64("u:" + SECRET) + "\"},}", "is not valid JSON (line 1)");
        assertError("{\"auths\":[\"" + SECRET + "\"]}", "has an \"auths\" that is not an object");
        assertError("[\"" + SECRET + "\"]", "is not a JSON object");
        MigrationException missing = assertThrows(MigrationException.class, () -> AuthFile.read(tmp.resolve("absent.json")));
        assertTrue(missing.getMessage().startsWith("Cannot read the auth file " + tmp.resolve("absent.json")), missing.getMessage());
    }

    @Test
    void toStringShowsHostsNotSecrets() throws Exception {
        AuthFile file = AuthFile.read(write("{\"auths\":{\"r.example.com\":{\"auth\":\"" + b64("u:" + SECRET) + "\"}}}"));
        assertFalse(file.toString().contains(SECRET), file.toString());
        assertFalse(file.credentialsFor("r.example.com").orElseThrow().toString().contains(SECRET));
    }

    private void assertError(String json, String expected) throws Exception {
        Path path = write(json);
        MigrationException e = assertThrows(MigrationException.class, () -> AuthFile.read(path));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET.replace(":", "")), e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(SECRET.replace(":", "")), "the cause's message: " + c.getMessage());
        }
    }
}

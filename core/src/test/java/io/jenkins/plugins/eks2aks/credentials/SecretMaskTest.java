package io.jenkins.plugins.eks2aks.credentials;

import io.jenkins.plugins.eks2aks.clusters.AwsSettings;
import io.jenkins.plugins.eks2aks.clusters.EksTokenGenerator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets printed through a mask: literal values, and tokens derived from them that only their shape gives away. */
class SecretMaskTest {

    static final AwsCredentials KEYS = new AwsCredentials("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN", "test");
    static final SecretMask MASK = SecretMask.of(Arrays.asList(KEYS.accessKeyId(), KEYS.secretAccessKey(), KEYS.sessionToken(), null, "ab"));

    private static String printed(SecretMask mask, String... lines) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream masked = mask.wrap(buffer);
        try (PrintStream out = new PrintStream(masked, true, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.println(line);
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void literalValuesAreMaskedWhereverTheyAppearAndOrdinaryTextIsLeftAlone() {
        String text = printed(MASK, "key " + KEYS.accessKeyId() + " secret=" + KEYS.secretAccessKey(),
                "token:" + KEYS.sessionToken() + ";", "copied sha256:" + "ab12".repeat(16) + " to contoso.azurecr.io/shop/web:1.8.2",
                "arn:aws:iam::123456789012:role/eks2aks ab");

        assertEquals("key **** secret=****\ntoken:****;\ncopied sha256:" + "ab12".repeat(16)
                + " to contoso.azurecr.io/shop/web:1.8.2\narn:aws:iam::123456789012:role/eks2aks ab\n", text);
        assertEquals(3, MASK.size(), "null and too-short values are not masked");
    }

    @Test
    void aSecretWrittenInPiecesIsStillMasked() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream out = MASK.wrap(buffer);
        byte[] bytes = ("before " + KEYS.secretAccessKey() + " after\nnext").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 5) {
            out.write(bytes, i, Math.min(5, bytes.length - i));
            out.flush();
        }
        assertEquals("before **** after\n", buffer.toString(StandardCharsets.UTF_8), "a partial line waits for its end");
        out.close();
        assertEquals("before **** after\nnext", buffer.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEksTokenSignedWithTheKeysIsMasked() {
        Region region = Region.US_EAST_1;
        String token = new EksTokenGenerator(KEYS.provider(), region, AwsSettings.defaultStsEndpoint(region), Clock.systemUTC())
                .generate("shop-prod").value();

        String text = printed(SecretMask.TOKENS, "users: [{name: eks, user: {token: " + token + "}}]");

        assertFalse(text.contains(token.substring(11, 40)), text);
        assertEquals("users: [{name: eks, user: {token: ****}}]\n", text);
    }

    @Test
    void theEksTokenMaskHidesEksTokensOnlyAndKeepsThatShapeWhenValuesAreAdded() {
        Region region = Region.US_EAST_1;
        String token = new EksTokenGenerator(KEYS.provider(), region, AwsSettings.defaultStsEndpoint(region), Clock.systemUTC())
                .generate("shop-prod").value();
        String other = "curl -H 'Authorization: Bearer abcdefgh12345678' 'https://a.blob.core.windows.net/c?sv=1&sig=SIGNATURE'";

        assertEquals("token: ****\n" + other + "\n", printed(SecretMask.EKS_TOKENS, "token: " + token, other));
        assertEquals("**** ****\n", printed(SecretMask.EKS_TOKENS.with(List.of("wJalrXUtnFEMI")), token + " wJalrXUtnFEMI"));
        assertEquals("Bearer abcdefgh12345678\n", printed(SecretMask.EKS_TOKENS.with(List.of("wJalrXUtnFEMI")), "Bearer abcdefgh12345678"));
    }

    @Test
    void jwtsEcrTokensAndAuthorizationHeadersAreMaskedByTheirShape() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String jwt = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString("{\"aud\":\"contoso.azurecr.io\",\"exp\":1795000000}".getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        String ecrPassword = Base64.getEncoder().encodeToString(
                "{\"payload\":\"AQIDAHh\",\"datakey\":\"AQEBAHh\",\"version\":\"2\",\"type\":\"DATA_KEY\",\"expiration\":1795000000}"
                        .getBytes(StandardCharsets.UTF_8));
        String ecrToken = Base64.getEncoder().encodeToString(("AWS:" + ecrPassword).getBytes(StandardCharsets.UTF_8));

        String text = printed(SecretMask.TOKENS, "refresh_token=" + jwt, "ecr " + ecrToken, "password " + ecrPassword,
                "Authorization: Basic " + Base64.getEncoder().encodeToString("user:pass-word".getBytes(StandardCharsets.UTF_8)),
                "Authorization: Bearer opaque-token-123456");

        assertEquals("refresh_token=****\necr ****\npassword ****\nAuthorization: Basic ****\nAuthorization: Bearer ****\n", text);
    }

    @Test
    void withAddsValuesAndTheLongestValueIsMaskedWhole() {
        SecretMask mask = SecretMask.of(List.of("secret")).with(List.of("secret-and-more"));

        assertEquals("a **** b ****", mask.mask("a secret-and-more b secret"));
        assertTrue(mask.toString().contains("2 values"));
        assertFalse(mask.toString().contains("secret-"));
    }
}

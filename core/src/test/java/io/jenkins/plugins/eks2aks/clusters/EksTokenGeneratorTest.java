package io.jenkins.plugins.eks2aks.clusters;

import io.jenkins.plugins.eks2aks.credentials.AwsCredentials;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The EKS token decoded: what aws-iam-authenticator on the API server will check. */
class EksTokenGeneratorTest {

    private static final AwsCredentials KEYS = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "FwoGZXIvYXdzEXAMPLESESSIONTOKEN", "test");
    private static final Instant SIGNED = Instant.parse("2026-11-26T10:15:30Z");

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void theTokenIsAPresignedGetCallerIdentityForTheRegionalStsWithTheClusterHeaderSigned() {
        Clock clock = Clock.fixed(SIGNED, ZoneOffset.UTC);
        Region region = Region.US_EAST_1;
        EksToken token = new EksTokenGenerator(KEYS.provider(), region, AwsSettings.defaultStsEndpoint(region), clock).generate("shop-prod");

        assertTrue(token.value().startsWith("k8s-aws-v1."));
        String encoded = token.value().substring("k8s-aws-v1.".length());
        assertFalse(encoded.contains("=") || encoded.contains("+") || encoded.contains("/"), "base64url without padding");
        URI url = URI.create(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
        Map<String, String> q = query(url);

        assertEquals("https", url.getScheme());
        assertEquals("sts.us-east-1.amazonaws.com", url.getHost());
        assertEquals("/", url.getPath());
        assertEquals("GetCallerIdentity", q.get("Action"));
        assertEquals("2011-06-15", q.get("Version"));
        assertEquals("AWS4-HMAC-SHA256", q.get("X-Amz-Algorithm"));
        assertEquals("host;x-k8s-aws-id", q.get("X-Amz-SignedHeaders"));
        assertEquals("AKIAIOSFODNN7EXAMPLE/20261126/us-east-1/sts/aws4_request", q.get("X-Amz-Credential"));
        assertEquals("20261126T101530Z", q.get("X-Amz-Date"));
        assertEquals("60", q.get("X-Amz-Expires"));
        assertEquals("FwoGZXIvYXdzEXAMPLESESSIONTOKEN", q.get("X-Amz-Security-Token"));
        assertEquals(64, q.get("X-Amz-Signature").length());
        assertEquals(SIGNED.plus(Duration.ofMinutes(14)), token.expiresAt(), "STS accepts it for 15 minutes; stop one early");
        assertFalse(token.toString().contains(encoded), "toString never shows the token");
    }

    @Test
    void theChinaPartitionSignsForItsOwnStsHost() {
        Region region = Region.CN_NORTH_1;
        EksToken token = new EksTokenGenerator(KEYS.provider(), region, AwsSettings.defaultStsEndpoint(region),
                Clock.fixed(SIGNED, ZoneOffset.UTC)).generate("c");

        URI url = URI.create(new String(Base64.getUrlDecoder().decode(token.value().substring(11)), StandardCharsets.UTF_8));
        assertEquals("sts.cn-north-1.amazonaws.com.cn", url.getHost());
    }

    @Test
    void theTokenSourceReusesATokenAndMakesANewOneBeforeItExpires() {
        MutableClock clock = new MutableClock(SIGNED);
        EksTokenSource source = new EksTokenSource(new EksTokenGenerator(KEYS.provider(), Region.EU_WEST_1,
                AwsSettings.defaultStsEndpoint(Region.EU_WEST_1), clock), "shop-prod", clock);

        String first = source.getToken();
        clock.now = SIGNED.plus(Duration.ofMinutes(12));
        assertEquals(first, source.getToken(), "still two minutes of life left: reused");
        clock.now = SIGNED.plus(Duration.ofMinutes(13));
        String second = source.getToken();
        assertNotEquals(first, second, "a minute before its 14 minutes are up: replaced");
        assertTrue(new String(Base64.getUrlDecoder().decode(second.substring(11)), StandardCharsets.UTF_8).contains("X-Amz-Date=20261126T102830Z"));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

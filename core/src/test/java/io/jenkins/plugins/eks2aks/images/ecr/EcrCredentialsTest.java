package io.jenkins.plugins.eks2aks.images.ecr;

import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcrCredentialsTest {

    static final String HOST = "123456789012.dkr.ecr.us-east-1.amazonaws.com";

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    static EcrClient client(EcrStandIn ecr) {
        return EcrClient.builder().region(Region.US_EAST_1).endpointOverride(ecr.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
    }

    @Test
    void theTokenIsDecodedIntoUserAndPasswordAndRefreshedBeforeItExpires() throws Exception {
        ManualClock clock = new ManualClock();
        try (EcrStandIn ecr = new EcrStandIn("AWS", "pass:with:colons", clock, Duration.ofSeconds(60));
             EcrClient client = client(ecr)) {
            EcrCredentials credentials = new EcrCredentials(client, HOST::equals, clock, Duration.ofSeconds(30));

            RegistryCredentials first = credentials.credentialsFor(HOST).orElseThrow();
            clock.advance(Duration.ofSeconds(20));
            credentials.credentialsFor(HOST);
            assertEquals(1, ecr.calls(), "a token with 40 s left is still used");
            clock.advance(Duration.ofSeconds(15));
            credentials.credentialsFor(HOST);

            assertEquals(new RegistryCredentials("AWS", "pass:with:colons"), first);
            assertEquals(2, ecr.calls(), "with 25 s left (less than the 30 s margin) a new token is fetched");
            assertEquals(2, credentials.tokensFetched());
            assertTrue(credentials.credentialsFor("other.example.com").isEmpty(), "it answers for its own registry only");
        }
    }
}

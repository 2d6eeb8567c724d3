package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.images.acr.AcrEntraCredentials;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.registry.UrlConnectionTransport;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link AcrEntraCredentials} against {@link AcrStandIn}, ACR's token endpoints in their real shapes: the Entra ID
 * token exchange, refresh-token reuse and renewal by its {@code exp}, errors without secrets, and a copy into a
 * token-auth docker-registry that the stand-in fronts as an ACR login server.
 */
class AcrEntraCredentialsTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.anonymous();
    @RegisterExtension
    static final DockerRegistryExtension BEHIND_ACR = DockerRegistryExtension.tokenAuth();

    static final String AAD_TOKEN = "aad-access-token-" + "x".repeat(20);
    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(START);

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
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    /** Counts how often the edge was asked for an Entra ID token. */
    static final class AadTokens implements Supplier<String> {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String get() {
            calls.incrementAndGet();
            return AAD_TOKEN;
        }
    }

    final ManualClock clock = new ManualClock();
    final AadTokens aad = new AadTokens();

    AcrEntraCredentials credentials(AcrStandIn acr, String tenant, Clock clock) {
        return new AcrEntraCredentials(acr.loginServer(), tenant, aad, UrlConnectionTransport.forRegistries(), true, clock);
    }

    @Test
    void theExchangeSendsTheFormAcrExpectsAndTheRefreshTokenIsThePasswordOfTheNullGuidUser() throws Exception {
        try (AcrStandIn acr = new AcrStandIn(AAD_TOKEN, clock, Duration.ofHours(3), null)) {
            AcrEntraCredentials credentials = credentials(acr, TENANT, clock);

            RegistryCredentials c = credentials.credentialsFor(acr.loginServer()).orElseThrow();

            assertEquals(AcrEntraCredentials.REFRESH_TOKEN_USER, c.username());
            assertEquals(acr.refreshTokensIssued().get(0), c.password());
            AcrStandIn.TokenRequest exchange = acr.requests("/oauth2/exchange").get(0);
            assertEquals("POST", exchange.method());
            assertEquals("application/x-www-form-urlencoded", exchange.contentType());
            assertEquals(Map.of("grant_type", List.of("access_token"), "service", List.of(acr.loginServer()),
                    "tenant", List.of(TENANT), "access_token", List.of(AAD_TOKEN)), exchange.fields());
            assertNull(exchange.basicUser(), "the exchange authenticates with the Entra ID token in the form only");
            assertFalse(c.toString().contains(c.password()));

            assertEquals(Optional.empty(), credentials.credentialsFor("other.azurecr.io"), "only its own login server");
            assertEquals(1, acr.requests("/oauth2/exchange").size());
        }
    }

    @Test
    void withoutATenantTheFormHasNone() throws Exception {
        try (AcrStandIn acr = new AcrStandIn(AAD_TOKEN, clock, Duration.ofHours(3), null)) {
            credentials(acr, null, clock).credentialsFor(acr.loginServer()).orElseThrow();

            assertFalse(acr.requests("/oauth2/exchange").get(0).fields().containsKey("tenant"));
        }
    }

    @Test
    void theRefreshTokenIsReusedUntilFiveMinutesBeforeItsExpThenExchangedAgainWithAFreshEntraToken() throws Exception {
        try (AcrStandIn acr = new AcrStandIn(AAD_TOKEN, clock, Duration.ofHours(3), null)) {
            AcrEntraCredentials credentials = credentials(acr, TENANT, clock);
            String first = credentials.credentialsFor(acr.loginServer()).orElseThrow().password();
            assertEquals(START.plus(Duration.ofHours(3)).getEpochSecond(), AcrStandIn.claims(first).path("exp").asLong());

            clock.advance(Duration.ofHours(2).plusMinutes(54).plusSeconds(59));
            assertEquals(first, credentials.credentialsFor(acr.loginServer()).orElseThrow().password());
            assertEquals(1, acr.requests("/oauth2/exchange").size());
            assertEquals(1, aad.calls.get(), "no Entra ID token is fetched while the refresh token lasts");

            clock.advance(Duration.ofSeconds(1)); // exp - 5 minutes
            String second = credentials.credentialsFor(acr.loginServer()).orElseThrow().password();

            assertNotEquals(first, second);
            assertEquals(2, acr.requests("/oauth2/exchange").size());
            assertEquals(2, aad.calls.get(), "each exchange asks the edge for a current Entra ID token");
            clock.advance(Duration.ofHours(1));
            assertEquals(second, credentials.credentialsFor(acr.loginServer()).orElseThrow().password());
        }
    }

    @Test
    void aRefreshTokenThatIsNotAJwtIsAssumedToLastAnHour() throws Exception {
        try (AcrStandIn acr = new AcrStandIn(AAD_TOKEN, clock, Duration.ofHours(3), null)) {
            acr.exchangeMode(AcrStandIn.ExchangeMode.OPAQUE);
            AcrEntraCredentials credentials = credentials(acr, TENANT, clock);
            String first = credentials.credentialsFor(acr.loginServer()).orElseThrow().password();
            assertTrue(first.startsWith("opaque-"));

            clock.advance(Duration.ofMinutes(54));
            assertEquals(first, credentials.credentialsFor(acr.loginServer()).orElseThrow().password());
            clock.advance(Duration.ofMinutes(1));
            assertNotEquals(first, credentials.credentialsFor(acr.loginServer()).orElseThrow().password());
            assertEquals(2, acr.requests("/oauth2/exchange").size());
        }
    }

    @Test
    void errorsNameTheRegistryAndNeverAToken() throws Exception {
        try (AcrStandIn acr = new AcrStandIn(AAD_TOKEN, clock, Duration.ofHours(3), null)) {
            acr.echoInErrors(AAD_TOKEN);
            String rejected = failure(new AcrEntraCredentials(acr.loginServer(), TENANT, () -> "an-unknown-" + AAD_TOKEN,
                    UrlConnectionTransport.forRegistries(), true, clock), acr.loginServer());
            assertEquals("ACR " + acr.loginServer() + " refused the Entra ID token exchange (HTTP 401); check that the identity has "
                    + "AcrPush/AcrPull on the registry", rejected);

            acr.exchangeMode(AcrStandIn.ExchangeMode.NO_REFRESH_TOKEN);
            assertEquals("ACR " + acr.loginServer() + " answered the token exchange without a refresh_token",
                    failure(credentials(acr, TENANT, clock), acr.loginServer()));

            // A 200 that is not JSON, its body a bare token: the parser's message would quote it.
            acr.exchangeMode(AcrStandIn.ExchangeMode.NOT_JSON);
            String notJson = failure(credentials(acr, TENANT, clock), acr.loginServer());
            String issued = acr.refreshTokensIssued().get(acr.refreshTokensIssued().size() - 1);
            assertFalse(notJson.contains(issued), notJson);
            assertTrue(notJson.startsWith("ACR " + acr.loginServer() + " answered the token exchange with a body that is not JSON"), notJson);
            for (String token : acr.refreshTokensIssued()) {
                assertFalse((rejected + notJson).contains(token));
            }
        }
        AcrStandIn closed = new AcrStandIn(AAD_TOKEN, clock, Duration.ofHours(3), null);
        String loginServer = closed.loginServer();
        closed.close();
        String unreachable = failure(credentials(closed, TENANT, clock), loginServer);
        assertTrue(unreachable.startsWith("ACR token exchange with " + loginServer + " failed: "), unreachable);
    }

    private static String failure(AcrEntraCredentials credentials, String host) {
        MigrationException e = assertThrows(MigrationException.class, () -> credentials.credentialsFor(host));
        assertFalse(e.getMessage().contains(AAD_TOKEN), e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(AAD_TOKEN), "the cause's message: " + c.getMessage());
        }
        return e.getMessage();
    }

    @Test
    void anImageIsCopiedIntoTheAcrWithOneExchangeAndTokensForPullAndPush() throws Exception {
        DockerRegistry behind = BEHIND_ACR.get();
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(SOURCE.get()))
                .image("shop/web", "1.0", true, "linux/amd64", TestImages.layer(20 * 1024, 900), TestImages.layer(10 * 1024, 901));
        List<MigrationEvent> events = new CopyOnWriteArrayList<>();
        try (AcrStandIn acr = new AcrStandIn(AAD_TOKEN, Clock.systemUTC(), Duration.ofHours(3), behind)) {
            AcrEntraCredentials credentials = new AcrEntraCredentials(acr.loginServer(), TENANT, aad, UrlConnectionTransport.forRegistries(), true,
                    Clock.systemUTC());
            RegistryAccess access = RegistryAccess.of(CredentialsProvider.ANONYMOUS, credentials,
                    Set.of(SOURCE.get().hostPort(), acr.loginServer()));
            int tokensBefore = behind.tokensIssued();

            ImageMigrationSummary summary = new ImageMigration(events::add).run(ImageMigrationRequest.copy(
                    List.of(SOURCE.get().hostPort() + "/shop/web:1.0"), acr.loginServer() + "/mirror", access, null).withParallel(2));

            ImageResult result = summary.results().get(0);
            assertEquals(ImageStatus.COPIED, result.outcome().status(), result.outcome().error());
            assertEquals(pushed.digest(), RegistryApi.of(behind).digest("mirror/shop/web", "1.0").orElseThrow(),
                    "the digest in the registry behind the login server");
            assertEquals(1, acr.requests("/oauth2/exchange").size(), "one exchange for the whole copy");
            assertEquals(1, aad.calls.get());
            String refreshToken = acr.refreshTokensIssued().get(0);
            List<AcrStandIn.TokenRequest> tokenRequests = acr.requests("/oauth2/token");
            assertFalse(tokenRequests.isEmpty());
            for (AcrStandIn.TokenRequest r : tokenRequests) {
                // What docker sends with a refresh token as password: GET, Basic, the login server as service.
                assertEquals("GET", r.method());
                assertEquals(AcrEntraCredentials.REFRESH_TOKEN_USER, r.basicUser());
                assertEquals(refreshToken, r.basicPassword());
                assertEquals(acr.loginServer(), r.field("service"));
            }
            assertTrue(tokenRequests.stream().anyMatch(r -> r.fields().getOrDefault("scope", List.of()).contains("repository:mirror/shop/web:pull,push")),
                    String.valueOf(tokenRequests.stream().map(r -> r.fields().get("scope")).toList()));
            assertTrue(tokenRequests.size() <= 3, "access tokens are reused per scope: " + tokenRequests.size() + " token requests");
            assertTrue(behind.tokensIssued() > tokensBefore, "the registry accepted only tokens of its own token server");
            assertTrue(behind.tokenScopesGranted().contains("repository:mirror/shop/web:pull,push"), String.valueOf(behind.tokenScopesGranted()));
            for (MigrationEvent e : events) {
                assertFalse(e.message().contains(AAD_TOKEN) || e.message().contains(refreshToken), e.message());
            }
        }
    }
}

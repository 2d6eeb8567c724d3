package io.jenkins.plugins.eks2aks.images.select;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.ecr.EcrStandIn;
import io.jenkins.plugins.eks2aks.images.ecr.EcrStandIn.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecr.EcrClient;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ECR catalog through the real AWS SDK client against the ECR API stand-in, pages and all. */
class EcrCatalogTest {

    static final String HOST = EcrStandIn.ACCOUNT + ".dkr.ecr.us-east-1.amazonaws.com";
    static final Instant T0 = Instant.parse("2026-10-01T08:00:00.125Z");

    private EcrStandIn ecr;
    private final List<String> regionsAsked = new CopyOnWriteArrayList<>();
    private final List<EcrClient> clients = new CopyOnWriteArrayList<>();
    private EcrCatalog catalog;

    @BeforeEach
    void start() throws Exception {
        ecr = EcrStandIn.catalog();
        catalog = new EcrCatalog(region -> {
            regionsAsked.add(region);
            EcrClient client = EcrClient.builder().region(Region.of(region)).endpointOverride(ecr.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))).build();
            clients.add(client);
            return client;
        });
    }

    @AfterEach
    void stop() {
        clients.forEach(EcrClient::close);
        ecr.close();
    }

    static String digest(int n) {
        return "sha256:" + String.format("%064x", n);
    }

    @Test
    void listsEveryPageOfRepositoriesAndKeepsThoseUnderThePrefixSorted() throws Exception {
        ecr.pageSize(2).repository("shop/web").repository("billing/worker").repository("shop/api").repository("shopfront")
                .repository("shop/admin/ui").repository("shop/cart").repository("zeta");

        List<String> shop = catalog.repositories(HOST, "shop/");

        assertEquals(List.of("shop/admin/ui", "shop/api", "shop/cart", "shop/web"), shop);
        assertEquals(4, ecr.calls("DescribeRepositories"), "7 repositories in pages of 2 take 4 calls");
        for (JsonNode request : ecr.requests("DescribeRepositories")) {
            assertEquals(EcrStandIn.ACCOUNT, request.path("registryId").asText(), "the account comes from the host: " + request);
        }
        assertEquals(List.of("billing/worker", "shop/admin/ui", "shop/api", "shop/cart", "shop/web", "shopfront", "zeta"),
                catalog.repositories(HOST, ""));
        assertEquals(List.of("shopfront"), catalog.repositories(HOST, "shopf"));
    }

    @Test
    void everyTagOfEveryTaggedImageOnEveryPageWithItsPushTime() throws Exception {
        ecr.pageSize(2).repository("shop/web",
                new Image(digest(1), T0.plusSeconds(60), "1.0", "stable"),
                new Image(digest(2), T0.plusSeconds(120), "1.1"),
                new Image(digest(3), T0.plusSeconds(180)),
                new Image(digest(4), T0, "0.9"),
                new Image(digest(5), T0.plusSeconds(30), "0.9.1"));

        List<TagInfo> tags = catalog.tags(HOST, "shop/web");

        assertEquals(List.of(new TagInfo("1.0", T0.plusSeconds(60)), new TagInfo("stable", T0.plusSeconds(60)),
                new TagInfo("1.1", T0.plusSeconds(120)), new TagInfo("0.9", T0), new TagInfo("0.9.1", T0.plusSeconds(30))), tags);
        assertEquals(2, ecr.calls("DescribeImages"), "4 tagged images in pages of 2");
        JsonNode first = ecr.requests("DescribeImages").get(0);
        assertEquals("TAGGED", first.path("filter").path("tagStatus").asText(), first.toString());
        assertEquals(EcrStandIn.ACCOUNT, first.path("registryId").asText());
        assertTrue(ecr.requests("DescribeImages").get(1).hasNonNull("nextToken"), "the second call continues the first");
    }

    @Test
    void theSelectorTakesTheMostRecentlyPushedTagsFromEcr() throws Exception {
        ecr.pageSize(3).repository("shop/web",
                new Image(digest(1), T0.plusSeconds(60), "1.0", "stable"),
                new Image(digest(2), T0.plusSeconds(120), "1.1"),
                new Image(digest(3), T0.plusSeconds(180)),
                new Image(digest(4), T0, "0.9"))
                .repository("shop/api", new Image(digest(5), T0, "2.0"), new Image(digest(6), T0.plusSeconds(5), "1.9"));
        ImageSelector selector = new ImageSelector(catalog);

        SelectionResult newest = selector.expand(RepositorySelection.parse(HOST + "/shop/*"));
        SelectionResult two = selector.expand(RepositorySelection.parse(HOST + "/shop/web").withTags(null, 2, false));

        assertEquals(List.of(HOST + "/shop/api:1.9", HOST + "/shop/web:1.1"), newest.images(), "by push time, not by name");
        // 1.0 and stable share one image and one push time: the tie goes to the name sorting last.
        assertEquals(List.of(HOST + "/shop/web:1.1", HOST + "/shop/web:stable"), two.images());
        assertEquals(List.of("us-east-1"), regionsAsked, "one client for the region, built when first needed");
    }

    @Test
    void aMissingOrForbiddenRepositoryFailsWithOneLineNamingIt() {
        ecr.repository("shop/secret", new Image(digest(1), T0, "1")).deny("shop/secret");

        MigrationException missing = assertThrows(MigrationException.class, () -> catalog.tags(HOST, "shop/nope"));
        MigrationException denied = assertThrows(MigrationException.class, () -> catalog.tags(HOST, "shop/secret"));
        MigrationException notEcr = assertThrows(MigrationException.class, () -> catalog.repositories("127.0.0.1:5000", ""));

        assertEquals("no repository 'shop/nope' in " + HOST, missing.getMessage());
        assertTrue(denied.getMessage().startsWith("ECR DescribeImages for " + HOST + "/shop/secret failed: User: "), denied.getMessage());
        assertTrue(denied.getMessage().endsWith("(AccessDeniedException)"), denied.getMessage());
        assertEquals(1, denied.getMessage().lines().count());
        assertTrue(notEcr.getMessage().contains("'127.0.0.1:5000' is not a private ECR registry"), notEcr.getMessage());
    }

    @Test
    void theRegionComesFromTheHost() throws Exception {
        ecr.repository("eu/app", new Image(digest(1), T0, "1"));

        catalog.tags(EcrStandIn.ACCOUNT + ".dkr.ecr.eu-west-1.amazonaws.com", "eu/app");

        assertEquals(List.of("eu-west-1"), regionsAsked);
    }
}

package io.jenkins.plugins.eks2aks.images.select;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.ImageMigrationAccess;
import io.jenkins.plugins.eks2aks.images.ecr.EcrStandIn;
import io.jenkins.plugins.eks2aks.images.ecr.EcrStandIn.Image;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog the CLI and the step build: ECR through the ECR API (endpoint from the settings), the rest elsewhere. */
class RoutingCatalogTest {

    static final String HOST = EcrCatalogTest.HOST;

    @Test
    void ecrGoesToTheEcrApiAtAwsEndpointUrlEcrAndOtherRegistriesToTheFallback() throws Exception {
        try (EcrStandIn ecr = EcrStandIn.catalog()) {
            ecr.repository("shop/web", new Image(EcrCatalogTest.digest(1), Instant.parse("2026-10-01T08:00:00Z"), "1.0"));
            ImageMigrationAccess access = new ImageMigrationAccess(Map.of("AWS_ENDPOINT_URL_ECR", ecr.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "not-a-secret"), null, null, null, "--subscription");
            InMemoryCatalog other = new InMemoryCatalog().untimed("127.0.0.1:5000", "team/app", "v1");

            RegistryCatalog catalog = access.catalog(other);

            assertEquals(List.of(new TagInfo("1.0", Instant.parse("2026-10-01T08:00:00Z"))), catalog.tags(HOST, "shop/web"));
            assertEquals(List.of("shop/web"), catalog.repositories(HOST, ""));
            assertEquals(List.of("team/app"), catalog.repositories("127.0.0.1:5000", "team/"));
            assertEquals(2, ecr.calls("DescribeImages") + ecr.calls("DescribeRepositories"), "only the ECR host reached the ECR API");
        }
    }

    @Test
    void withoutAFallbackOtherRegistriesAskForExplicitReferences() {
        RegistryCatalog catalog = new RoutingCatalog(new InMemoryCatalog(), null);

        MigrationException e = assertThrows(MigrationException.class, () -> catalog.tags("public.ecr.aws", "nginx/nginx"));

        assertEquals("the repositories of public.ecr.aws cannot be listed (only private ECR registries can): "
                + "give its images as explicit references", e.getMessage());
        assertTrue(EcrCatalog.handles(HOST));
    }
}

package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.registry.RegistryClients;
import io.jenkins.plugins.eks2aks.images.select.DistributionCatalog;
import io.jenkins.plugins.eks2aks.images.select.RegistryCatalog;
import io.jenkins.plugins.eks2aks.images.select.RepositorySelection;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repository selections end to end in copy mode, between real registries, listed by the engine's
 * {@link DistributionCatalog} ({@code /v2/_catalog}, {@code /v2/<name>/tags/list}, times from the image configs).
 */
class ImageSelectionCopyTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.anonymous();

    private static final Map<String, String> DIGESTS = new HashMap<>();
    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void pushTheSourceImages() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        int seed = 900;
        // Built out of tag order: 1.1 is the newest web image, 2.0 the oldest; sel/api's config says nothing.
        Map<String, Instant> created = Map.of("sel/web:1.0", Instant.parse("2026-03-01T00:00:00Z"),
                "sel/web:1.1", Instant.parse("2026-06-01T00:00:00Z"), "sel/web:2.0", Instant.parse("2026-01-01T00:00:00Z"));
        for (String image : List.of("sel/web:1.0", "sel/web:1.1", "sel/web:2.0", "sel/api:1.0", "other/tool:1.0")) {
            String[] parts = image.split(":");
            DIGESTS.put(image, images.image(parts[0], parts[1], created.get(image), true, "linux/amd64", TestImages.layer(4096, seed++)).digest());
        }
    }

    static RegistryCatalog catalog() {
        return new DistributionCatalog(new RegistryClients(access(), Clock.systemUTC()));
    }

    static RegistryAccess access() {
        DockerRegistry s = SOURCE.get();
        return RegistryAccess.of(CredentialsProvider.perHost(Map.of(s.hostPort(), new RegistryCredentials(s.username(), s.password()))),
                CredentialsProvider.ANONYMOUS, Set.of(s.hostPort(), TARGET.get().hostPort()));
    }

    static String src(String image) {
        return SOURCE.get().hostPort() + "/" + image;
    }

    static RepositorySelection selection(String repository) {
        return RepositorySelection.parse(SOURCE.get().hostPort() + "/" + repository);
    }

    @Test
    void copiesWhatTheSelectionsNameOnceAndFailsOnlyTheSelectionThatMatchesNothing(@TempDir Path tmp) throws Exception {
        ImageMigrationRequest request = ImageMigrationRequest.copy(List.of(src("sel/web:1.0")), TARGET.get().hostPort() + "/mirror", access(),
                tmp.resolve("out")).withParallel(2).withSelections(
                List.of(selection("sel/*").withTags("1\\..*", null, false), selection("nothing/*")), catalog());

        ImageMigrationSummary summary = new ImageMigration(events::add).run(request);

        List<String> sources = summary.results().stream().map(r -> r.refs().source()).toList();
        assertEquals(List.of(src("sel/web:1.0"), src("sel/api:1.0"), src("sel/web:1.1"), src("nothing/*")), sources,
                "explicit images first, then each selection's, sel/web:1.0 once");
        assertEquals(3, summary.count(ImageStatus.COPIED), summary.oneLine());
        ImageResult failed = summary.results().get(3);
        assertEquals("no repository in " + SOURCE.get().hostPort() + " starts with 'nothing/'", failed.outcome().error());
        RegistryApi target = RegistryApi.of(TARGET.get());
        for (String image : List.of("sel/web:1.0", "sel/web:1.1", "sel/api:1.0")) {
            String[] parts = image.split(":");
            assertEquals(DIGESTS.get(image), target.digest("mirror/" + parts[0], parts[1]).orElse(null), image);
        }
        assertTrue(target.digest("mirror/sel/web", "2.0").isEmpty(), "2.0 does not match 1\\..*");
        assertTrue(target.digest("mirror/other/tool", "1.0").isEmpty(), "other/ is not selected");
        assertTrue(messages().contains("Selection " + src("sel/*") + " (all tags matching 1\\..*) matched 2 repositories, 3 tags; "
                + "1 of them already listed"), messages().toString());
        assertTrue(messages().contains("Selection " + src("nothing/*") + " (newest tag) matched 0 repositories, 0 tags; 1 problem"),
                messages().toString());
        assertTrue(messages().stream().anyMatch(m -> m.endsWith(src("nothing/*") + ": no repository in " + SOURCE.get().hostPort()
                + " starts with 'nothing/'")), messages().toString());
        String mapping = Files.readString(tmp.resolve("out/image-mapping.json"));
        assertTrue(mapping.contains("\"" + src("sel/api:1.0") + "\" : \"" + TARGET.get().hostPort() + "/mirror/sel/api:1.0@"
                + DIGESTS.get("sel/api:1.0") + "\""), mapping);
    }

    @Test
    void aDryRunListsTheExpandedImagesLikeExplicitOnes() {
        ImageMigrationRequest request = ImageMigrationRequest.copy(List.of(), TARGET.get().hostPort() + "/dry", access(), null)
                .withDryRun(true).withSelections(List.of(selection("sel/web"), selection("sel/*").withTags(null, 2, false)), catalog());

        ImageMigrationSummary summary = new ImageMigration(events::add).run(request);

        // No push times in the OCI tag list: "newest" reads each image's config: sel/web 1.1 (June), then 1.0 (March).
        assertEquals(List.of(src("sel/web:1.1"), src("sel/api:1.0"), src("sel/web:1.0")),
                summary.results().stream().map(r -> r.refs().source()).toList());
        assertTrue(summary.results().stream().allMatch(r -> r.outcome().status() == ImageStatus.PLANNED), summary.oneLine());
        for (String image : List.of("sel/web:1.1", "sel/api:1.0", "sel/web:1.0")) {
            assertTrue(messages().stream().anyMatch(m -> m.contains("would copy " + src(image) + " -> ")), image + " in " + messages());
        }
        assertTrue(messages().stream().anyMatch(m -> m.startsWith("Dry run: 3 images to ")), messages().toString());
        assertFalse(messages().stream().anyMatch(m -> m.contains("sel/web:2.0")), "newest 2 of sel/web are 1.1 and 1.0, by creation");
    }

    private List<String> messages() {
        return events.stream().map(MigrationEvent::message).toList();
    }
}

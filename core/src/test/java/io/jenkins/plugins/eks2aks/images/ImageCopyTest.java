package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.auth.RegistryCredentials;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copy mode between real registries: a Basic-auth source, a Bearer-token target, an anonymous registry. */
class ImageCopyTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.basicAuth();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.tokenAuth();
    @RegisterExtension
    static final DockerRegistryExtension ANONYMOUS = DockerRegistryExtension.anonymous();

    private static final int KIB = 1024;
    final List<MigrationEvent> events = new CopyOnWriteArrayList<>();

    static RegistryAccess access() {
        DockerRegistry s = SOURCE.get();
        DockerRegistry t = TARGET.get();
        return RegistryAccess.of(
                CredentialsProvider.perHost(Map.of(s.hostPort(), new RegistryCredentials(s.username(), s.password()))),
                CredentialsProvider.perHost(Map.of(t.hostPort(), new RegistryCredentials(t.username(), t.password()))),
                Set.of(s.hostPort(), t.hostPort(), ANONYMOUS.get().hostPort()));
    }

    ImageMigrationSummary run(List<String> images, String to, RegistryAccess access, int parallel, Path out) {
        return new ImageMigration(events::add).run(ImageMigrationRequest.copy(images, to, access, out).withParallel(parallel));
    }

    static String src(String repoAndTag) {
        return SOURCE.get().hostPort() + "/" + repoAndTag;
    }

    @ParameterizedTest(name = "a {0} keeps its digest and every platform")
    @CsvSource(textBlock = """
            Docker schema 2 image,  docker-image,  false, 0
            OCI image manifest,     oci-image,     true,  0
            OCI index (3 platforms), oci-index,    true,  3
            Docker manifest list,   docker-list,   false, 2
            """)
    void copiesEveryManifestKindByteForByte(String kind, String repo, boolean oci, int platforms) throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        TestImages.Pushed pushed = platforms == 0
                ? images.image("kinds/" + repo, "1.0", oci, "linux/amd64", TestImages.layer(40 * KIB, 1), TestImages.layer(30 * KIB, 2))
                : images.index("kinds/" + repo, "1.0", oci, List.of("linux/amd64", "linux/arm64/v8", "windows/amd64").subList(0, platforms), 20 * KIB, 10);

        ImageMigrationSummary summary = run(List.of(src("kinds/" + repo + ":1.0")), TARGET.get().hostPort(), access(), 4, null);

        ImageResult result = summary.results().get(0);
        assertEquals(ImageStatus.COPIED, result.outcome().status(), String.valueOf(result.outcome().error()));
        assertEquals(pushed.digest(), result.refs().digest());
        RegistryApi target = RegistryApi.of(TARGET.get());
        assertEquals(pushed.digest(), target.digest("kinds/" + repo, "1.0").orElseThrow(), "the tag's digest in the target");
        for (String blob : pushed.blobs()) {
            assertTrue(target.blobExists("kinds/" + repo, blob), blob);
        }
        assertEquals(platforms, result.refs().platforms().size());
        assertEquals(pushed.blobs().stream().distinct().count(), result.transfer().blobsCopied());
    }

    @Test
    void imagesSharingBaseLayersSendEachLayerOnceAndMountItElsewhere() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        byte[] base1 = TestImages.layer(50 * KIB, 100);
        byte[] base2 = TestImages.layer(50 * KIB, 101);
        long allBlobBytes = 0;
        for (int i = 0; i < 3; i++) {
            allBlobBytes += images.image("shared/app" + i, "v1", true, "linux/amd64", base1, base2, TestImages.layer(10 * KIB, 200 + i)).blobBytes();
        }
        List<String> refs = List.of(src("shared/app0:v1"), src("shared/app1:v1"), src("shared/app2:v1"));

        ImageMigrationSummary summary = run(refs, TARGET.get().hostPort() + "/mirror", access(), 4, null);

        assertEquals(0, summary.failures(), summary.oneLine());
        // 2 base layers once + 3 top layers + 3 configs are sent; the base layers are mounted into the 2 other repositories.
        assertEquals(8, summary.blobsCopied(), summary.oneLine());
        assertEquals(4, summary.blobsMounted(), summary.oneLine());
        assertEquals(allBlobBytes - 2 * (base1.length + base2.length), summary.bytes(), "the base layers' bytes are sent once");
        RegistryApi target = RegistryApi.of(TARGET.get());
        for (int i = 0; i < 3; i++) {
            assertTrue(target.blobExists("mirror/shared/app" + i, RegistryApi.sha256(base1)));
        }
    }

    @Test
    void aSecondRunFindsEverythingThereAndSendsNothing() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        images.image("warm/app", "1", false, "linux/amd64", TestImages.layer(30 * KIB, 300));
        images.index("warm/multi", "1", true, List.of("linux/amd64", "linux/arm64"), 10 * KIB, 310);
        List<String> refs = List.of(src("warm/app:1"), src("warm/multi:1"));
        run(refs, TARGET.get().hostPort(), access(), 2, null);

        ImageMigrationSummary again = run(refs, TARGET.get().hostPort(), access(), 2, null);

        assertEquals(2, again.count(ImageStatus.UNCHANGED), again.oneLine());
        assertEquals(0, again.bytes());
        assertEquals(0, again.blobsCopied() + again.blobsMounted());
        assertEquals(again.results().get(1).refs().digest(), RegistryApi.of(TARGET.get()).digest("warm/multi", "1").orElseThrow());
    }

    @Test
    void anIdentityTokenGetsBearerTokensThroughTheRefreshTokenGrant() throws Exception {
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(SOURCE.get())).image("identity/app", "1", true, "linux/amd64",
                TestImages.layer(4 * KIB, 61));
        DockerRegistry s = SOURCE.get();
        DockerRegistry t = TARGET.get();
        RegistryAccess access = RegistryAccess.of(
                CredentialsProvider.perHost(Map.of(s.hostPort(), new RegistryCredentials(s.username(), s.password()))),
                CredentialsProvider.perHost(Map.of(t.hostPort(), RegistryCredentials.identityToken(t.identityToken()))),
                Set.of(s.hostPort(), t.hostPort()));
        int before = t.tokenGrants().size();

        ImageMigrationSummary summary = run(List.of(src("identity/app:1")), t.hostPort() + "/with-identity-token", access, 2, null);

        List<String> grants = t.tokenGrants().subList(before, t.tokenGrants().size());
        assertEquals(ImageStatus.COPIED, summary.results().get(0).outcome().status(), summary.results().get(0).outcome().error());
        assertEquals(pushed.digest(), RegistryApi.of(t).digest("with-identity-token/identity/app", "1").orElseThrow());
        assertFalse(grants.isEmpty());
        assertTrue(grants.stream().allMatch("refresh_token"::equals), "every token came from the refresh-token grant: " + grants);
    }

    @Test
    void withinOneRegistryBlobsAreMountedFromTheSourceRepository() throws Exception {
        DockerRegistry anon = ANONYMOUS.get();
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(anon))
                .image("team/origin", "2.0", true, "linux/amd64", TestImages.layer(20 * KIB, 400), TestImages.layer(20 * KIB, 401));

        ImageMigrationSummary summary = run(List.of(anon.hostPort() + "/team/origin:2.0"), anon.hostPort() + "/copy", access(), 2, null);

        assertEquals(ImageStatus.COPIED, summary.results().get(0).outcome().status(), summary.results().get(0).outcome().error());
        assertEquals(3, summary.blobsMounted());
        assertEquals(0, summary.blobsCopied());
        assertEquals(pushed.digest(), RegistryApi.of(anon).digest("copy/team/origin", "2.0").orElseThrow());
    }

    @Test
    void blobsLargerThanTheChunkSizeGoUpInChunks(@TempDir Path tmp) throws Exception {
        DockerRegistry anon = ANONYMOUS.get();
        byte[] big = TestImages.layer(200 * KIB, 500);
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(SOURCE.get())).image("chunked/app", "1", true, "linux/amd64", big);
        try (FaultProxy proxy = new FaultProxy(anon.baseUrl())) {
            RegistryAccess access = access();
            access = new RegistryAccess(access.source(), access.target(), Set.of(SOURCE.get().hostPort(), proxy.hostPort()),
                    access.retry(), 64 * KIB);

            ImageMigrationSummary summary = run(List.of(src("chunked/app:1")), proxy.hostPort(), access, 2, tmp);

            assertEquals(ImageStatus.COPIED, summary.results().get(0).outcome().status(), summary.results().get(0).outcome().error());
            assertEquals(4, proxy.count(s -> s.method().equals("PATCH")), "200 KiB in 64 KiB chunks is 4 PATCH requests");
            assertEquals(1, proxy.count(s -> s.isUploadOf(RegistryApi.sha256(big))), "one closing PUT for the big layer");
            assertEquals(pushed.digest(), RegistryApi.of(anon).digest("chunked/app", "1").orElseThrow());
        }
    }

    @Test
    void referrersAreCopiedWithTheTagSchemaIndex() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        TestImages.Pushed subject = images.image("signed/app", "1", true, "linux/amd64", TestImages.layer(10 * KIB, 600));
        TestImages.Pushed sbom = images.referrer("signed/app", subject, "application/spdx+json", "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes());

        ImageMigrationSummary summary = run(List.of(src("signed/app:1")), TARGET.get().hostPort(), access(), 2, null);

        assertEquals(1, summary.results().get(0).transfer().referrers(), summary.oneLine());
        RegistryApi target = RegistryApi.of(TARGET.get());
        assertEquals(sbom.digest(), target.digest("signed/app", sbom.digest()).orElseThrow());
        String tag = subject.digest().replace(':', '-');
        assertEquals(RegistryApi.of(SOURCE.get()).digest("signed/app", tag).orElseThrow(), target.digest("signed/app", tag).orElseThrow(),
                "the referrers tag-schema index is copied byte for byte");
    }

    @Test
    void digestPinnedImagesAreCopiedWithTheirDigestAndMappedToIt(@TempDir Path tmp) throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        TestImages.Pushed migrations = images.image("pinned/migrations", "build-7", true, "linux/amd64", TestImages.layer(8 * KIB, 720));
        TestImages.Pushed api = images.image("pinned/api", "2.4.0", true, "linux/amd64", TestImages.layer(8 * KIB, 721));
        DockerRegistry anon = ANONYMOUS.get();
        // As workloads pin them: by digest alone, and by tag and digest.
        List<String> refs = List.of(src("pinned/migrations@" + migrations.digest()), src("pinned/api:2.4.0@" + api.digest()));

        ImageMigrationSummary summary = run(refs, anon.hostPort(), access(), 2, tmp);

        assertEquals(0, summary.failures(), summary.results().toString());
        assertEquals(migrations.digest(), RegistryApi.of(anon).digest("pinned/migrations", migrations.digest()).orElseThrow(),
                "the manifest is in the target under its digest");
        assertEquals(api.digest(), RegistryApi.of(anon).digest("pinned/api", "2.4.0").orElseThrow());
        JsonNode mapping = new ObjectMapper().readTree(tmp.resolve("image-mapping.json").toFile()).path("images");
        assertEquals(anon.hostPort() + "/pinned/migrations@" + migrations.digest(), mapping.path(refs.get(0)).asText());
        assertEquals(anon.hostPort() + "/pinned/api:2.4.0@" + api.digest(), mapping.path(refs.get(1)).asText());
        ImageMigrationSummary again = run(refs, anon.hostPort(), access(), 2, tmp.resolve("again"));
        assertTrue(again.results().stream().allMatch(r -> r.outcome().status() == ImageStatus.UNCHANGED),
                again.results().toString());
    }

    @Test
    void badInputFailsThoseImagesWithOneLineEachAndTheOthersComplete(@TempDir Path tmp) throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        TestImages.Pushed good = images.image("batch/good", "1", true, "linux/amd64", TestImages.layer(10 * KIB, 700));
        images.image("batch/tampered", "1", true, "linux/amd64", TestImages.layer(10 * KIB, 701));
        DockerRegistry anon = ANONYMOUS.get();
        new TestImages(RegistryApi.of(anon)).image("batch/private", "1", true, "linux/amd64", TestImages.layer(10 * KIB, 702));
        try (FaultProxy tampering = new FaultProxy(SOURCE.get().baseUrl())) {
            String digestOfTampered = RegistryApi.of(SOURCE.get()).digest("batch/tampered", "1").orElseThrow();
            tampering.inject(FaultProxy.Kind.CORRUPT_BODY, 100, FaultProxy.request("GET", "/batch/tampered/manifests/"));
            RegistryAccess base = access();
            DockerRegistry s = SOURCE.get();
            RegistryAccess access = new RegistryAccess(
                    CredentialsProvider.perHost(Map.of(s.hostPort(), new RegistryCredentials(s.username(), s.password()),
                            tampering.hostPort(), new RegistryCredentials(s.username(), s.password()),
                            // Wrong credentials for a registry that needs none is fine; for the Basic one it is not.
                            "localhost:" + s.port(), new RegistryCredentials(s.username(), "wrong-password"))),
                    base.target(), Set.of(s.hostPort(), tampering.hostPort(), "localhost:" + s.port(), TARGET.get().hostPort()),
                    base.retry(), RegistryAccess.DEFAULT_CHUNK_SIZE);
            List<String> refs = List.of(
                    "not a reference!",
                    src("batch/good:1"),
                    src("batch/good:no-such-tag"),
                    "localhost:" + s.port() + "/batch/good:1",
                    tampering.hostPort() + "/batch/tampered@" + digestOfTampered);

            ImageMigrationSummary summary = run(refs, TARGET.get().hostPort(), access, 3, tmp);

            Map<String, ImageResult> byRef = new java.util.HashMap<>();
            summary.results().forEach(r -> byRef.put(r.refs().source(), r));
            assertEquals(ImageStatus.COPIED, byRef.get(refs.get(1)).outcome().status());
            assertEquals(good.digest(), RegistryApi.of(TARGET.get()).digest("batch/good", "1").orElseThrow());
            assertEquals(4, summary.failures());
            assertTrue(byRef.get(refs.get(0)).outcome().error().startsWith("Invalid image reference 'not a reference!'"), byRef.get(refs.get(0)).outcome().error());
            assertEquals("tag 'no-such-tag' not found in " + s.hostPort() + "/batch/good", byRef.get(refs.get(2)).outcome().error());
            assertTrue(byRef.get(refs.get(3)).outcome().error().contains("answered HTTP 401") && byRef.get(refs.get(3)).outcome().error().contains("wrong or missing credentials"),
                    byRef.get(refs.get(3)).outcome().error());
            assertTrue(byRef.get(refs.get(4)).outcome().error().contains("does not match its digest"), byRef.get(refs.get(4)).outcome().error());
            for (ImageResult r : summary.results()) {
                if (r.failed()) {
                    assertFalse(r.outcome().error().contains("\n"), r.outcome().error());
                    assertTrue(events.stream().anyMatch(e -> e.level() == EventLevel.ERROR && e.message().contains(r.refs().source())), r.refs().source());
                }
            }
            String markdown = Files.readString(tmp.resolve("image-report.md"));
            assertTrue(markdown.contains("## Failures") && markdown.contains("`" + refs.get(2) + "`: tag 'no-such-tag' not found"), markdown);
            JsonNode mapping = new ObjectMapper().readTree(tmp.resolve("image-mapping.json").toFile()).path("images");
            assertEquals(1, mapping.size(), mapping.toString());
            assertEquals(TARGET.get().hostPort() + "/batch/good:1@" + good.digest(), mapping.path(refs.get(1)).asText());
        }
    }

    @Test
    void reportsCountBytesBlobsAndRetriesAndADryRunWritesNothing(@TempDir Path tmp) throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        images.image("report/app", "3", true, "linux/amd64", TestImages.layer(12 * KIB, 800), TestImages.layer(8 * KIB, 801));
        String ref = src("report/app:3");

        ImageMigrationSummary dry = new ImageMigration(events::add).run(
                ImageMigrationRequest.copy(List.of(ref), TARGET.get().hostPort(), access(), tmp.resolve("dry")).withDryRun(true));

        assertEquals(ImageStatus.PLANNED, dry.results().get(0).outcome().status());
        assertTrue(dry.results().get(0).transfer().bytes() >= 20 * KIB, "the dry run states the bytes to send: " + dry.results().get(0).transfer().bytes());
        assertFalse(Files.exists(tmp.resolve("dry")), "a dry run writes nothing");
        assertTrue(RegistryApi.of(TARGET.get()).digest("report/app", "3").isEmpty(), "a dry run copies nothing");
        assertTrue(events.stream().anyMatch(e -> e.message().contains("would copy " + ref)), events.toString());

        ImageMigrationSummary real = run(List.of(ref), TARGET.get().hostPort(), access(), 2, tmp.resolve("out"));

        JsonNode report = new ObjectMapper().readTree(tmp.resolve("out/image-report.json").toFile());
        assertEquals("eks2aks.io/image-report/v1", report.path("schema").asText());
        assertEquals(1, report.path("copied").asInt());
        assertEquals(3, report.path("blobsCopied").asInt());
        assertEquals(real.bytes(), report.path("bytes").asLong());
        assertEquals(ref, report.path("results").path(0).path("source").asText());
        assertNull(real.results().get(0).outcome().error());
        assertTrue(Files.readString(tmp.resolve("out/image-report.md")).contains("| `" + ref + "` |"));
    }
}

package io.jenkins.plugins.eks2aks.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Referrers through the OCI 1.1 referrers API, which docker-registry 2.8 lacks: {@link ReferrersStandIn} adds it in
 * front of a real registry. Source with and without the API, target with and without it; what lands in the target
 * is read back from the real registry behind.
 */
class ReferrersApiTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.anonymous();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.anonymous();

    private static final String SBOM_TYPE = "application/spdx+json";
    private static final String SIGNATURE_TYPE = "application/vnd.cncf.notary.signature";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The subject and its two referrers (an SBOM with annotations, a signature), as pushed. */
    record Signed(TestImages.Pushed subject, TestImages.Pushed sbom, TestImages.Pushed signature) {
        String tag() {
            return subject.digest().replace(':', '-');
        }
    }

    /** Pushes an image and two artifacts referring to it through {@code api}, without a tag-schema index. */
    static Signed pushThroughApi(RegistryApi api, String repository, long seed) throws Exception {
        TestImages images = new TestImages(api);
        TestImages.Pushed subject = images.image(repository, "1", true, "linux/amd64", TestImages.layer(8 * 1024, seed));
        TestImages.Pushed sbom = images.artifact(repository, subject, SBOM_TYPE, ("{\"spdxVersion\":\"SPDX-2.3\",\"seed\":" + seed + "}").getBytes(),
                "{\"org.opencontainers.image.created\":\"2026-01-02T03:04:05Z\",\"org.example.tool\":\"syft\"}");
        TestImages.Pushed signature = images.artifact(repository, subject, SIGNATURE_TYPE, ("signature " + seed).getBytes(), null);
        return new Signed(subject, sbom, signature);
    }

    static ImageMigrationSummary copy(String source, String target, String... plainHttp) {
        Set<String> hosts = new HashSet<>(List.of(plainHttp));
        hosts.add(SOURCE.get().hostPort());
        hosts.add(TARGET.get().hostPort());
        RegistryAccess access = RegistryAccess.of(CredentialsProvider.ANONYMOUS, CredentialsProvider.ANONYMOUS, hosts);
        return new ImageMigration(e -> { }).run(ImageMigrationRequest.copy(List.of(source), target, access, null).withParallel(2));
    }

    static JsonNode referrersApi(String baseUrl, String repository, String digest, String query) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2/" + repository + "/referrers/" + digest
                + (query == null ? "" : "?" + query))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals(ReferrersStandIn.OCI_INDEX, r.headers().firstValue("Content-Type").orElse(""));
        return JSON.readTree(r.body());
    }

    static JsonNode entry(JsonNode index, String digest) {
        for (JsonNode m : index.path("manifests")) {
            if (m.path("digest").asText().equals(digest)) {
                return m;
            }
        }
        throw new AssertionError(digest + " is not listed in " + index);
    }

    static void delete(DockerRegistry registry, String repository, String digest) throws IOException, InterruptedException {
        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/v2/" + repository + "/manifests/" + digest))
                .DELETE().build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(202, r.statusCode());
    }

    @Test
    void theStandInAnswersAsTheSpecSays() throws Exception {
        try (ReferrersStandIn api = new ReferrersStandIn(SOURCE.get().baseUrl())) {
            Signed pushed = pushThroughApi(new RegistryApi(api.baseUrl(), null, null), "standin/app", 10);

            JsonNode all = referrersApi(api.baseUrl(), "standin/app", pushed.subject().digest(), null);
            assertEquals(2, all.path("manifests").size(), all.toString());
            JsonNode sbom = entry(all, pushed.sbom().digest());
            assertEquals(SBOM_TYPE, sbom.path("artifactType").asText());
            assertEquals(pushed.sbom().size(), sbom.path("size").asLong());
            assertEquals("syft", sbom.path("annotations").path("org.example.tool").asText());
            JsonNode filtered = referrersApi(api.baseUrl(), "standin/app", pushed.subject().digest(), "artifactType=" + SIGNATURE_TYPE);
            assertEquals(1, filtered.path("manifests").size());
            assertEquals(pushed.signature().digest(), filtered.path("manifests").path(0).path("digest").asText());
            assertEquals(0, referrersApi(api.baseUrl(), "standin/app", pushed.sbom().digest(), null).path("manifests").size(),
                    "a subject nothing refers to: 200 and an empty index");
            assertTrue(new RegistryApi(SOURCE.get().baseUrl(), null, null).manifest("standin/app", pushed.tag()).isEmpty(),
                    "the registry behind holds no tag-schema index: only the API lists the referrers");
        }
    }

    @Test
    void sourceWithTheApiToTargetWithoutItWritesTheTagSchemaIndexWithArtifactTypesAndAnnotations() throws Exception {
        try (ReferrersStandIn source = new ReferrersStandIn(SOURCE.get().baseUrl());
             FaultProxy target = new FaultProxy(TARGET.get().baseUrl())) {
            Signed pushed = pushThroughApi(new RegistryApi(source.baseUrl(), null, null), "api2plain/app", 20);

            ImageMigrationSummary summary = copy(source.hostPort() + "/api2plain/app:1", target.hostPort(), source.hostPort(), target.hostPort());

            ImageResult result = summary.results().get(0);
            assertEquals(ImageStatus.COPIED, result.outcome().status(), result.outcome().error());
            assertEquals(2, result.transfer().referrers());
            assertTrue(source.count(s -> s.method().equals("GET") && s.path().endsWith("/referrers/" + pushed.subject().digest())) > 0,
                    "the source's referrers API was asked");
            RegistryApi dst = RegistryApi.of(TARGET.get());
            assertEquals(pushed.subject().digest(), dst.digest("api2plain/app", "1").orElseThrow());
            assertEquals(pushed.sbom().digest(), dst.digest("api2plain/app", pushed.sbom().digest()).orElseThrow());
            assertEquals(pushed.signature().digest(), dst.digest("api2plain/app", pushed.signature().digest()).orElseThrow());
            for (String blob : pushed.sbom().blobs()) {
                assertTrue(dst.blobExists("api2plain/app", blob), blob);
            }
            JsonNode index = JSON.readTree(dst.manifest("api2plain/app", pushed.tag()).orElseThrow(
                    () -> new AssertionError("no tag-schema index " + pushed.tag() + " in the target")));
            assertEquals(ReferrersStandIn.OCI_INDEX, index.path("mediaType").asText());
            assertEquals(2, index.path("manifests").size(), index.toString());
            // Tag-schema clients (notation, oras) filter on artifactType; the spec requires it and the annotations.
            assertEquals(SBOM_TYPE, entry(index, pushed.sbom().digest()).path("artifactType").asText(), index.toString());
            assertEquals("2026-01-02T03:04:05Z", entry(index, pushed.sbom().digest()).path("annotations")
                    .path("org.opencontainers.image.created").asText(), index.toString());
            assertEquals(SIGNATURE_TYPE, entry(index, pushed.signature().digest()).path("artifactType").asText(), index.toString());
            assertEquals(pushed.signature().size(), entry(index, pushed.signature().digest()).path("size").asLong());

            // A second run finds it all there and writes nothing.
            target.reset();
            ImageMigrationSummary again = copy(source.hostPort() + "/api2plain/app:1", target.hostPort(), source.hostPort(), target.hostPort());
            assertEquals(ImageStatus.UNCHANGED, again.results().get(0).outcome().status(), again.results().get(0).outcome().error());
            assertEquals(0, target.count(s -> !s.method().equals("GET") && !s.method().equals("HEAD")), String.valueOf(target.seen()));
        }
    }

    @Test
    void aRunInterruptedBeforeTheTagSchemaIndexWritesItNextTime() throws Exception {
        try (ReferrersStandIn source = new ReferrersStandIn(SOURCE.get().baseUrl())) {
            Signed pushed = pushThroughApi(new RegistryApi(source.baseUrl(), null, null), "resume/app", 30);
            assertEquals(ImageStatus.COPIED, copy(source.hostPort() + "/resume/app:1", TARGET.get().hostPort(), source.hostPort())
                    .results().get(0).outcome().status());
            RegistryApi dst = RegistryApi.of(TARGET.get());
            // As if the run had stopped after pushing the referrers: they are there, their index is not.
            delete(TARGET.get(), "resume/app", dst.digest("resume/app", pushed.tag()).orElseThrow());
            assertTrue(dst.manifest("resume/app", pushed.tag()).isEmpty());

            ImageMigrationSummary again = copy(source.hostPort() + "/resume/app:1", TARGET.get().hostPort(), source.hostPort());

            assertEquals(ImageStatus.UNCHANGED, again.results().get(0).outcome().status(), again.results().get(0).outcome().error());
            JsonNode index = JSON.readTree(dst.manifest("resume/app", pushed.tag()).orElseThrow(
                    () -> new AssertionError("the re-run did not write the tag-schema index")));
            assertEquals(2, index.path("manifests").size(), index.toString());
            entry(index, pushed.sbom().digest());
            entry(index, pushed.signature().digest());
        }
    }

    @Test
    void sourceWithTheApiToTargetWithItLeavesTheIndexToTheTarget() throws Exception {
        try (ReferrersStandIn source = new ReferrersStandIn(SOURCE.get().baseUrl());
             ReferrersStandIn target = new ReferrersStandIn(TARGET.get().baseUrl())) {
            Signed pushed = pushThroughApi(new RegistryApi(source.baseUrl(), null, null), "api2api/app", 40);

            ImageMigrationSummary summary = copy(source.hostPort() + "/api2api/app:1", target.hostPort(), source.hostPort(), target.hostPort());

            ImageResult result = summary.results().get(0);
            assertEquals(ImageStatus.COPIED, result.outcome().status(), result.outcome().error());
            assertEquals(2, result.transfer().referrers());
            RegistryApi dst = RegistryApi.of(TARGET.get());
            assertEquals(pushed.sbom().digest(), dst.digest("api2api/app", pushed.sbom().digest()).orElseThrow());
            assertEquals(pushed.signature().digest(), dst.digest("api2api/app", pushed.signature().digest()).orElseThrow());
            assertTrue(dst.manifest("api2api/app", pushed.tag()).isEmpty(), "no tag-schema index in a registry with the API");
            assertEquals(0, target.count(s -> s.method().equals("PUT") && s.path().endsWith("/manifests/" + pushed.tag())));
            JsonNode listed = referrersApi(target.baseUrl(), "api2api/app", pushed.subject().digest(), null);
            assertEquals(2, listed.path("manifests").size(), listed.toString());
            assertEquals(SBOM_TYPE, entry(listed, pushed.sbom().digest()).path("artifactType").asText());

            target.resetSeen();
            ImageMigrationSummary again = copy(source.hostPort() + "/api2api/app:1", target.hostPort(), source.hostPort(), target.hostPort());
            assertEquals(ImageStatus.UNCHANGED, again.results().get(0).outcome().status(), again.results().get(0).outcome().error());
            assertEquals(0, target.count(s -> s.method().equals("PUT") || s.method().equals("POST") || s.method().equals("PATCH")),
                    String.valueOf(target.seen()));
            assertTrue(dst.manifest("api2api/app", pushed.tag()).isEmpty());
        }
    }

    @Test
    void sourceWithoutTheApiToTargetWithItLeavesTheIndexToTheTarget() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        TestImages.Pushed subject = images.image("plain2api/app", "1", true, "linux/amd64", TestImages.layer(8 * 1024, 50));
        // As oras writes it on a registry without the API: the artifact and the tag-schema index.
        TestImages.Pushed sbom = images.referrer("plain2api/app", subject, SBOM_TYPE, "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8));
        String tag = subject.digest().replace(':', '-');
        try (ReferrersStandIn target = new ReferrersStandIn(TARGET.get().baseUrl())) {

            ImageMigrationSummary summary = copy(SOURCE.get().hostPort() + "/plain2api/app:1", target.hostPort(), target.hostPort());

            ImageResult result = summary.results().get(0);
            assertEquals(ImageStatus.COPIED, result.outcome().status(), result.outcome().error());
            assertEquals(1, result.transfer().referrers());
            RegistryApi dst = RegistryApi.of(TARGET.get());
            assertEquals(sbom.digest(), dst.digest("plain2api/app", sbom.digest()).orElseThrow());
            assertTrue(dst.manifest("plain2api/app", tag).isEmpty(),
                    "the target answered OCI-Subject: it lists the referrer itself, no tag-schema index is written");
            JsonNode listed = referrersApi(target.baseUrl(), "plain2api/app", subject.digest(), null);
            assertEquals(SBOM_TYPE, entry(listed, sbom.digest()).path("artifactType").asText());
        }
    }

    @Test
    void everyPageOfTheReferrersApiIsCopied() throws Exception {
        try (ReferrersStandIn source = new ReferrersStandIn(SOURCE.get().baseUrl(), 1)) {
            Signed pushed = pushThroughApi(new RegistryApi(source.baseUrl(), null, null), "paged/app", 60);

            ImageMigrationSummary summary = copy(source.hostPort() + "/paged/app:1", TARGET.get().hostPort(), source.hostPort());

            assertEquals(2, summary.results().get(0).transfer().referrers(), "both pages");
            RegistryApi dst = RegistryApi.of(TARGET.get());
            assertTrue(dst.digest("paged/app", pushed.sbom().digest()).isPresent());
            assertTrue(dst.digest("paged/app", pushed.signature().digest()).isPresent());
        }
    }
}

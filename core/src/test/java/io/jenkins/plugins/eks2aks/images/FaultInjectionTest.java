package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.images.auth.CredentialsProvider;
import io.jenkins.plugins.eks2aks.images.registry.RegistryAccess;
import io.jenkins.plugins.eks2aks.images.registry.RetryPolicy;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Copy mode through loopback proxies that break requests on purpose, in front of two real registries. */
class FaultInjectionTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.anonymous();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.anonymous();

    private static final int KIB = 1024;
    private FaultProxy source;
    private FaultProxy target;

    @BeforeEach
    void proxies() throws Exception {
        source = new FaultProxy(SOURCE.get().baseUrl());
        target = new FaultProxy(TARGET.get().baseUrl());
    }

    @AfterEach
    void closeProxies() {
        source.close();
        target.close();
    }

    private ImageMigrationRequest request(List<String> images, int parallel) {
        RegistryAccess access = new RegistryAccess(CredentialsProvider.ANONYMOUS, CredentialsProvider.ANONYMOUS,
                Set.of(source.hostPort(), target.hostPort()), new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(5)),
                RegistryAccess.DEFAULT_CHUNK_SIZE);
        return ImageMigrationRequest.copy(images, target.hostPort(), access, null).withParallel(parallel);
    }

    @Test
    void theCopyCompletesThroughServerErrorsResetsThrottlingAndASlowBlob() throws Exception {
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(SOURCE.get()))
                .index("faults/app", "1", true, List.of("linux/amd64", "linux/arm64"), 30 * KIB, 1);
        source.inject(FaultProxy.Kind.STATUS_503, 1, FaultProxy.request("GET", "/blobs/sha256:"))
                .inject(FaultProxy.Kind.RESET, 1, FaultProxy.request("GET", "/manifests/sha256:"))
                .inject(FaultProxy.Kind.SLOW, 1, FaultProxy.request("GET", "/blobs/sha256:"), 300);
        target.inject(FaultProxy.Kind.STATUS_500, 1, FaultProxy.request("POST", "/blobs/uploads/"))
                .inject(FaultProxy.Kind.RESET, 1, FaultProxy.request("PUT", "/blobs/uploads/"))
                .inject(FaultProxy.Kind.TOO_MANY_REQUESTS, 1, FaultProxy.request("PUT", "/manifests/1"), 1000);

        ImageMigrationSummary summary = new ImageMigration(e -> { }).run(request(List.of(source.hostPort() + "/faults/app:1"), 2));

        ImageResult result = summary.results().get(0);
        assertEquals(ImageStatus.COPIED, result.outcome().status(), result.outcome().error());
        assertEquals(pushed.digest(), RegistryApi.of(TARGET.get()).digest("faults/app", "1").orElseThrow());
        for (String blob : pushed.blobs()) {
            assertTrue(RegistryApi.of(TARGET.get()).blobExists("faults/app", blob), blob);
        }
        // 503, the reset GET, 500, the reset upload and the 429 are all repeated by our client: the registry transport
        // (a pool of its own) repeats nothing by itself, so every fault shows in the count.
        assertEquals(5, result.transfer().retries(), "every injected fault costs one retry");
        assertEquals(2, source.count(s -> s.status() == 0 || s.status() == 503), "both source faults were hit");
        List<FaultProxy.Seen> tagPuts = target.seen().stream().filter(s -> s.method().equals("PUT") && s.path().endsWith("/manifests/1")).toList();
        assertEquals(429, tagPuts.get(0).status());
        assertTrue(tagPuts.get(1).atMillis() - tagPuts.get(0).atMillis() >= 950,
                "the retry waited for Retry-After: 1, not the 10 ms backoff: " + (tagPuts.get(1).atMillis() - tagPuts.get(0).atMillis()) + " ms");
    }

    @Test
    void parallelTransfersNeverExceedTheOneBound() throws Exception {
        TestImages images = new TestImages(RegistryApi.of(SOURCE.get()));
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            images.image("bound/app" + i, "1", true, "linux/amd64", TestImages.layer(8 * KIB, 100 + i), TestImages.layer(8 * KIB, 200 + i));
            refs.add(source.hostPort() + "/bound/app" + i + ":1");
        }
        target.delayUploads(150);

        ImageMigrationSummary summary = new ImageMigration(e -> { }).run(request(refs, 3));

        assertEquals(4, summary.count(ImageStatus.COPIED), summary.oneLine());
        assertEquals(3, target.maxUploadsInFlight(), "12 blobs with --parallel 3: three uploads at a time, never more");
    }

    @Test
    void aCancelledCopyResumesWithoutSendingFinishedBlobsAgain() throws Exception {
        byte[][] layers = new byte[8][];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = TestImages.layer(16 * KIB, 300 + i);
        }
        TestImages.Pushed pushed = new TestImages(RegistryApi.of(SOURCE.get())).image("resume/app", "1", true, "linux/amd64", layers);
        String ref = source.hostPort() + "/resume/app:1";
        target.delayUploads(200);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                new ImageMigration(e -> { }).run(request(List.of(ref), 1));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        run.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (target.count(s -> s.method().equals("PUT") && s.status() == 201) < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        run.interrupt();
        run.join(20_000);
        assertFalse(run.isAlive());
        assertInstanceOf(MigrationException.class, outcome.get());
        assertTrue(outcome.get().getMessage().startsWith("Image migration cancelled"), outcome.get().getMessage());
        assertTrue(RegistryApi.of(TARGET.get()).digest("resume/app", "1").isEmpty(), "no tag for a half-copied image");
        List<String> sentBefore = pushed.blobs().stream()
                .filter(d -> target.count(s -> s.isUploadOf(d) && s.status() == 201) > 0).toList();
        assertTrue(sentBefore.size() >= 3 && sentBefore.size() < pushed.blobs().size(), "cancelled midway: " + sentBefore.size());
        target.delayUploads(0);

        ImageMigrationSummary again = new ImageMigration(e -> { }).run(request(List.of(ref), 1));

        assertEquals(ImageStatus.COPIED, again.results().get(0).outcome().status(), again.results().get(0).outcome().error());
        assertEquals(pushed.digest(), RegistryApi.of(TARGET.get()).digest("resume/app", "1").orElseThrow());
        for (String digest : pushed.blobs()) {
            assertEquals(1, target.count(s -> s.isUploadOf(digest) && s.status() == 201), "uploads of " + digest);
        }
        assertTrue(again.results().get(0).transfer().blobsSkipped() >= sentBefore.size(), again.oneLine());
    }
}

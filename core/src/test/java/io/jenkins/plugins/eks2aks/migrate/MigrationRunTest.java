package io.jenkins.plugins.eks2aks.migrate;

import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.images.RegistryImages;
import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.ledger.LedgerEntry;
import io.jenkins.plugins.eks2aks.testservers.DockerRegistryExtension;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration over real local pieces: images copied between two docker-registry servers, the example's manifests
 * converted; the cluster and storage steps are not configured here and are skipped with their reasons.
 */
class MigrationRunTest {

    @RegisterExtension
    static final DockerRegistryExtension SOURCE = DockerRegistryExtension.anonymous();
    @RegisterExtension
    static final DockerRegistryExtension TARGET = DockerRegistryExtension.anonymous();

    private static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");
    private static final Map<String, String> DIGESTS = new LinkedHashMap<>();

    private final List<MigrationEvent> events = new CopyOnWriteArrayList<>();
    /** The target's repository prefix: a test that asserts what is absent there has its own. */
    private String prefix = "mirror";

    @BeforeAll
    static void pushTheSourceImages() throws Exception {
        DIGESTS.put("shop/api:1.4.2", RegistryImages.push(SOURCE.get(), "shop/api", "1.4.2", 8192, 11));
        DIGESTS.put("shop/web:2.0.0", RegistryImages.push(SOURCE.get(), "shop/web", "2.0.0", 4096, 12));
    }

    @Test
    void runsWhatIsConfiguredThenARerunRepeatsNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("migration");
        Path images = imageList(tmp, DIGESTS.keySet());

        MigrationSummary first = run(options(out, images, null, null, false));

        assertTrue(first.succeeded(), first.oneLine());
        assertEquals(List.of("skipped", "skipped", "ran", "ran", "skipped", "skipped", "skipped", "skipped", "skipped"), states(first));
        assertTrue(first.steps().get(0).reason().contains("--eks-cluster"), first.steps().get(0).reason());
        assertTrue(first.steps().get(4).reason().contains("--eks-kubeconfig"), "the backup names what it lacks: " + first.steps().get(4));
        for (Map.Entry<String, String> image : DIGESTS.entrySet()) {
            String[] ref = image.getKey().split(":");
            assertEquals(image.getValue(), RegistryImages.digest(TARGET.get(), "mirror/" + ref[0], ref[1]).orElseThrow(),
                    "the target holds " + image.getKey() + " with the source's digest");
        }
        assertTrue(Files.isDirectory(out.resolve("convert/manifests")));
        assertTrue(Files.isDirectory(out.resolve("convert/velero")), "the restore's ConfigMaps are written");
        assertTrue(Files.isRegularFile(out.resolve("migration.json")) && Files.isRegularFile(out.resolve("migration.md")));
        assertTrue(Files.readString(out.resolve("migration.md")).contains("Traffic has not moved: eks2aks shift-traffic moves it"),
                "the command line's traffic shift is named");
        Ledger ledger = Ledger.read(out.resolve(Ledger.FILE));
        assertEquals(9, ledger.entries().size(), "every step is in the ledger: 2 finished, 7 skipped with their reason");
        LedgerEntry imageEntry = ledger.latest("images").orElseThrow();
        assertTrue(imageEntry.succeeded() && imageEntry.inputsDigest().startsWith("sha256:"));
        assertEquals(2L, imageEntry.work().get("images"));
        assertTrue(ledger.latest("inventory").orElseThrow().note().contains("no source cluster"));

        // The second run repeats nothing: no step runs, the ledger and every step's output are untouched.
        Path imageReport = out.resolve("images").resolve(Files.list(out.resolve("images")).filter(p -> p.toString().endsWith(".json"))
                .findFirst().orElseThrow().getFileName());
        FileTime reportTime = Files.getLastModifiedTime(imageReport);
        String ledgerText = Files.readString(out.resolve(Ledger.FILE));
        events.clear();

        MigrationSummary second = run(options(out, images, null, null, false));

        assertEquals(List.of("skipped", "skipped", "up-to-date", "up-to-date", "skipped", "skipped", "skipped", "skipped", "skipped"),
                states(second));
        assertEquals(ledgerText, Files.readString(out.resolve(Ledger.FILE)), "nothing was added to the ledger");
        assertEquals(reportTime, Files.getLastModifiedTime(imageReport), "the images step did not run again");
        assertTrue(events.stream().noneMatch(e -> e.topic().equals("images")), "no image was looked at");

        // --from forces that step and those after it; the ones before are left alone.
        MigrationSummary forced = run(options(out, images, "convert", "convert", false));

        assertEquals(List.of("not-run", "not-run", "not-run", "ran", "not-run", "not-run", "not-run", "not-run", "not-run"), states(forced));
        assertEquals("forced by --from convert", forced.steps().get(3).reason());
        assertEquals(2, Ledger.read(out.resolve(Ledger.FILE)).entries().stream().filter(e -> e.step().equals("convert")).count());
        assertEquals(List.of("skipped", "skipped", "up-to-date", "up-to-date", "skipped", "skipped", "skipped", "skipped", "skipped"),
                states(run(options(out, images, null, null, false))), "after the forced run everything is up to date again");
    }

    @Test
    void changedInputsRunAgainAndADryRunSaysWhyAndWritesNothing(@TempDir Path tmp) throws Exception {
        prefix = "dry";
        Path out = tmp.resolve("migration");
        Path images = imageList(tmp, List.of("shop/api:1.4.2"));
        run(options(out, images, null, null, false));
        imageList(tmp, DIGESTS.keySet());
        String ledgerText = Files.readString(out.resolve(Ledger.FILE));

        MigrationSummary dry = run(options(out, images, null, null, true));

        assertTrue(dry.dryRun());
        assertEquals(StepStatus.State.WOULD_RUN, dry.steps().get(2).state());
        assertEquals("inputs changed", dry.steps().get(2).reason());
        assertEquals(StepStatus.State.UP_TO_DATE, dry.steps().get(3).state());
        assertEquals(ledgerText, Files.readString(out.resolve(Ledger.FILE)), "a dry run writes nothing");
        assertFalse(RegistryImages.digest(TARGET.get(), "dry/shop/web", "2.0.0").isPresent(), "a dry run copies nothing");

        Path fresh = tmp.resolve("fresh");
        MigrationSummary none = run(options(fresh, images, null, null, true));
        assertEquals("never ran", none.steps().get(3).reason());
        assertFalse(Files.exists(fresh), "a dry run does not even create the folder");

        MigrationSummary again = run(options(out, images, null, null, false));
        assertEquals(StepStatus.State.RAN, again.steps().get(2).state());
        assertEquals(StepStatus.State.UP_TO_DATE, again.steps().get(3).state());
    }

    @Test
    void aFailureNamesTheStepRecordsItAndSaysHowToResume(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("migration");
        Path images = imageList(tmp, List.of("shop/api:1.4.2", "shop/missing:9.9"));

        MigrationSummary failed = run(options(out, images, null, null, false));

        assertEquals("images", failed.failedStep());
        assertEquals(List.of("skipped", "skipped", "failed", "not-run", "not-run", "not-run", "not-run", "not-run", "not-run"), states(failed));
        assertEquals("after images failed", failed.steps().get(3).reason());
        assertTrue(failed.oneLine().contains("resume with: eks2aks migrate RESUME"), failed.oneLine());
        assertTrue(events.stream().anyMatch(e -> e.level() == EventLevel.ERROR && e.message().contains("resume with: eks2aks migrate RESUME")));
        Ledger ledger = Ledger.read(out.resolve(Ledger.FILE));
        assertEquals(LedgerEntry.Outcome.FAILED, ledger.latest("images").orElseThrow().outcome());
        assertTrue(ledger.latest("convert").isEmpty(), "a step that did not run is not in the ledger");

        imageList(tmp, List.of("shop/api:1.4.2"));
        MigrationSummary resumed = run(options(out, images, null, null, false));
        assertTrue(resumed.succeeded(), resumed.oneLine());
        assertEquals("its last run failed", resumed.steps().get(2).reason());
        assertEquals("never ran", resumed.steps().get(3).reason());
    }

    @Test
    void optionsAreCheckedInTheFrontEndsWords(@TempDir Path tmp) {
        OptionException order = assertThrows(OptionException.class,
                () -> options(tmp.resolve("o"), null, "restore", "images", false).request(MigrateOptions.Names.CLI, PathScope.currentFolder()));
        assertTrue(order.getMessage().startsWith("--until images comes before --from restore"), order.getMessage());
        OptionException unknown = assertThrows(OptionException.class,
                () -> options(tmp.resolve("o"), null, "copy", null, false).request(MigrateOptions.Names.CLI, PathScope.currentFolder()));
        assertTrue(unknown.getMessage().contains("--from") && unknown.getMessage().contains("sync-storage"), unknown.getMessage());
        assertNull(options(tmp.resolve("o"), null, null, null, false).request(MigrateOptions.Names.CLI, PathScope.currentFolder()).from());
    }

    private MigrationSummary run(MigrateOptions options) throws InterruptedException {
        return new MigrationRun(events::add, Clock.systemUTC()).run(options.request(MigrateOptions.Names.CLI, PathScope.currentFolder()),
                new MigrationClients(Map.of(), null, null, null), "eks2aks migrate RESUME");
    }

    private MigrateOptions options(Path out, Path images, String from, String until, boolean dryRun) {
        List<String> plainHttp = List.of(SOURCE.get().hostPort(), TARGET.get().hostPort());
        return new MigrateOptions(EXAMPLE.toString(), null, out.toString(), false, from, until, dryRun, null, null, null, null, null,
                null, null, null, null, null, TARGET.get().hostPort() + "/" + prefix, images == null ? null : images.toString(), "copy",
                plainHttp, null, List.of(), null, null, null, null, null, null, null);
    }

    private static Path imageList(Path tmp, Iterable<String> images) throws Exception {
        List<String> lines = new ArrayList<>();
        images.forEach(i -> lines.add(SOURCE.get().hostPort() + "/" + i));
        return Files.write(tmp.resolve("images.txt"), lines);
    }

    private static List<String> states(MigrationSummary summary) {
        return summary.steps().stream().map(s -> s.state().key()).toList();
    }
}

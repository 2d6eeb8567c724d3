package io.jenkins.plugins.eks2aks.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.OptionException;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.files.PathScope;
import io.jenkins.plugins.eks2aks.inventory.DumpObjects;
import io.jenkins.plugins.eks2aks.inventory.EksInventory;
import io.jenkins.plugins.eks2aks.inventory.InventoryRequest;
import io.jenkins.plugins.eks2aks.inventory.InventorySummary;
import io.jenkins.plugins.eks2aks.files.OutputFolderInUseException;
import io.jenkins.plugins.eks2aks.ledger.InputDigest;
import io.jenkins.plugins.eks2aks.ledger.Ledger;
import io.jenkins.plugins.eks2aks.ledger.LedgerEntry;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.testservers.TestServerInstall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationPlannerTest {

    private static final Path EXAMPLE = TestServerInstall.repositoryRoot().resolve("examples/eks-sample");
    private static final Path DUMP = EXAMPLE.resolve("cluster-dump");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T09:00:00Z"), ZoneOffset.UTC);
    private static final PlanOptions.Names NAMES = PlanOptions.Names.CLI;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GIB = 1L << 30;

    private static PlanSummary plan(Path manifests, String inventory, String dump, Path out) {
        return new MigrationPlanner(EventSink.NONE, CLOCK).run(
                new PlanOptions(manifests.toString(), inventory, dump, null, null, out.toString(), false).request(NAMES, PathScope.currentFolder()));
    }

    private static JsonNode step(JsonNode plan, String name) {
        for (JsonNode s : plan.path("steps")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name);
    }

    @Test
    void theExamplesPlanCountsWhatTheEnginesFindAndWritesOnlyThePlan(@TempDir Path tmp) throws IOException {
        String before = new InputDigest().path("example", EXAMPLE).digest();
        Path out = tmp.resolve("plan");

        PlanSummary summary = plan(EXAMPLE, null, DUMP.toString(), out);

        JsonNode plan = JSON.readTree(out.resolve(MigrationPlanner.JSON).toFile());
        List<String> names = new ArrayList<>();
        plan.path("steps").forEach(s -> names.add(s.path("name").asText()));
        assertEquals(List.of("inventory", "preflight", "images", "convert", "backup", "sync-storage", "verify-storage", "restore",
                "verify-restore"), names);
        ConversionSummary converted = new ManifestConversion(EventSink.NONE).run(new ConversionRequest(EXAMPLE, tmp.resolve("unused"),
                MappingFile.load(EXAMPLE.resolve("eks2aks.yaml")), true));
        JsonNode convert = step(plan, "convert").path("work");
        assertEquals(converted.objects(), convert.path("objects").asInt());
        assertEquals(converted.changes(), convert.path("changes").asInt());
        assertEquals(converted.changesByMode().get("AUTO"), convert.path("changes.AUTO").asInt());
        assertEquals(0, convert.path("pendingDecisions").asInt(), "the example's mapping file settles everything");
        InventorySummary inventory = new EksInventory(EventSink.NONE, CLOCK).run(new InventoryRequest(new DumpObjects(DUMP), null, null, null, tmp.resolve("inv")));
        assertEquals(inventory.objects(), step(plan, "inventory").path("work").path("objects").asInt());
        assertEquals(inventory.ecrImages(), step(plan, "images").path("work").path("images").asInt());
        JsonNode backup = step(plan, "backup").path("work");
        assertEquals(inventory.persistentVolumeClaims(), backup.path("persistentVolumeClaims").asInt());
        assertEquals(70 * GIB, backup.path("bytes").asLong(), "the dump's claims request 50Gi (postgres) and 20Gi");
        assertEquals(70 * GIB, step(plan, "sync-storage").path("work").path("bytes").asLong());
        for (JsonNode s : plan.path("steps")) {
            assertEquals("default", s.path("estimateSource").asText(), s.toString());
            assertTrue(s.path("estimateSeconds").asLong() > 0, s.toString());
        }
        // 70 GiB at the default 50 MiB/s, plus its 60 s.
        assertEquals(60 + 70 * 1024 / 50 + 1, step(plan, "backup").path("estimateSeconds").asLong());
        assertEquals(0, plan.path("decisions").size());
        assertEquals(summary.estimateSeconds(), plan.path("estimateSeconds").asLong());

        assertEquals(List.of(OutputFolder.MARKER, MigrationPlanner.JSON, MigrationPlanner.MARKDOWN), list(out));
        assertEquals(List.of("inv", "plan"), list(tmp), "nothing written beside the output folder (inv is this test's own)");
        assertEquals(before, new InputDigest().path("example", EXAMPLE).digest(), "the manifests are untouched");
        String md = Files.readString(out.resolve(MigrationPlanner.MARKDOWN));
        assertTrue(md.contains("| 5 | `backup` | 2 namespaces, 24 objects, 2 persistentVolumeClaims, 70.0 GiB |"), md);
    }

    @Test
    void withoutAMappingFileEveryOpenDecisionNamesTheKeyThatSettlesIt(@TempDir Path tmp) throws IOException {
        Path manifests = tmp.resolve("manifests");
        copyManifests(manifests);
        ConversionSummary converted = new ManifestConversion(EventSink.NONE).run(new ConversionRequest(manifests, tmp.resolve("unused"),
                MigrationMapping.defaults(), true));

        PlanSummary summary = plan(manifests, null, null, tmp.resolve("plan"));

        JsonNode plan = JSON.readTree(tmp.resolve("plan").resolve(MigrationPlanner.JSON).toFile());
        assertTrue(converted.pendingDecisions() > 0);
        assertEquals(converted.pendingDecisions(), summary.decisions());
        assertEquals(converted.pendingDecisions(), plan.path("decisions").size());
        List<String> keys = new ArrayList<>();
        plan.path("decisions").forEach(d -> d.path("keys").forEach(k -> keys.add(k.asText())));
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("identities.")), keys.toString());
        assertTrue(keys.contains("acr") || keys.contains("--acr"), keys.toString());
        assertTrue(plan.path("inventory").isNull());
        assertTrue(step(plan, "images").path("work").isEmpty(), "no inventory, nothing counted");
        assertTrue(step(plan, "images").path("notes").get(0).asText().startsWith("not counted: no inventory"));
    }

    @Test
    void aLedgerInTheOutputFolderGivesMeasuredEstimatesAndIsKept(@TempDir Path tmp) throws IOException {
        Path inv = tmp.resolve("inv");
        new EksInventory(EventSink.NONE, CLOCK).run(new InventoryRequest(new DumpObjects(DUMP), null, null, null, inv));
        Path out = tmp.resolve("plan");
        plan(EXAMPLE, inv.resolve("inventory.json").toString(), null, out);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        Ledger.empty()
                .with(new LedgerEntry("images", "sha256:x", List.of(), t0, t0.plusSeconds(20), LedgerEntry.Outcome.SUCCEEDED, Map.of("images", 10L)))
                .with(new LedgerEntry("preflight", "sha256:y", List.of(), t0, t0.plusSeconds(7), LedgerEntry.Outcome.SUCCEEDED, Map.of()))
                .write(out.resolve(Ledger.FILE));
        byte[] ledger = Files.readAllBytes(out.resolve(Ledger.FILE));

        PlanSummary summary = plan(EXAMPLE, inv.toString(), null, out);

        JsonNode plan = JSON.readTree(out.resolve(MigrationPlanner.JSON).toFile());
        JsonNode images = step(plan, "images");
        assertEquals("measured", images.path("estimateSource").asText());
        long ecr = images.path("work").path("images").asLong();
        assertEquals((long) Math.ceil(ecr / 0.5), images.path("estimateSeconds").asLong(), "10 images in 20 s: 0.5 a second");
        assertEquals("measured", step(plan, "preflight").path("estimateSource").asText());
        assertEquals(7, step(plan, "preflight").path("estimateSeconds").asLong());
        assertEquals("default", step(plan, "backup").path("estimateSource").asText());
        assertTrue(summary.measured());
        assertEquals(out.resolve(Ledger.FILE).toString(), plan.path("ledger").asText());
        assertEquals(new String(ledger), Files.readString(out.resolve(Ledger.FILE)), "the ledger survives the plan");
    }

    @Test
    void theReportsShowThePathsAsTheUserGaveThem(@TempDir Path tmp) throws IOException {
        Path here = Path.of("").toAbsolutePath();
        String manifests = here.relativize(EXAMPLE).toString();
        String dump = here.relativize(DUMP).toString();
        Path out = tmp.resolve("plan");

        new MigrationPlanner(EventSink.NONE, CLOCK).run(new PlanOptions(manifests, null, dump, null, null, out.toString(), false)
                .request(NAMES, PathScope.currentFolder()));

        JsonNode plan = JSON.readTree(out.resolve(MigrationPlanner.JSON).toFile());
        assertEquals(manifests, plan.path("manifests").asText());
        assertEquals(Path.of(manifests).resolve("eks2aks.yaml").toString(), plan.path("mapping").asText(), "found beside the manifests");
        assertEquals("cluster dump " + dump, plan.path("inventory").asText());
        assertFalse(Files.readString(out.resolve(MigrationPlanner.MARKDOWN)).contains(here.toString()), "no path of this machine");
    }

    @Test
    void aMigrationsFolderIsNotReplacedUnlessForced(@TempDir Path tmp) throws IOException {
        Path migration = Files.createDirectories(tmp.resolve("rehearsal/convert/manifests"));
        Path folder = migration.getParent().getParent();
        Files.writeString(folder.resolve(OutputFolder.MARKER), "Written by eks2aks migrate.");
        Ledger.empty().write(folder.resolve(Ledger.FILE));
        Files.writeString(migration.resolve("web.yaml"), "kind: Deployment");

        OutputFolderInUseException refused = assertThrows(OutputFolderInUseException.class, () -> plan(EXAMPLE, null, DUMP.toString(), folder));
        assertEquals("--out '" + folder + "' is a migration's folder (it holds ledger.json and the steps' reports) and plan would replace "
                + "it: nothing was changed. Give plan a folder of its own and read the ledger with --ledger " + folder.resolve(Ledger.FILE)
                + ", or replace it on purpose", refused.getMessage());
        assertEquals("kind: Deployment", Files.readString(migration.resolve("web.yaml")), "the step's report is still there");

        new MigrationPlanner(EventSink.NONE, CLOCK).run(new PlanOptions(EXAMPLE.toString(), null, DUMP.toString(), null, null,
                folder.toString(), true).request(NAMES, PathScope.currentFolder()));
        assertTrue(Files.isRegularFile(folder.resolve(MigrationPlanner.JSON)), "forced, the plan replaces it");
    }

    @Test
    void wrongOptionsAreOneLineNamingTheOptionAndChangeNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("plan");
        OptionException both = assertThrows(OptionException.class, () -> new PlanOptions(EXAMPLE.toString(), "a.json",
                DUMP.toString(), null, null, out.toString(), false).request(NAMES, PathScope.currentFolder()));
        assertEquals("Give --inventory or --dump, not both", both.getMessage());
        MigrationException missing = assertThrows(MigrationException.class, () -> new PlanOptions(EXAMPLE.toString(),
                tmp.resolve("nope.json").toString(), null, null, null, out.toString(), false).request(NAMES, PathScope.currentFolder()));
        assertTrue(missing.getMessage().startsWith("--inventory '" + tmp.resolve("nope.json") + "' does not exist"), missing.getMessage());
        assertThrows(MigrationException.class, () -> new PlanOptions(EXAMPLE.toString(), null, null, null, null,
                EXAMPLE.resolve("plan").toString(), false).request(NAMES, PathScope.currentFolder()), "an output inside the manifests");

        Files.createDirectories(out);
        Files.writeString(tmp.resolve("inventory.json"), "{\"schema\":\"something/else\"}");
        MigrationException wrong = assertThrows(MigrationException.class, () -> plan(EXAMPLE, tmp.resolve("inventory.json").toString(), null, out));
        assertTrue(wrong.getMessage().contains("is not an eks2aks inventory"), wrong.getMessage());
        assertEquals(List.of(), list(out), "a failed plan writes nothing");
    }

    private static void copyManifests(Path target) throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && (name.endsWith(".yaml") || name.endsWith(".json")) && !name.equals("eks2aks.yaml")) {
                    Files.copy(f, target.resolve(name));
                }
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A claim restored from a snapshot: a decision whose reason sends the user to Velero's backup and restore. */
    private static String planOfASnapshotClaim(Path tmp, PlanOptions.Names names) throws IOException {
        Path manifests = Files.createDirectories(tmp.resolve("manifests"));
        Files.writeString(manifests.resolve("claim.yaml"), """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: restored, namespace: shop}
                spec:
                  storageClassName: gp3
                  dataSource: {name: nightly, kind: VolumeSnapshot, apiGroup: snapshot.storage.k8s.io}
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 4Gi}}
                """);
        Path out = tmp.resolve("plan");
        new MigrationPlanner(EventSink.NONE, CLOCK).run(new PlanOptions(manifests.toString(), null, null, null, null, out.toString(), false)
                .request(names, PathScope.currentFolder()));
        return Files.readString(out.resolve(MigrationPlanner.JSON));
    }

    @Test
    void thePlansDecisionsNameTheCommandLinesCommands(@TempDir Path tmp) throws IOException {
        String plan = planOfASnapshotClaim(tmp, NAMES);
        assertTrue(plan.contains("the data moves with Velero (eks2aks backup and eks2aks restore)"), plan);
    }

    @Test
    void thePlansDecisionsNameTheStepsInJenkins(@TempDir Path tmp) throws IOException {
        PlanOptions.Names steps = new PlanOptions.Names("'manifests'", "'inventory'", "'dump'", "'mappingFile'", "'ledger'", "'output'",
                "the eksInventory step", "the ecrToAcr step with dryRun: true", FrontEndNames.STEPS);
        String plan = planOfASnapshotClaim(tmp, steps);
        assertTrue(plan.contains("the data moves with Velero (the veleroBackup and aksRestore steps)"), plan);
        assertFalse(plan.contains("eks2aks backup"), plan);
    }
}

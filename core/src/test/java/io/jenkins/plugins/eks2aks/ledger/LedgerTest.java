package io.jenkins.plugins.eks2aks.ledger;

import io.jenkins.plugins.eks2aks.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerTest {

    private static final Instant T0 = Instant.parse("2026-12-05T08:00:00Z");

    private static LedgerEntry entry(String step, String digest, int seconds, LedgerEntry.Outcome outcome, Map<String, Long> work) {
        return new LedgerEntry(step, digest, List.of("out/" + step), T0, T0.plusSeconds(seconds), outcome, work);
    }

    @Test
    void aSkippedStepKeepsItsReasonAndNeverCountsAsDone(@TempDir Path tmp) {
        Path file = tmp.resolve(Ledger.FILE);
        Ledger ledger = Ledger.empty().with(new LedgerEntry("backup", "sha256:c", List.of(), T0, T0, LedgerEntry.Outcome.SKIPPED, Map.of(),
                "no live source cluster: give --eks-cluster"));
        ledger.write(file);

        Ledger read = Ledger.read(file);

        assertEquals(ledger.entries(), read.entries());
        assertEquals("no live source cluster: give --eks-cluster", read.latest("backup").orElseThrow().note());
        assertFalse(read.upToDate("backup", "sha256:c"), "a skipped step has not done its work");
        assertTrue(read.averageSeconds("backup").isEmpty());
    }

    @Test
    void entriesSurviveAWriteAndARead(@TempDir Path tmp) {
        Path file = tmp.resolve("migration").resolve(Ledger.FILE);
        Ledger ledger = Ledger.empty()
                .with(entry("inventory", "sha256:a", 3, LedgerEntry.Outcome.SUCCEEDED, Map.of("objects", 120L)))
                .with(entry("images", "sha256:b", 40, LedgerEntry.Outcome.FAILED, Map.of("images", 2L, "bytes", 1000L)));
        ledger.write(file);

        Ledger read = Ledger.read(file);

        assertEquals(ledger.entries(), read.entries());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(Ledger.FILE), files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noFileIsAnEmptyLedger(@TempDir Path tmp) {
        assertTrue(Ledger.read(tmp.resolve(Ledger.FILE)).entries().isEmpty());
    }

    @Test
    void aStepIsUpToDateOnlyWhenItsLatestRunSucceededWithTheSameInputs() {
        Ledger ledger = Ledger.empty()
                .with(entry("convert", "sha256:old", 1, LedgerEntry.Outcome.SUCCEEDED, Map.of()))
                .with(entry("backup", "sha256:x", 1, LedgerEntry.Outcome.SUCCEEDED, Map.of()))
                .with(entry("backup", "sha256:x", 1, LedgerEntry.Outcome.FAILED, Map.of()));

        assertTrue(ledger.upToDate("convert", "sha256:old"));
        assertFalse(ledger.upToDate("convert", "sha256:new"), "changed inputs");
        assertFalse(ledger.upToDate("backup", "sha256:x"), "the latest backup failed");
        assertFalse(ledger.upToDate("restore", "sha256:x"), "never ran");
    }

    @Test
    void theRateIsWhatSuccessfulRunsMovedOverTheTimeTheyTook() {
        Ledger ledger = Ledger.empty()
                .with(entry("sync-storage", "d", 10, LedgerEntry.Outcome.SUCCEEDED, Map.of("bytes", 1_000L)))
                .with(entry("sync-storage", "d", 30, LedgerEntry.Outcome.SUCCEEDED, Map.of("bytes", 7_000L)))
                .with(entry("sync-storage", "d", 5, LedgerEntry.Outcome.FAILED, Map.of("bytes", 9_999_999L)))
                .with(entry("images", "d", 10, LedgerEntry.Outcome.SUCCEEDED, Map.of("images", 0L)));

        assertEquals(200.0, ledger.rate("sync-storage", "bytes").orElseThrow(), 1e-9);
        assertTrue(ledger.rate("sync-storage", "objects").isEmpty(), "no run counted objects");
        assertTrue(ledger.rate("images", "images").isEmpty(), "a run that moved nothing measures nothing");
        assertTrue(ledger.rate("backup", "bytes").isEmpty());
    }

    @Test
    void aDamagedLedgerIsOneLineNamingTheFileAndTheField(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve(Ledger.FILE);
        Files.writeString(file, "{\"schema\":\"" + Ledger.SCHEMA + "\",\"entries\":[{\"step\":\"images\",\"inputsDigest\":\"d\","
                + "\"start\":\"2026-12-05T08:00:00Z\",\"end\":\"yesterday\",\"outcome\":\"succeeded\"}]}");

        MigrationException e = assertThrows(MigrationException.class, () -> Ledger.read(file));

        assertEquals("Cannot read the ledger '" + file + "': entries[0].end 'yesterday' is not an ISO-8601 instant"
                + " (fix it, or delete it to run every step again)", e.getMessage());
        Files.writeString(file, "{\"entries\":[]}");
        assertTrue(assertThrows(MigrationException.class, () -> Ledger.read(file)).getMessage().contains("no schema " + Ledger.SCHEMA));
    }
}

package io.jenkins.plugins.eks2aks.storage.azcopy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.eks2aks.credentials.SecretMask;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** AzCopy 10.32.2's JSON lines, recorded against Azurite, with plain-text lines mixed in. */
class AzCopyOutputTest {

    static final String DEST = "http://127.0.0.1:18931/devstoreaccount1/ccc/pre/";

    @Test
    void aCompletedSyncGivesItsJobAndCounts() throws IOException {
        List<MigrationEvent> events = new ArrayList<>();
        AzCopyJobResult result = read("sync-completed.jsonl", events);

        assertTrue(result.completed());
        assertEquals("0440bde0-7038-6646-7452-a4699e124872", result.jobId());
        assertEquals("Completed", result.status());
        assertEquals(4, result.end().number("TransfersCompleted"));
        assertEquals(300003, result.end().number("BytesOverWire"));
        assertTrue(result.failed().isEmpty());
    }

    @Test
    void anAuthenticationFailureIsFatalAndPlainTextLinesAreTolerated() throws IOException {
        List<MigrationEvent> events = new ArrayList<>();
        AzCopyJobResult result = read("sync-auth-failed.jsonl", events);

        assertFalse(result.completed());
        assertEquals("Cancelled", result.status());
        assertTrue(result.fatal().startsWith("Authentication failed, it is either not correct, or expired"), result.fatal());
        assertEquals("panic: not json {", result.lastError());
        assertTrue(events.stream().anyMatch(e -> e.level() == EventLevel.DEBUG && e.message().equals("azcopy: panic: not json {")));
    }

    @Test
    void aDryRunNamesWhatWouldBeCopiedBelowThePrefix() throws IOException {
        List<MigrationEvent> events = new ArrayList<>();
        AzCopyJobResult result = read("sync-dry-run.jsonl", events);

        assertEquals(List.of("f1 (97.7 KiB)"), result.dryRun());
        assertEquals(100002, result.dryRunBytes());
        assertNull(result.end().content(), "a sync with nothing to do ends without a job");
        assertTrue(result.completed());
    }

    @Test
    void failedTransfersAreNamedAndSignaturesMasked() {
        AzCopyOutput output = new AzCopyOutput(EventSink.NONE, "t", SecretMask.TOKENS, DEST);
        output.accept("{\"MessageType\":\"Error\",\"MessageContent\":\"failed to PUT " + DEST + "x?sv=1&sig=SECRET\"}");
        output.accept("{\"MessageType\":\"EndOfJob\",\"MessageContent\":\"{\\\"JobStatus\\\":\\\"CompletedWithErrors\\\","
                + "\\\"TransfersFailed\\\":\\\"1\\\",\\\"FailedTransfers\\\":[{\\\"Src\\\":\\\"/data/a b\\\",\\\"Dst\\\":\\\""
                + DEST + "a%20b\\\",\\\"TransferStatus\\\":\\\"Failed\\\",\\\"ErrorCode\\\":500}]}\"}");

        AzCopyJobResult result = output.result(1);

        assertEquals(List.of("a b: azcopy transfer failed (500)"), result.failed());
        assertEquals("failed to PUT " + DEST + "x?sv=1&sig=****", result.lastError());
        assertFalse(result.completed());
    }

    static AzCopyJobResult read(String resource, List<MigrationEvent> events) throws IOException {
        AzCopyOutput output = new AzCopyOutput(events::add, "sync-storage", SecretMask.TOKENS, DEST);
        try (InputStream in = AzCopyOutputTest.class.getResourceAsStream(resource)) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(output::accept);
        }
        int exit = resource.contains("failed") ? 1 : 0;
        return output.result(exit);
    }
}

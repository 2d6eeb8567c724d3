package io.jenkins.plugins.eks2aks.steps;

import hudson.AbortException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.files.OutputFolder;
import io.jenkins.plugins.eks2aks.files.OutputFolderInUseException;
import io.jenkins.plugins.eks2aks.files.StagedDirectory;
import io.jenkins.plugins.eks2aks.manifests.ConversionSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test channel's filter rejects what the controller of the Jenkins baseline rejects, and lets through what it accepts. */
class ClassFilterChannelTest {

    @Test
    void theWhitelistIsTheBaselinesFile() {
        assertEquals(136, ClassFilterChannel.WHITELIST.size());
        assertTrue(ClassFilterChannel.WHITELIST.contains("java.util.ArrayList"));
        // At jenkins-2.541.3 the immutable collections of List.of/List.copyOf/Map.of are listed (CollSer is what they write).
        assertTrue(ClassFilterChannel.WHITELIST.contains("java.util.CollSer"));
    }

    @Test
    void plainJdkValuesPassAndKeepTheirContent() {
        HashMap<String, Object> map = new HashMap<>();
        map.put("list", new ArrayList<>(List.of("a", "b")));
        map.put("nested", new LinkedHashMap<>(Map.of("n", 1L)));
        map.put("flag", true);
        map.put("ratio", 0.5);
        assertEquals(map, ClassFilterChannel.roundTrip(map, "a map"));
    }

    @Test
    void immutableCollectionsBreakTheProjectsRuleThoughTheBaselineListsThem() {
        HashMap<String, Object> map = new HashMap<>();
        map.put("platforms", List.copyOf(List.of("linux/amd64")));
        AssertionError e = assertThrows(AssertionError.class, () -> ClassFilterChannel.roundTrip(map, "a result"));
        assertTrue(e.getMessage().contains("java.util.CollSer (a List.of/List.copyOf/Map.of value)"), e.getMessage());
    }

    @Test
    void jdkClassesMissingFromTheWhitelistAreRejected() {
        HashMap<String, Object> map = new HashMap<>();
        map.put("entry", new java.util.AbstractMap.SimpleEntry<>("k", "v"));
        AssertionError e = assertThrows(AssertionError.class, () -> ClassFilterChannel.roundTrip(map, "a map with an entry"));
        assertTrue(e.getMessage().contains("java.util.AbstractMap$SimpleEntry is a JDK class missing from whitelisted-classes.txt"), e.getMessage());
    }

    @Test
    void engineClassesAreRejectedBecauseTheEngineIsALibraryJarNotAPlugin() {
        ConversionSummary summary = new ConversionSummary(1, 1, 1, 0, Map.of(), 0, 0, true, null, null, null, null, "FILES", List.of());
        AssertionError e = assertThrows(AssertionError.class, () -> ClassFilterChannel.roundTrip(summary, "a summary"));
        assertTrue(e.getMessage().contains("ConversionSummary in "), e.getMessage());
        assertTrue(e.getMessage().contains("is in a library jar, not a plugin"), e.getMessage());
        assertNull(ClassFilterChannel.rejection(StepFailure.class), "the plugin's own classes pass");
    }

    @Test
    void aClientExceptionCarryingLibraryValuesIsRejectedButItsStepFailureCrosses() {
        KubernetesClientException sdk = new KubernetesClientException(new StatusBuilder().withCode(403).withReason("Forbidden")
                .withMessage("pods is forbidden").build());
        AssertionError rejected = assertThrows(AssertionError.class, () -> ClassFilterChannel.roundTrip(sdk, "the exception"));
        assertTrue(rejected.getMessage().contains("io.fabric8.kubernetes.") && rejected.getMessage().contains("library jar"), rejected.getMessage());

        AbortException wrapped = (AbortException) ClassFilterChannel.roundTrip(StepFailure.of("eksInventory", sdk), "the step failure");
        assertTrue(wrapped.getMessage().startsWith("eksInventory: KubernetesClientException: "), wrapped.getMessage());
        assertNull(wrapped.getCause(), "nothing of the SDK rides along");
    }

    @Test
    void aFolderInUseNamesTheStepsOverride(@TempDir Path tmp) throws Exception {
        Files.writeString(Files.createDirectories(tmp.resolve("out")).resolve("notes.txt"), "mine");
        OutputFolderInUseException inUse = assertThrows(OutputFolderInUseException.class,
                () -> StagedDirectory.create(tmp.resolve("out"), "test", false));
        AbortException e = StepFailure.of("convertManifests", inUse);
        assertTrue(e.getMessage().endsWith(" with force: true"), e.getMessage());
        assertFalse(e.getMessage().contains("--force"), e.getMessage());
        assertTrue(e.getMessage().contains(OutputFolder.MARKER));
        assertEquals("convertManifests: bad", StepFailure.of("convertManifests", new MigrationException("bad")).getMessage());
    }
}

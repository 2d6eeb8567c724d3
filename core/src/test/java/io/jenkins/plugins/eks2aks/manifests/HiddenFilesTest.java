package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventLevel;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dotfiles are copied and reported, hidden folders reported and left behind: nothing is skipped silently. */
class HiddenFilesTest {

    @Test
    void aSopsConfigIsCopiedWithItsKmsDecisionAndAGitFolderIsReported(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in/apps"));
        Files.writeString(in.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");
        String sops = "creation_rules:\n  - path_regex: .*.yaml\n    kms: arn:aws:kms:us-east-1:123456789012:key/k\n";
        Files.writeString(tmp.resolve("in/.sops.yaml"), sops);
        Files.createDirectories(tmp.resolve("in/.git/objects"));
        Files.writeString(tmp.resolve("in/.git/config"), "[core]\n");
        List<MigrationEvent> events = new ArrayList<>();

        new ManifestConversion(events::add).run(new ConversionRequest(tmp.resolve("in"), tmp.resolve("out"), MigrationMapping.defaults(), false));

        assertEquals(sops, Files.readString(tmp.resolve("out/manifests/.sops.yaml")));
        assertFalse(Files.exists(tmp.resolve("out/manifests/.git")));
        List<String> warnings = events.stream().filter(e -> e.level() == EventLevel.WARNING).map(MigrationEvent::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains(".sops.yaml: hidden file, copied unchanged") && w.contains("Azure Key Vault")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains(".git/: hidden folder, neither read nor copied")), warnings.toString());
    }

    @Test
    void remoteKustomizeResourcesAreNamedInBothReportsAsNotRead(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\n");
        Files.writeString(in.resolve("kustomization.yaml"), "resources:\n- cm.yaml\n- https://github.com/org/repo//deploy?ref=v1\n");

        new ManifestConversion(e -> { }).run(new ConversionRequest(in, tmp.resolve("out"), MigrationMapping.defaults(), false));

        String note = "kustomization.yaml: remote resource https://github.com/org/repo//deploy?ref=v1 is not read";
        assertTrue(Files.readString(tmp.resolve("out/report/conversion-report.md")).contains(note));
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("out/report/conversion-report.json").toFile())
                .path("inputNotes").get(0).asText().startsWith(note));
    }
}

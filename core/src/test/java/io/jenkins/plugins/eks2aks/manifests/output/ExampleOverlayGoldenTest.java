package io.jenkins.plugins.eks2aks.manifests.output;

import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.mapping.MappingOverrides;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code --format kustomize} overlay of {@code examples/eks-sample}, byte for byte, as
 * {@code ExampleGoldenTest} does for the converted files and the Velero ConfigMaps: the overlay's YAML is written
 * through a library, and a change of its quoting or layout shows up here. The input's absolute path (in the
 * README) reads {@code <input>}. Regenerate with {@code -Deks2aks.golden.update=true} and read the diff.
 */
class ExampleOverlayGoldenTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "eks-sample");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "eks-sample-overlay");

    @Test
    void theBundledExampleGivesExactlyTheGoldenOverlay() throws IOException {
        MigrationMapping mapping = new MappingOverrides(null, "contoso.azurecr.io", List.of(), null, null).resolve(EXAMPLE);
        ConversionResult result = new ManifestConversion(EventSink.NONE).convert(EXAMPLE, mapping,
                FrontEndNames.CLI.withAcrOptions(null, null));
        // An overlay beside the example: its resources are relative paths that hold on any machine.
        KustomizeOverlay overlay = KustomizeOverlay.of(result, EXAMPLE.resolveSibling("overlay"), ConvertOptions.Names.CLI);
        Map<String, String> actual = new TreeMap<>();
        String root = result.input().root().toString();
        overlay.files().forEach((file, text) -> actual.put(file, text.replace(root, "<input>")));

        if (Boolean.getBoolean("eks2aks.golden.update")) {
            for (Map.Entry<String, String> e : actual.entrySet()) {
                Files.createDirectories(GOLDEN.resolve(e.getKey()).getParent());
                Files.writeString(GOLDEN.resolve(e.getKey()), e.getValue());
            }
        }
        assertEquals(files(GOLDEN), List.copyOf(actual.keySet()), "the set of overlay files changed");
        for (Map.Entry<String, String> e : actual.entrySet()) {
            assertEquals(Files.readString(GOLDEN.resolve(e.getKey())), e.getValue(), e.getKey() + " changed");
        }
    }

    private static List<String> files(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        }
        files.sort(null);
        return files;
    }
}

package io.jenkins.plugins.eks2aks.manifests;

import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.events.EventSink;
import io.jenkins.plugins.eks2aks.mapping.MappingOverrides;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README demo, byte for byte: converting {@code examples/eks-sample} (with its {@code eks2aks.yaml}) must give
 * exactly the files under {@code src/test/resources/golden/eks-sample}. Any change to a rule shows up here as a
 * diff to review. After an intended change, regenerate with {@code -Deks2aks.golden.update=true} and read the diff.
 */
class ExampleGoldenTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "eks-sample");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "eks-sample");

    @Test
    void theBundledExampleConvertsToExactlyTheGoldenFiles(@TempDir Path tmp) throws IOException {
        MigrationMapping mapping = new MappingOverrides(null, "contoso.azurecr.io", List.of(), null, null).resolve(EXAMPLE);
        Path out = tmp.resolve("demo");
        new ManifestConversion(EventSink.NONE).run(new ConversionRequest(EXAMPLE, out, mapping, false, OutputFormat.FILES, true));

        if (Boolean.getBoolean("eks2aks.golden.update")) {
            replace(GOLDEN, out);
        }
        List<String> expected = files(GOLDEN);
        List<String> actual = files(out);
        assertEquals(expected, actual, "the set of output files changed");
        for (String file : expected) {
            assertEquals(Files.readString(GOLDEN.resolve(file)), Files.readString(out.resolve(file)), file + " changed");
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

    private static void replace(Path golden, Path from) throws IOException {
        if (Files.exists(golden)) {
            try (Stream<Path> walk = Files.walk(golden)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (String file : files(from)) {
            Files.createDirectories(golden.resolve(file).getParent());
            Files.copy(from.resolve(file), golden.resolve(file));
        }
    }
}

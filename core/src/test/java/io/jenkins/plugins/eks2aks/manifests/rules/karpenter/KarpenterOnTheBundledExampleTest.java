package io.jenkins.plugins.eks2aks.manifests.rules.karpenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.rules.BundledExample;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Karpenter rules in a whole conversion: {@code examples/eks-sample} has no Karpenter objects, so it is copied
 * with a NodePool and its EC2NodeClass added, as a cluster that runs Karpenter would have them.
 */
class KarpenterOnTheBundledExampleTest {

    @Test
    void aNodePoolMovesToNodeAutoProvisioningAlongsideTheExample(@TempDir Path tmp) throws IOException {
        JsonNode report = convertWithKarpenter(tmp);

        assertEquals(List.of("NodePool /spec/template/spec/nodeClassRef true", "NodePool /spec/template/spec/requirements/1 true"),
                ours(report, "NodePool"));
        report.path("conflicts").forEach(c -> assertTrue(c.path("rules").toString().matches("^(?!.*\"KP).*$"), c.toString()));
        String converted = Files.readString(tmp.resolve("out/manifests/karpenter.yaml"));
        assertTrue(converted.contains("kind: AKSNodeClass"), converted);
        assertTrue(converted.contains("karpenter.azure.com/sku-family"), converted);
    }

    @Test
    void itsEc2NodeClassBecomesAnAksNodeClassInAWholeRun(@TempDir Path tmp) throws IOException {
        JsonNode report = convertWithKarpenter(tmp);

        assertEquals(List.of("EC2NodeClass /apiVersion true", "EC2NodeClass /kind true", "EC2NodeClass /spec true"),
                ours(report, "EC2NodeClass"));
        assertTrue(Files.readString(tmp.resolve("out/manifests/karpenter.yaml")).contains("imageFamily: AzureLinux"));
    }

    private static JsonNode convertWithKarpenter(Path tmp) throws IOException {
        Path input = tmp.resolve("in");
        copy(BundledExample.EXAMPLE, input);
        Files.writeString(input.resolve("karpenter.yaml"), KarpenterRulesTest.nodePool("""
                - {key: karpenter.sh/capacity-type, operator: In, values: [spot]}
                - {key: karpenter.k8s.aws/instance-category, operator: In, values: [m, c]}
                """) + "---\n" + KarpenterRulesTest.NODE_CLASS);
        new ManifestConversion(e -> { }).run(new ConversionRequest(input, tmp.resolve("out"), MappingFile.parse("eks2aks.yaml",
                "acr: contoso.azurecr.io\nkarpenter: {imageFamily: AzureLinux}\n"), false));
        return new ObjectMapper().readTree(tmp.resolve("out/report/conversion-report.json").toFile());
    }

    /** {@code Kind path applied} of every KP change to objects of {@code kind}. */
    private static List<String> ours(JsonNode report, String kind) {
        List<String> out = new ArrayList<>();
        report.path("changes").forEach(c -> {
            if (c.path("rule").asText().startsWith("KP") && c.at("/object/kind").asText().equals(kind)) {
                out.add(kind + " " + c.path("path").asText() + " " + c.path("applied").asBoolean());
            }
        });
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

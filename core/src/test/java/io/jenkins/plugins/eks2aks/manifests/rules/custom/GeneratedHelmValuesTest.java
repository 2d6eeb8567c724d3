package io.jenkins.plugins.eks2aks.manifests.rules.custom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.ManifestWriter;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleCatalog;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The values file a kustomize configMapGenerator makes a HelmRelease's valuesFrom ConfigMap of is converted in place. */
class GeneratedHelmValuesTest {

    private static final Path FIXTURE = Path.of("src/test/resources/flux-values-generator");

    /** Converts the fixture as {@code eks2aks convert} does and writes it under {@code out}. */
    static ConversionResult convert(MigrationMapping mapping, Path out) {
        return convert(FIXTURE, mapping, out);
    }

    private static ConversionResult convert(Path fixture, MigrationMapping mapping, Path out) {
        ManifestSet input = new ManifestReader().read(fixture);
        RuleContext context = new RuleContext(mapping, InputIndex.of(input, mapping.registryMap()));
        ConversionResult result = GeneratedHelmValues.addTo(new ManifestConverter(RuleCatalog.rules(context)).convert(input), context);
        new ManifestWriter().write(result, out);
        return result;
    }

    @Test
    void theGeneratorsValuesFileIsRewrittenWithItsCommentsAndTheLoadBalancerStaysInternal(@TempDir Path tmp) throws Exception {
        ConversionResult result = convert(MigrationMapping.defaults(), tmp);
        String text = Files.readString(tmp.resolve("podinfo/values.yaml"));
        JsonNode annotations = new YAMLMapper().readTree(text).at("/service/annotations");

        assertEquals("true", annotations.path("service.beta.kubernetes.io/azure-load-balancer-internal").asText(), text);
        assertFalse(annotations.has("service.beta.kubernetes.io/aws-load-balancer-scheme"), text);
        assertTrue(text.startsWith("# podinfo on the internal network only\n"), text);
        assertTrue(text.contains("message: hello # shown on the home page"), text);
        assertEquals(Files.readString(FIXTURE.resolve("podinfo/kustomization.yaml")), Files.readString(tmp.resolve("podinfo/kustomization.yaml")));

        Change rewrite = result.changes().stream().filter(ObjectChange::applied).map(ObjectChange::change)
                .filter(c -> c.path().equals("/data/values.yaml")).findFirst().orElseThrow();
        assertTrue(rewrite.reason().startsWith("values file podinfo/values.yaml (key values.yaml of configMapGenerator podinfo-values of "
                + "podinfo/kustomization.yaml) (values of HelmRelease podinfo/podinfo) rewritten: "), rewrite.reason());
        assertTrue(rewrite.reason().contains("service.annotations"), rewrite.reason());
    }

    @Test
    void aKeyTheGeneratorMakesFromLiteralsIsADecisionNamingTheGeneratorAndTheFileOneIsNot(@TempDir Path tmp) {
        ConversionResult result = convert(MigrationMapping.defaults(), tmp);
        List<Change> decisions = result.changes().stream().map(ObjectChange::change)
                .filter(c -> c.mode() == RuleMode.HUMAN && c.path().startsWith("/spec/valuesFrom/")).toList();

        assertEquals(1, decisions.size(), decisions.toString());
        assertEquals("/spec/valuesFrom/1", decisions.get(0).path());
        assertTrue(decisions.get(0).reason().contains("configMapGenerator podinfo-extra of podinfo/kustomization.yaml"),
                decisions.get(0).reason());
    }

    @Test
    void aRuleTheMappingDisablesChangesNothingInsideTheFile(@TempDir Path tmp) throws Exception {
        convert(MappingFile.parse("eks2aks.yaml", "rules: {disable: [L2]}\n"), tmp);
        JsonNode annotations = new YAMLMapper().readTree(Files.readString(tmp.resolve("podinfo/values.yaml"))).at("/service/annotations");
        assertEquals("external", annotations.path("service.beta.kubernetes.io/aws-load-balancer-type").asText());
        assertEquals("true", annotations.path("service.beta.kubernetes.io/azure-load-balancer-internal").asText());
    }

    @Test
    void aFindingInTheValuesFileNamesTheFileTheGeneratorAndThePath(@TempDir Path tmp) {
        ConversionResult result = convert(MigrationMapping.defaults(), tmp);
        ObjectChange finding = result.changes().stream().filter(c -> c.change().mode() == RuleMode.HUMAN
                && c.change().reason().contains("arn:aws:iam::123456789012:role/podinfo")).findFirst().orElseThrow();

        assertEquals("podinfo/values.yaml", finding.document().file());
        assertTrue(finding.change().path().startsWith("/data/values.yaml/serviceAccount/annotations"), finding.change().path());
        assertTrue(finding.change().reason().endsWith(" (values of HelmRelease podinfo/podinfo) in values file podinfo/values.yaml "
                + "(key values.yaml of configMapGenerator podinfo-values of podinfo/kustomization.yaml)"), finding.change().reason());
    }

    @Test
    void anOverlayMergingItsOwnFileUnderTheKeyHasThatFileRewrittenNotTheBases(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("base"));
        Files.createDirectories(in.resolve("prod"));
        Files.copy(FIXTURE.resolve("podinfo/helmrelease.yaml"), in.resolve("base/helmrelease.yaml"));
        String values = "service:\n  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n";
        Files.writeString(in.resolve("base/values.yaml"), values);
        Files.writeString(in.resolve("prod/values.yaml"), values);
        Files.writeString(in.resolve("base/kustomization.yaml"), """
                resources: [helmrelease.yaml]
                configMapGenerator:
                  - name: podinfo-values
                    files: [values.yaml]
                """);
        Files.writeString(in.resolve("prod/kustomization.yaml"), """
                namespace: prod
                resources: [../base]
                configMapGenerator:
                  - name: podinfo-values
                    behavior: merge
                    files: [values.yaml=values.yaml]
                """);
        convert(in, MigrationMapping.defaults(), tmp.resolve("out"));

        assertEquals(values, Files.readString(tmp.resolve("out/base/values.yaml")));
        assertTrue(Files.readString(tmp.resolve("out/prod/values.yaml")).contains("azure-load-balancer-internal"));
    }
}

package io.jenkins.plugins.eks2aks.manifests.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistryCredentialsAndCollisionsTest {

    private static final String US = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
    private static final String EU = "210987654321.dkr.ecr.eu-west-1.amazonaws.com";

    private static String pullSecret(String name, String host) {
        String config = "{\"auths\":{\"" + host + "\":{\"auth\":\"QVdTOnRva2Vu\"}}}";
        return "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\nmetadata: {name: " + name + ", namespace: shop}\n"
                + "data: {.dockerconfigjson: " + Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)) + "}\n";
    }

    private static String pod(String images, String pullSecrets) {
        return "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n  imagePullSecrets: [" + pullSecrets + "]\n  containers:\n" + images;
    }

    @Test
    void ecrPullSecretsAreNotMigratedAndPodsStopReferringToThem() {
        String yaml = pullSecret("ecr", EU) + "---\n" + pullSecret("quay", "quay.io") + "---\n"
                + pod("  - {name: a, image: " + US + "/a:1}\n", "{name: ecr}, {name: quay}");
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults().withAcr("contoso"));
        List<JsonNode> out = Conversions.output(result);

        assertEquals(List.of("Secret/quay", "Pod/p"), out.stream().map(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText()).toList());
        assertEquals("[{\"name\":\"quay\"}]", out.get(1).at("/spec/imagePullSecrets").toString());
        assertTrue(Conversions.changes(result, "I5").stream().anyMatch(c -> c.mode() == RuleMode.EXCLUDE && c.reason().contains("--attach-acr")));
    }

    @Test
    void twoRegistriesWithTheSameRepositoryPathAreADecisionNotAnOverwrite() {
        String yaml = pod("  - {name: a, image: " + US + "/platform/envoy:1}\n  - {name: b, image: " + EU + "/platform/envoy:2}\n", "");
        ConversionResult result = Conversions.convert(yaml, MigrationMapping.defaults().withAcr("contoso"));

        List<Change> decisions = Conversions.changes(result, "I2");
        assertEquals(2, decisions.size());
        assertTrue(decisions.get(0).reason().contains("would both go to contoso.azurecr.io/platform/envoy"), decisions.get(0).reason());
        assertEquals(US + "/platform/envoy:1", Conversions.output(result).get(0).at("/spec/containers/0/image").asText());

        MigrationMapping prefixed = MappingFile.parse("m.yaml", "acr: contoso.azurecr.io\nregistries: {" + EU + ": contoso.azurecr.io/eu}\n");
        JsonNode pod = Conversions.single(yaml, prefixed);
        assertEquals("contoso.azurecr.io/platform/envoy:1", pod.at("/spec/containers/0/image").asText());
        assertEquals("contoso.azurecr.io/eu/platform/envoy:2", pod.at("/spec/containers/1/image").asText());
    }

    @Test
    void aPullSecretNotInTheInputGoesWhenEveryImageOfThePodMovesFromEcrToAcr() {
        String fips = "123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com";
        String ecrOnly = pod("  - {name: a, image: " + fips + "/shop/a:1}\n  - {name: b, image: " + US + "/b:2}\n", "{name: ecr-cron}");
        ConversionResult result = Conversions.convert(ecrOnly, MigrationMapping.defaults().withAcr("contoso"));

        JsonNode pod = Conversions.output(result).get(0);
        assertEquals("contoso.azurecr.io/shop/a:1", pod.at("/spec/containers/0/image").asText(), "FIPS hosts are ECR too");
        assertTrue(pod.at("/spec/imagePullSecrets").isEmpty(), pod.toString());
        Change drop = Conversions.changes(result, "I5").get(0);
        assertEquals(RuleMode.AUTO_WARN, drop.mode());
        assertTrue(drop.reason().contains("ecr-cron") && drop.reason().contains("not in the input"), drop.reason());

        String mixed = pod("  - {name: a, image: " + US + "/a:1}\n  - {name: b, image: docker.io/library/nginx:1}\n", "{name: regcred}");
        assertTrue(Conversions.changes(Conversions.convert(mixed, MigrationMapping.defaults().withAcr("contoso")), "I5").isEmpty(),
                "a pod with an image from elsewhere may need its secret");
        assertTrue(Conversions.changes(Conversions.convert(ecrOnly, MigrationMapping.defaults()), "I5").isEmpty(),
                "without an ACR the images stay on ECR, and so does the secret");
    }
}

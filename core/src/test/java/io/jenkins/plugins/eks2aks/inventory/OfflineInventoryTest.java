package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.eks2aks.MigrationException;
import io.jenkins.plugins.eks2aks.events.EventSink;
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
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inventory of the bundled cluster dump: what the demo shows, checked item by item. */
class OfflineInventoryTest {

    static final Path DUMP = TestServerInstall.repositoryRoot().resolve("examples/eks-sample/cluster-dump");
    static final Clock NOV_2026 = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private InventorySummary run(String target, Path out) {
        return new EksInventory(EventSink.NONE, NOV_2026).run(new InventoryRequest(new DumpObjects(DUMP), null, "1.29", target, out));
    }

    @Test
    void theBundledDumpYieldsTheWorkloadImageListFindingsRemovedApisAndStorage() throws IOException {
        InventorySummary summary = run(null, tmp.resolve("inv"));

        assertEquals(List.of(
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/api:2.4.0@sha256:45ea093ca1964f76155c46449ebbf73534f1a9128c0df7ba2d55ea267e208a24",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/migrations@sha256:32c3f16662a10409d9605429580c0436feb22e702188c490a413f523e5a8c019",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/report:3.1.0",
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.8.2",
                "210987654321.dkr.ecr.eu-west-1.amazonaws.com/platform/envoy:v1.29.4"),
                Files.readAllLines(summary.imageList()), "the workloads' ECR images, not the EKS add-ons' (AKS brings its own)");

        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        assertEquals("eks2aks.io/inventory/v1", inv.path("schema").asText());
        assertEquals("1.34", inv.path("target").path("aksVersion").asText(), "the oldest AKS version still supported on 2026-11-26");
        assertEquals(5, inv.path("counts").path("Deployment").path("kube-system").asInt() + inv.path("counts").path("Deployment").path("shop").asInt());
        assertEquals(2, inv.path("counts").path("Deployment").path("shop").asInt());
        assertEquals(1, inv.path("counts").path("CronJob").path("shop").asInt());

        JsonNode sa = finding(inv, "W1", "shop-api");
        assertEquals("HIGH", sa.path("severity").asText());
        assertTrue(sa.path("azureEquivalent").asText().contains("Workload ID"));
        assertEquals(false, sa.path("fixedByConvertManifests").asBoolean());
        assertEquals("HIGH", finding(inv, "L3", "api-internal").path("severity").asText(), "an internal NLB must stay internal");
        assertEquals(true, finding(inv, "L3", "api-internal").path("fixedByConvertManifests").asBoolean(), "rule L3 keeps it internal");
        assertEquals("HIGH", finding(inv, "K1", "shop-api-secrets").path("severity").asText());
        assertEquals("HIGH", finding(inv, "N4", "shop").path("severity").asText());
        JsonNode ecr = finding(inv, "I1", "web");
        assertEquals(true, ecr.path("fixedByConvertManifests").asBoolean(), "convertManifests rewrites ECR images (rule I1)");
        assertEquals("INFO", finding(inv, "W1", "aws-node").path("severity").asText(), "kube-system is not migrated");
        assertEquals("EXCLUDE", finding(inv, "A1", "eks-pod-identity-agent").path("mode").asText());
        assertTrue(findings(inv, "S2").size() >= 2, "SPOT node selectors");
        assertTrue(findings(inv, "S1").stream().noneMatch(f -> f.path("object").path("kind").asText().equals("Pod")),
                "pods owned by a ReplicaSet repeat their template; the finding is on the Deployment only");

        List<String> removed = new ArrayList<>();
        inv.path("apiUsages").forEach(u -> removed.add(u.path("object").path("name").asText() + " " + u.path("apiVersion").asText()
                + " " + u.path("removedByTarget").asBoolean()));
        assertTrue(removed.contains("nightly-report batch/v1beta1 true"), removed.toString());
        assertTrue(removed.contains("web autoscaling/v2beta2 true"), removed.toString());

        JsonNode claims = inv.path("persistentVolumeClaims");
        assertEquals(2, claims.size());
        JsonNode data = claims.get(0);
        assertEquals("data-postgres-0", data.path("name").asText());
        assertEquals("gp3", data.path("storageClass").asText());
        assertEquals("50Gi", data.path("size").asText());
        assertEquals("ReadWriteOnce", data.path("accessModes").get(0).asText());
        assertTrue(data.path("volume").asText().contains("EBS vol-0c4f7a2e91b3d8f56"));
        assertEquals("StatefulSet shop/postgres", data.path("mountedBy").get(0).asText());
        assertEquals("Deployment shop/web", claims.get(1).path("mountedBy").get(0).asText());

        assertEquals(5, summary.ecrImages());
        assertEquals(2L, summary.removedApis());
        assertTrue(summary.findingsBySeverity().get("HIGH") >= 8);
    }

    @Test
    void theReportsAreStableAndTheHtmlIsSelfContained() throws IOException {
        InventorySummary first = run(null, tmp.resolve("a"));
        InventorySummary second = run(null, tmp.resolve("b"));

        for (String file : List.of(EksInventory.JSON, EksInventory.MARKDOWN, EksInventory.HTML, EksInventory.IMAGE_LIST)) {
            assertEquals(Files.readString(first.outputDirectory().resolve(file)), Files.readString(second.outputDirectory().resolve(file)), file);
        }
        String html = Files.readString(first.reportHtml());
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<style>"), "one page with its own style");
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("<link"), "no scripts, no external resources");
        assertTrue(html.contains("<td class=\"HIGH\">HIGH</td>"));
        String md = Files.readString(first.reportMarkdown());
        for (String section : List.of("## Summary", "## Node pools (proposed)", "## Workloads", "## Images", "## AWS dependencies",
                "## Deprecated and removed API versions (target AKS 1.34)", "## Stateful footprint")) {
            assertTrue(md.contains(section), section);
        }
    }

    @Test
    void theTargetVersionDecidesWhichOldApisAreRejected() throws IOException {
        InventorySummary summary = run("1.25", tmp.resolve("inv"));

        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        JsonNode hpa = StreamSupport.stream(inv.path("apiUsages").spliterator(), false)
                .filter(u -> u.path("apiVersion").asText().equals("autoscaling/v2beta2")).findFirst().orElseThrow();
        assertEquals("1.26", hpa.path("removedIn").asText());
        assertFalse(hpa.path("removedByTarget").asBoolean(), "AKS 1.25 still serves autoscaling/v2beta2");
        assertEquals(1L, summary.removedApis());
    }

    @Test
    void aDumpThatIsNotKubernetesYamlFailsNamingFileAndLineAndWritesNothing() throws IOException {
        Path dump = Files.createDirectories(tmp.resolve("dump"));
        Files.writeString(dump.resolve("nodes.yaml"), "apiVersion: v1\nkind: List\nitems:\n- kind: Node\n  metadata: {name: a\n");

        MigrationException e = assertThrows(MigrationException.class, () -> new EksInventory(EventSink.NONE, NOV_2026)
                .run(new InventoryRequest(new DumpObjects(dump), null, null, null, tmp.resolve("out"))));

        assertTrue(e.getMessage().startsWith("nodes.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aDumpOfSomethingElseThanKubernetesObjectsIsRefused() throws IOException {
        Path dump = Files.writeString(tmp.resolve("values.yaml"), "replicaCount: 2\nimage: nginx\n");

        MigrationException e = assertThrows(MigrationException.class, () -> new DumpObjects(dump));

        assertTrue(e.getMessage().contains("values.yaml, document 1 (line 1): missing 'apiVersion'"), e.getMessage());
    }

    @Test
    void internalLoadBalancersAreCountedAsConvertJudgesThem() throws IOException {
        Path dump = Files.writeString(tmp.resolve("dump.yaml"), """
                apiVersion: networking.k8s.io/v1
                kind: IngressClass
                metadata: {name: private-alb}
                spec:
                  controller: eks.amazonaws.com/alb
                  parameters: {apiGroup: eks.amazonaws.com, kind: IngressClassParams, name: private}
                ---
                apiVersion: eks.amazonaws.com/v1
                kind: IngressClassParams
                metadata: {name: private}
                spec: {scheme: internal}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shop
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}
                spec: {ingressClassName: private-alb}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: public
                  namespace: shop
                  annotations: {alb.ingress.kubernetes.io/scheme: internet-facing}
                spec: {ingressClassName: alb}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: cidr
                  namespace: shop
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: 0.0.0.0/0}
                spec: {type: LoadBalancer}
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: capital
                  namespace: shop
                  annotations: {service.beta.kubernetes.io/aws-load-balancer-internal: "True"}
                spec: {type: LoadBalancer}
                """);
        InventorySummary summary = new EksInventory(EventSink.NONE, NOV_2026)
                .run(new InventoryRequest(new DumpObjects(dump), null, "1.29", null, tmp.resolve("inv")));

        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        assertTrue(finding(inv, "N2", "shop").path("detected").asText().contains("IngressClassParams private"),
                finding(inv, "N2", "shop").toString());
        assertTrue(findings(inv, "N2").stream().noneMatch(f -> f.path("object").path("name").asText().equals("public")));
        assertEquals("HIGH", finding(inv, "L3", "cidr").path("severity").asText());
        assertEquals("HIGH", finding(inv, "L3", "capital").path("severity").asText());
    }

    @Test
    void awsSettingsInsideCustomResourcesAreFindingsAndTheirEcrImagesAreInTheImageList() throws IOException {
        Path dump = tmp.resolve("crs.yaml");
        String ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        Files.writeString(dump, """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: gateway, namespace: edge}
                spec:
                  values:
                    image: {repository: %1$s/edge/gateway, tag: "3.2.1"}
                    service:
                      type: LoadBalancer
                      annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal, service.beta.kubernetes.io/aws-load-balancer-type: external}
                    serviceAccount:
                      annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/edge"}
                ---
                apiVersion: example.com/v1
                kind: Cache
                metadata: {name: sessions, namespace: edge}
                spec: {image: "%1$s/edge/cache@sha256:%2$s"}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker, namespace: edge}
                spec: {scaleTargetRef: {name: worker}, triggers: [{type: aws-sqs-queue, metadata: {queueURL: q}}]}
                """.formatted(ecr, "b".repeat(64)));
        InventorySummary summary = new EksInventory(EventSink.NONE, NOV_2026)
                .run(new InventoryRequest(new DumpObjects(dump), null, "1.29", null, tmp.resolve("inv")));

        assertEquals(List.of(ecr + "/edge/cache@sha256:" + "b".repeat(64), ecr + "/edge/gateway:3.2.1"),
                Files.readAllLines(summary.imageList()), "images set in custom resources are copied too, with their exact tag");
        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        JsonNode internal = finding(inv, "L3", "gateway");
        assertEquals("HIGH", internal.path("severity").asText());
        assertEquals("spec.values.service.annotations[\"service.beta.kubernetes.io/azure-load-balancer-internal\"]",
                internal.path("field").asText());
        assertTrue(internal.path("azureEquivalent").asText().contains("the EKS load balancer is internal"), internal.toString());
        assertEquals("HIGH", finding(inv, "W1", "gateway").path("severity").asText());
        assertEquals("spec.image", finding(inv, "I1", "sessions").path("field").asText());
        JsonNode keda = finding(inv, "CR2", "worker");
        assertEquals("spec.triggers[0].type", keda.path("field").asText());
        assertTrue(keda.path("azureEquivalent").asText().contains("azure-servicebus"), keda.toString());
    }

    @Test
    void awsSettingsInHelmValuesFromConfigMapsAreFindingsAndSecretValuesAreNamedNotRead() throws IOException {
        Path dump = tmp.resolve("values-from.yaml");
        Files.writeString(dump, """
                apiVersion: helm.toolkit.fluxcd.io/v2
                kind: HelmRelease
                metadata: {name: podinfo, namespace: apps}
                spec:
                  valuesFrom:
                  - {kind: ConfigMap, name: podinfo-values}
                  - {kind: Secret, name: podinfo-secrets, valuesKey: prod.yaml}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: podinfo-values, namespace: apps}
                data:
                  values.yaml: |
                    service:
                      annotations:
                        service.beta.kubernetes.io/aws-load-balancer-scheme: internal
                    image: {repository: 123456789012.dkr.ecr.us-east-1.amazonaws.com/apps/podinfo, tag: "6.5.0"}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: podinfo-secrets, namespace: apps}
                data: {prod.yaml: c2VjcmV0LW1hcmtlcgo=}
                """);
        InventorySummary summary = new EksInventory(EventSink.NONE, NOV_2026)
                .run(new InventoryRequest(new DumpObjects(dump), null, "1.29", null, tmp.resolve("inv")));

        assertEquals(List.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/apps/podinfo:6.5.0"), Files.readAllLines(summary.imageList()),
                "ecrToAcr copies the images of the values too");
        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        JsonNode internal = finding(inv, "L3", "podinfo-values");
        assertEquals("HIGH", internal.path("severity").asText());
        assertEquals("data[\"values.yaml\"].service.annotations[\"service.beta.kubernetes.io/azure-load-balancer-internal\"]",
                internal.path("field").asText());
        assertEquals("data[\"values.yaml\"].image.repository", finding(inv, "I1", "podinfo-values").path("field").asText());
        JsonNode secret = finding(inv, "CR1", "podinfo");
        assertEquals("spec.valuesFrom[1]", secret.path("field").asText());
        assertTrue(secret.path("azureEquivalent").asText().startsWith("values from Secret podinfo-secrets are not read"), secret.toString());
        assertFalse(Files.readString(summary.inventoryJson()).contains("c2VjcmV0LW1hcmtlcgo"), "no secret data in the inventory");
    }

    @Test
    void ecrImagesSetByAKustomizationAreCountedAndListed() throws IOException {
        Path dump = Files.createDirectories(tmp.resolve("tree/overlays/prod"));
        String ecr = "123456789012.dkr.ecr.us-east-1.amazonaws.com";
        Files.writeString(dump.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec: {template: {spec: {containers: [{name: web, image: web}]}}}
                """);
        Files.writeString(dump.resolve("kustomization.yaml"), """
                resources: [deployment.yaml]
                images:
                - name: web
                  newName: %s/shop/web
                  newTag: "2.4.0"
                - name: busybox
                  newTag: "1.36"
                """.formatted(ecr));
        InventorySummary summary = new EksInventory(EventSink.NONE, NOV_2026)
                .run(new InventoryRequest(new DumpObjects(tmp.resolve("tree")), null, "1.29", null, tmp.resolve("inv")));

        assertEquals(List.of(ecr + "/shop/web:2.4.0"), Files.readAllLines(summary.imageList()));
        JsonNode inv = JSON.readTree(summary.inventoryJson().toFile());
        assertEquals("images", finding(inv, "I1", "overlays/prod/kustomization.yaml").path("field").asText());
    }

    static JsonNode finding(JsonNode inv, String rule, String name) {
        return findings(inv, rule).stream().filter(f -> name.equals(f.path("object").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " finding for " + name));
    }

    static List<JsonNode> findings(JsonNode inv, String rule) {
        List<JsonNode> out = new ArrayList<>();
        inv.path("findings").forEach(f -> {
            if (f.path("rule").asText().equals(rule)) {
                out.add(f);
            }
        });
        return out;
    }
}

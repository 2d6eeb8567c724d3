package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.eks2aks.bench.BenchCorpus;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.jenkins.plugins.eks2aks.manifests.output.TestRules.ECR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VeleroConfigMapsTest {

    private static final Map<String, String> DEFAULT_CLASSES = Map.of("gp2", "managed-csi-premium", "gp3", "managed-csi-premium");

    private static final String SHOP = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, namespace: shop}
            spec:
              template: {spec: {containers: [{name: db, image: "%1$s/shop/db:16"}]}}
              volumeClaimTemplates:
              - metadata: {name: data}
                spec: {storageClassName: gp3}
            ---
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: media
              namespace: shop
              annotations: {pv.kubernetes.io/bind-completed: "yes"}
            spec: {storageClassName: gp3, volumeName: pvc-1}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: api, namespace: shop, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/api"}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api.v1, namespace: shop, annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}}
            spec: {type: LoadBalancer, clusterIP: 10.0.0.7, ports: [{port: 80}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: shop, namespace: shop}
            spec: {ingressClassName: alb}
            ---
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata: {name: nightly, namespace: shop}
            spec: {schedule: "0 1 * * *", jobTemplate: {spec: {template: {spec: {containers: [{name: r, image: "%1$s/shop/report:1"}]}}}}}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: efs-sc}
            provisioner: efs.csi.aws.com
            """.formatted(ECR);

    static ConversionRule[] shopRules() {
        return new ConversionRule[] {
                TestRules.images(),
                TestRules.storageClass("gp3", "managed-csi-premium"),
                TestRules.annotate("W1", "ServiceAccount", "azure.workload.identity/client-id", "00000000-0000-0000-0000-000000000001"),
                TestRules.removeAnnotation("W4", "ServiceAccount", "eks.amazonaws.com/role-arn"),
                TestRules.annotate("L3", "Service", "service.beta.kubernetes.io/azure-load-balancer-internal", "true"),
                TestRules.removeAnnotation("L3b", "Service", "service.beta.kubernetes.io/aws-load-balancer-scheme"),
                TestRules.rule("N1", "Ingress", o -> List.of(Changes.of(o, "N1").replace("/spec/ingressClassName",
                        "webapprouting.kubernetes.azure.com", RuleMode.AUTO, "ALB → app routing"))),
                TestRules.apiVersion("CronJob", "batch/v1beta1", "batch/v1"),
                TestRules.exclude("StorageClass", "efs-sc"),
                TestRules.strip(),
                TestRules.rule("PV7", "PersistentVolumeClaim", o -> o.at("/metadata/annotations").has("pv.kubernetes.io/bind-completed")
                        ? List.of(Changes.of(o, "PV7").removeKey("/metadata/annotations", "pv.kubernetes.io/bind-completed",
                                RuleMode.DROP, "binding"), Changes.of(o, "PV7").remove("/spec/volumeName", RuleMode.DROP, "binding"))
                        : List.of())};
    }

    private static VeleroConfigMaps shop() {
        return VeleroConfigMaps.of(TestRules.convert(SHOP, shopRules()), Map.of("efs-sc", "azurefile-csi-premium",
                "gp2", "managed-csi-premium", "gp3", "managed-csi-premium", "kept", "kept"));
    }

    @Test
    void changeStorageClassHasVelerosLabelsAndARowPerClass() {
        JsonNode cm = OverlayBuild.read(shop().files().get(VeleroConfigMaps.STORAGE_CLASS_FILE));

        assertEquals("velero", cm.at("/metadata/namespace").asText());
        assertEquals("", cm.at("/metadata/labels/velero.io~1plugin-config").asText());
        assertEquals("RestoreItemAction", cm.at("/metadata/labels/velero.io~1change-storage-class").asText());
        Map<String, String> rows = new LinkedHashMap<>();
        cm.path("data").fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue().asText()));
        assertEquals(Map.of("gp3", "managed-csi-premium", "efs-sc", "azurefile-csi-premium", "gp2", "managed-csi-premium"), rows,
                "gp3 from the claim and the StatefulSet template, efs-sc because its StorageClass is left out for an AKS "
                        + "built-in, gp2 from the mapping file for claims the backup may hold; a class mapped to itself gets none");
    }

    @Test
    void aClassWhoseUsersMoveToDifferentClassesGetsNoRowAndModifiersCarryEachChange() {
        String yaml = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: a, namespace: shop}
                spec: {storageClassName: gp3}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: b, namespace: shop}
                spec: {storageClassName: gp3}
                """;
        ConversionRule onlyA = TestRules.rule("PV1", "PersistentVolumeClaim", o -> o.ref().name().equals("a")
                ? List.of(Changes.of(o, "PV1").replace("/spec/storageClassName", "managed-csi-premium-v2", RuleMode.AUTO, "iops"))
                : List.of());
        VeleroConfigMaps maps = VeleroConfigMaps.of(TestRules.convert(yaml, onlyA), DEFAULT_CLASSES);

        JsonNode rows = OverlayBuild.read(maps.files().get(VeleroConfigMaps.STORAGE_CLASS_FILE)).path("data");
        assertFalse(rows.has("gp3"), "b keeps gp3, so a gp3 row would change it: " + rows);
        assertTrue(rows.has("gp2"), "the mapping file's gp2, which no object uses, still gets its row");
        JsonNode rules = modifiers(maps);
        assertEquals(1, rules.size());
        assertEquals("^a$", rules.at("/0/conditions/resourceNameRegex").asText());
        assertEquals("/spec/storageClassName", rules.at("/0/patches/0/path").asText());
        assertTrue(maps.notes().get(0).contains("gives its users different classes"), maps.notes().toString());
    }

    @Test
    void changeImageNameHasVelerosLabelsAndRowsOfOldCommaNew() {
        JsonNode cm = OverlayBuild.read(shop().files().get(VeleroConfigMaps.IMAGE_NAME_FILE));

        assertEquals("RestoreItemAction", cm.at("/metadata/labels/velero.io~1change-image-name").asText());
        assertEquals("", cm.at("/metadata/labels/velero.io~1plugin-config").asText());
        assertEquals("{\"case1\":\"" + ECR + ",contoso.azurecr.io\"}", cm.path("data").toString(),
                "one registry-wide row, as in Velero's documentation, since no image would be rewritten differently");
    }

    @Test
    void resourceModifiersCarryEveryOtherChangeOneRulePerObject() {
        JsonNode rules = modifiers(shop());

        Map<String, JsonNode> byName = new LinkedHashMap<>();
        rules.forEach(r -> byName.put(r.at("/conditions/groupResource").asText() + " " + r.at("/conditions/resourceNameRegex").asText(), r));
        assertEquals(Set.of("serviceaccounts ^api$", "services ^api\\.v1$", "ingresses.networking.k8s.io ^shop$"), byName.keySet(),
                "the claim's class and the images are carried by the other two ConfigMaps; the CronJob's only change converts its API");
        JsonNode service = byName.get("services ^api\\.v1$");
        assertEquals("[\"shop\"]", service.at("/conditions/namespaces").toString());
        List<String> ops = new ArrayList<>();
        service.path("patches").forEach(p -> ops.add(p.path("operation").asText() + " " + p.path("path").asText()
                + (p.has("value") ? " " + p.path("value").asText() : "")));
        assertEquals(List.of("add /metadata/annotations/service.beta.kubernetes.io~1azure-load-balancer-internal \"true\"",
                "remove /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-scheme"), ops,
                "the cluster IP is left to Velero, which resets it itself; \"true\" stays a string");
    }

    @Test
    void whatVeleroDoesItselfIsLeftToItAndListed() {
        VeleroConfigMaps maps = shop();

        String readme = maps.files().get(VeleroConfigMaps.README);
        assertTrue(readme.contains("- PersistentVolumeClaim shop/media: 2 removals"), readme);
        assertTrue(readme.contains("- Service shop/api.v1: 1 removal"), readme);
        modifiers(maps).forEach(r -> r.path("patches").forEach(p ->
                assertFalse(p.path("path").asText().matches("/spec/clusterIP|/spec/volumeName|/metadata/annotations/pv\\..*"), p.toString())));
    }

    @Test
    void anApiConversionIsNotARestoreTimePatchAndIsReported() {
        VeleroConfigMaps maps = shop();

        assertEquals(1, maps.warnings().size(), maps.warnings().toString());
        assertTrue(maps.warnings().get(0).startsWith("CronJob shop/nightly (test.yaml #6): the 1 change of rule API1 convert it to batch/v1"),
                maps.warnings().get(0));
        modifiers(maps).forEach(r -> assertFalse(r.at("/conditions/groupResource").asText().startsWith("cronjobs")));
    }

    @Test
    void theReadmeSaysTheModifiersKeepInternalLoadBalancersInternal() {
        String readme = shop().files().get(VeleroConfigMaps.README);

        assertTrue(readme.contains("**Restore with the resource modifiers.** They keep 1 internal load balancer internal"), readme);
    }

    @Test
    void anExcludedObjectIsListedForDeletionAfterTheRestore() {
        String readme = shop().files().get(VeleroConfigMaps.README);

        assertTrue(readme.contains("- StorageClass efs-sc (`storageclasses.storage.k8s.io`): StorageClass efs-sc: AKS has its own"), readme);
        assertTrue(readme.contains("velero restore create --from-backup <backup> --resource-modifier-configmap eks2aks-resource-modifiers"), readme);
    }

    @Test
    void theResourceModifiersParseStrictlyAsVelerosV1Shape() {
        JsonNode modifiers = OverlayBuild.read(OverlayBuild.read(shop().files().get(VeleroConfigMaps.MODIFIERS_FILE))
                .at("/data/" + VeleroConfigMaps.MODIFIERS_KEY).asText());

        assertEquals("v1", modifiers.path("version").asText());
        assertEquals(Set.of("version", "resourceModifierRules"), fields(modifiers));
        for (JsonNode rule : modifiers.path("resourceModifierRules")) {
            assertEquals(Set.of("conditions", "patches"), fields(rule));
            assertTrue(Set.of("groupResource", "resourceNameRegex", "namespaces").containsAll(fields(rule.path("conditions"))));
            for (JsonNode patch : rule.path("patches")) {
                assertTrue(Set.of("operation", "path", "value").containsAll(fields(patch)), patch.toString());
                assertTrue(!patch.has("value") || patch.path("value").isTextual(), "Velero's value is a Go string: " + patch);
            }
        }
    }

    static Stream<Arguments> values() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Stream.of(
                Arguments.of("a plain string", f.textNode("migrate;envoy")),
                Arguments.of("a path", f.textNode("/healthz")),
                Arguments.of("the string true", f.textNode("true")),
                Arguments.of("the string False", f.textNode("False")),
                Arguments.of("the string null", f.textNode("null")),
                Arguments.of("a number as a string", f.textNode("10")),
                Arguments.of("an exponent as a string", f.textNode("1e5")),
                Arguments.of("Go's infinity as a string", f.textNode("Inf")),
                Arguments.of("an empty string", f.textNode("")),
                Arguments.of("a string with quotes and a backslash", f.textNode("say \"hi\" \\ bye")),
                Arguments.of("a string that starts like a map", f.textNode("{not json")),
                Arguments.of("a string in quotes", f.textNode("\"quoted\"")),
                Arguments.of("a string with a new line", f.textNode("line one\nline two")),
                Arguments.of("a number", f.numberNode(10)),
                Arguments.of("a boolean", f.booleanNode(true)),
                Arguments.of("null", f.nullNode()),
                Arguments.of("a map", f.objectNode().put("azure.workload.identity/client-id", "x").put("n", 1)),
                Arguments.of("a list", f.arrayNode().add("a").add(f.objectNode().put("key", "\"v\""))));
    }

    @ParameterizedTest(name = "{0} reaches the object as it was")
    @MethodSource("values")
    void aPatchValueIsReadBackByVeleroAsTheConvertedValue(String name, JsonNode value) {
        String written = VeleroConfigMaps.patchValue(value);

        JsonNode op = VeleroRestore.veleroPatchOperation("add", "/x", written);

        assertEquals(value, op.path("value"));
    }

    static Stream<Arguments> inputs() throws IOException {
        Path corpus = Files.createTempDirectory("eks2aks-velero-corpus-");
        BenchCorpus.write(corpus, 400, 11);
        return Stream.of(
                Arguments.of("a bit of everything", TestRules.convert(SHOP, shopRules())),
                Arguments.of("the bundled example", TestRules.example(shopRules())),
                Arguments.of("a generated corpus of 400 documents", TestRules.convert(corpus, shopRules())));
    }

    @ParameterizedTest(name = "restoring {0} with the ConfigMaps gives the converted objects")
    @MethodSource("inputs")
    void restoringWithTheConfigMapsGivesTheConvertedObjects(String name, ConversionResult result) {
        VeleroConfigMaps maps = VeleroConfigMaps.of(result, DEFAULT_CLASSES);
        VeleroRestore velero = new VeleroRestore(maps);

        int compared = 0;
        for (ObjectResult o : ObjectResults.of(result)) {
            if (o.excluded() || !o.convertedApiVersion().equals(o.ref().apiVersion())) {
                continue; // left out (listed in the README), or an API conversion (a warning)
            }
            String groupResource = KindResources.groupResource(o.ref().apiVersion(), o.ref().kind());
            assertEquals(VeleroRestore.velerosOwn(o.converted()), velero.restore(o.original(), groupResource), o.ref().toString());
            compared++;
        }
        assertTrue(compared >= 5, "compared " + compared);
    }

    private static JsonNode modifiers(VeleroConfigMaps maps) {
        return OverlayBuild.read(OverlayBuild.read(maps.files().get(VeleroConfigMaps.MODIFIERS_FILE))
                .at("/data/" + VeleroConfigMaps.MODIFIERS_KEY).asText()).path("resourceModifierRules");
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}

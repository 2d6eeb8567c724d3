package io.jenkins.plugins.eks2aks.manifests.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.bench.BenchCorpus;
import io.jenkins.plugins.eks2aks.manifests.FrontEndNames;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.ConvertOptions;
import io.jenkins.plugins.eks2aks.manifests.ManifestConverter;
import io.jenkins.plugins.eks2aks.manifests.ManifestReader;
import io.jenkins.plugins.eks2aks.manifests.ManifestSet;
import io.jenkins.plugins.eks2aks.manifests.PathExclusions;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.jenkins.plugins.eks2aks.manifests.output.TestRules.ECR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KustomizeOverlayTest {

    private static final String DIGEST = "sha256:" + "a".repeat(64);

    /** A bit of everything: List items, a new-map annotation from two rules, an API move, an exclusion, live fields. */
    static final String SHOP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                spec:
                  initContainers:
                  - {name: init, image: %1$s/shop/migrate:1}
                  containers:
                  - {name: web, image: "%1$s/shop/web:1.2@%2$s"}
                  - {name: side, image: docker.io/library/nginx:1.25}
            ---
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata:
                name: web
                namespace: shop
                annotations: {service.beta.kubernetes.io/aws-load-balancer-scheme: internal}
              spec: {type: LoadBalancer, clusterIP: 10.0.0.1, ports: [{port: 80}]}
            - apiVersion: apps/v1
              kind: DaemonSet
              metadata: {name: aws-node, namespace: kube-system}
              spec: {template: {spec: {containers: [{name: cni, image: "%1$s/amazon-k8s-cni:v1"}]}}}
            - apiVersion: v1
              kind: PersistentVolumeClaim
              metadata: {name: data, namespace: shop}
              spec: {storageClassName: gp3, accessModes: [ReadWriteOnce]}
            ---
            apiVersion: batch/v1beta1
            kind: CronJob
            metadata: {name: nightly, namespace: shop, uid: 1234}
            spec:
              schedule: "0 1 * * *"
              jobTemplate: {spec: {template: {spec: {containers: [{name: job, image: "%1$s/shop/report@%2$s"}]}}}}
            status: {active: []}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: api, namespace: shop}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: gp3}
            provisioner: ebs.csi.aws.com
            """.formatted(ECR, DIGEST);

    static ConversionRule[] shopRules() {
        return new ConversionRule[] {
                TestRules.images(),
                TestRules.storageClass("gp3", "managed-csi-premium"),
                TestRules.annotate("W1", "ServiceAccount", "azure.workload.identity/client-id", "00000000-0000-0000-0000-000000000001"),
                TestRules.annotate("W9", "ServiceAccount", "azure.workload.identity/tenant-id", "00000000-0000-0000-0000-000000000002"),
                TestRules.annotate("L3", "Service", "service.beta.kubernetes.io/azure-load-balancer-internal", "true"),
                TestRules.removeAnnotation("L4", "Service", "service.beta.kubernetes.io/aws-load-balancer-scheme"),
                TestRules.exclude("DaemonSet", "aws-node"),
                TestRules.exclude("StorageClass", "gp3"),
                TestRules.apiVersion("CronJob", "batch/v1beta1", "batch/v1"),
                TestRules.strip(),
                TestRules.decide("S1", "Deployment", "node group needs its AKS pool: set nodePools.ng-1 in eks2aks.yaml")};
    }

    static Stream<Arguments> inputs() throws IOException {
        Path corpus = Files.createTempDirectory("eks2aks-overlay-corpus-");
        BenchCorpus.write(corpus, 400, 7);
        return Stream.of(
                Arguments.of("a bit of everything", TestRules.convert(SHOP, shopRules())),
                Arguments.of("the bundled example", TestRules.example(shopRules())),
                Arguments.of("a generated corpus of 400 documents", TestRules.convert(corpus, shopRules())));
    }

    @ParameterizedTest(name = "building the overlay of {0} gives the converted objects")
    @MethodSource("inputs")
    void buildingTheOverlayGivesTheConvertedObjects(String name, ConversionResult result) {
        KustomizeOverlay overlay = KustomizeOverlay.of(result, Path.of("/work/out/overlay"), ConvertOptions.Names.CLI);

        assertEquals(OverlayBuild.converted(result), OverlayBuild.build(overlay, result));
        overlay.files().forEach((file, text) -> {
            if (file.endsWith(".yaml")) {
                OverlayBuild.read(text); // every file parses
            }
        });
    }

    @Test
    void eachChangedObjectGetsOnePatchTargetedByItsGroupVersionKindNamespaceAndName() {
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(SHOP, shopRules()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        Map<String, JsonNode> targets = targets(overlay);
        assertEquals(List.of("patches/service-shop-web.yaml", "patches/daemonset-kube-system-aws-node.yaml",
                "patches/persistentvolumeclaim-shop-data.yaml", "patches/cronjob-shop-nightly.yaml",
                "patches/serviceaccount-shop-api.yaml", "patches/storageclass-gp3.yaml"), List.copyOf(targets.keySet()),
                "one entry per changed or excluded object, in input order; the Deployment's only changes are image moves");
        JsonNode cronJob = targets.get("patches/cronjob-shop-nightly.yaml");
        assertEquals("batch", cronJob.path("group").asText());
        assertEquals("v1beta1", cronJob.path("version").asText(), "targeted by the version the base has");
        assertEquals("CronJob", cronJob.path("kind").asText());
        assertEquals("shop", cronJob.path("namespace").asText());
        assertEquals("nightly", cronJob.path("name").asText());
        JsonNode service = targets.get("patches/service-shop-web.yaml");
        assertFalse(service.has("group"), "the core group is left out of the target");
        assertFalse(targets.get("patches/storageclass-gp3.yaml").has("namespace"), "cluster-scoped");
    }

    @Test
    void itemsOfAListArePatchedAsObjectsWithPathsRelativeToTheItem() {
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(SHOP, shopRules()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        JsonNode ops = OverlayBuild.read(overlay.files().get("patches/service-shop-web.yaml"));
        List<String> paths = new ArrayList<>();
        ops.forEach(op -> paths.add(op.path("path").asText()));
        assertTrue(paths.contains("/metadata/annotations/service.beta.kubernetes.io~1azure-load-balancer-internal"), paths.toString());
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("/items")), paths.toString());
        assertEquals("Service", targets(overlay).get("patches/service-shop-web.yaml").path("kind").asText());
    }

    @Test
    void twoRulesAddingTheFirstAnnotationsBecomeOneAdditionOfBoth() {
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(SHOP, shopRules()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        JsonNode ops = OverlayBuild.read(overlay.files().get("patches/serviceaccount-shop-api.yaml"));
        assertEquals(1, ops.size(), ops.toString());
        assertEquals("/metadata/annotations", ops.get(0).path("path").asText());
        assertEquals(2, ops.get(0).path("value").size(), "both annotations in one map: two adds would replace each other");
    }

    @Test
    void anEcrRepositoryWhoseEveryImageMovedTheSameWayIsAnImagesEntry() {
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(SHOP, shopRules()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        JsonNode images = OverlayBuild.read(overlay.files().get(KustomizeOverlay.KUSTOMIZATION)).path("images");
        List<String> names = new ArrayList<>();
        images.forEach(i -> names.add(i.path("name").asText() + "=" + i.path("newName").asText()));
        assertEquals(List.of(ECR + "/shop/migrate=contoso.azurecr.io/shop/migrate",
                ECR + "/shop/report=contoso.azurecr.io/shop/report",
                ECR + "/shop/web=contoso.azurecr.io/shop/web"), names,
                "tag and digest stay with the image; the excluded DaemonSet's image does not count");
        assertFalse(overlay.files().containsKey("patches/deployment-shop-web.yaml"), "nothing else changes the Deployment");
    }

    static Stream<Arguments> imagesThatCannotBeAnEntry() {
        String pods = """
                apiVersion: v1
                kind: Pod
                metadata: {name: a, namespace: shop}
                spec:
                  containers: [{name: a, image: %1$s/shop/web:1}]
                  ephemeralContainers: [{name: debug, image: %1$s/shop/debug:1}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: b, namespace: shop}
                spec:
                  containers: [{name: b, image: %1$s/shop/web:2}]
                """.formatted(ECR);
        ConversionRule contestB = TestRules.rule("X9", "Pod", o -> o.ref().name().equals("b")
                ? List.of(Changes.of(o, "X9").replace("/spec/containers/0/image", "elsewhere/web:2", RuleMode.AUTO, "test"))
                : List.of());
        ConversionRule toOne = TestRules.rule("I1a", "Pod", o -> o.ref().name().equals("a")
                ? List.of(Changes.of(o, "I1a").replace("/spec/containers/0/image", "one.azurecr.io/shop/web:1", RuleMode.AUTO, "test"))
                : List.of());
        ConversionRule toTwo = TestRules.rule("I1b", "Pod", o -> o.ref().name().equals("b")
                ? List.of(Changes.of(o, "I1b").replace("/spec/containers/0/image", "two.azurecr.io/shop/web:2", RuleMode.AUTO, "test"))
                : List.of());
        return Stream.of(
                Arguments.of("an occurrence the conversion keeps (two rules contest it)", pods,
                        new ConversionRule[] {TestRules.images(), contestB}, ECR + "/shop/web"),
                Arguments.of("occurrences that move to two registries", pods,
                        new ConversionRule[] {toOne, toTwo}, ECR + "/shop/web"),
                Arguments.of("an ephemeral container, which Kustomize's images: does not rewrite", pods,
                        new ConversionRule[] {TestRules.images()}, ECR + "/shop/debug"));
    }

    @ParameterizedTest(name = "a repository with {0} is moved by JSON patches")
    @MethodSource("imagesThatCannotBeAnEntry")
    void aRepositoryThatDoesNotMoveAsAWholeIsMovedByPatches(String name, String yaml, ConversionRule[] rules, String repository) {
        ConversionResult result = TestRules.convert(yaml, rules);
        KustomizeOverlay overlay = KustomizeOverlay.of(result, Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        assertEquals(OverlayBuild.converted(result), OverlayBuild.build(overlay, result));
        JsonNode images = OverlayBuild.read(overlay.files().get(KustomizeOverlay.KUSTOMIZATION)).path("images");
        images.forEach(i -> assertFalse(i.path("name").asText().equals(repository), images.toString()));
    }

    @Test
    void anExcludedObjectIsDeletedByATargetedPatchThatNamesWhy() {
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(SHOP, shopRules()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        String delete = overlay.files().get("patches/daemonset-kube-system-aws-node.yaml");
        assertTrue(delete.contains("$patch: delete\n"), delete);
        assertTrue(delete.contains("# EX1 EXCLUDE: DaemonSet aws-node: AKS has its own"), delete);
        JsonNode body = OverlayBuild.read(delete);
        assertEquals("DaemonSet", body.path("kind").asText());
        assertEquals("kube-system", body.at("/metadata/namespace").asText());
        assertEquals("aws-node", targets(overlay).get("patches/daemonset-kube-system-aws-node.yaml").path("name").asText(),
                "targeted, so that a base without the object still builds");
    }

    @Test
    void anApiVersionChangeIsListedInTheReadme() {
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(SHOP, shopRules()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        String readme = overlay.files().get(KustomizeOverlay.README);
        assertTrue(readme.contains("CronJob shop/nightly (test.yaml #3) becomes batch/v1 CronJob"), readme);
        assertTrue(readme.contains("1 change needs a decision"), readme);
    }

    @Test
    void aPlainDirectoryIsListedFileByFileRelativeToTheOverlay(@TempDir Path tmp) throws IOException {
        Path in = Files.createDirectories(tmp.resolve("repo/k8s/apps"));
        Files.writeString(in.resolve("web.yaml"), SHOP);
        Files.writeString(tmp.resolve("repo/k8s/ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n");

        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(tmp.resolve("repo/k8s"), shopRules()),
                tmp.resolve("out/aks/overlay"), ConvertOptions.Names.CLI);

        JsonNode resources = OverlayBuild.read(overlay.files().get(KustomizeOverlay.KUSTOMIZATION)).path("resources");
        assertEquals("[\"../../../repo/k8s/apps/web.yaml\",\"../../../repo/k8s/ns.yaml\"]", resources.toString());
        String kustomization = overlay.files().get(KustomizeOverlay.KUSTOMIZATION);
        assertTrue(kustomization.contains("--load-restrictor LoadRestrictionsNone"), "files outside the overlay need it");
    }

    @Test
    void aKustomizeBaseIsReferencedAsItsDirectory(@TempDir Path tmp) throws IOException {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("web.yaml"), SHOP);
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [web.yaml]\n");

        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(base, shopRules()), tmp.resolve("aks/overlay"), ConvertOptions.Names.CLI);

        JsonNode kustomization = OverlayBuild.read(overlay.files().get(KustomizeOverlay.KUSTOMIZATION));
        assertEquals("[\"../../base\"]", kustomization.path("resources").toString());
        assertFalse(overlay.files().get(KustomizeOverlay.KUSTOMIZATION).contains("LoadRestrictionsNone"));
    }

    @Test
    void theFilesANestedKustomizationAppliesAsPatchesAreNeitherResourcesNorPatchedButNamed() {
        ConversionResult result = TestRules.convert(Path.of("src/test/resources/kustomize-patches"), TestRules.images(),
                TestRules.annotate("W1", "ServiceAccount", "azure.workload.identity/client-id", "00000000-0000-0000-0000-000000000001"));

        KustomizeOverlay overlay = KustomizeOverlay.of(result, Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        String kustomization = overlay.files().get(KustomizeOverlay.KUSTOMIZATION);
        JsonNode resources = OverlayBuild.read(kustomization).path("resources");
        resources.forEach(r -> assertFalse(r.asText().endsWith("-patch.yaml"), "a patch listed as a resource: " + resources));
        assertTrue(resources.toString().contains("base/app.yaml"), resources.toString());
        // The base's ServiceAccount is patched; the patch file's partial copy of it is not.
        assertEquals(1, overlay.files().keySet().stream().filter(f -> f.startsWith("patches/serviceaccount-carts-carts")).count(),
                "operations computed on a partial object: " + overlay.files().keySet());
        assertTrue(overlay.warnings().stream().anyMatch(w -> w.contains("overlay/sa-patch.yaml")), overlay.warnings().toString());
        assertTrue(overlay.files().get(KustomizeOverlay.README).contains("overlay/sa-patch.yaml"));
    }

    @Test
    void filesExcludedFromAKustomizeBaseAreNamedSinceTheBaseStillBuildsThem(@TempDir Path tmp) throws IOException {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("web.yaml"), SHOP);
        Files.writeString(base.resolve("aws-only.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws, namespace: shop}\n");
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [web.yaml, aws-only.yaml]\n");
        ManifestSet input = new ManifestReader().read(base, PathExclusions.of(List.of("aws-only.yaml"), "--exclude"));

        KustomizeOverlay overlay = KustomizeOverlay.of(new ManifestConverter(List.of(shopRules())).convert(input),
                tmp.resolve("aks/overlay"), ConvertOptions.Names.CLI);

        assertFalse(overlay.files().values().stream().anyMatch(t -> t.contains("aws-only.yaml") && !t.startsWith("# AKS overlay")
                && t.contains("kind: ConfigMap")), "no patch for an excluded file");
        assertTrue(overlay.warnings().stream().anyMatch(w -> w.contains("aws-only.yaml") && w.contains("base")),
                overlay.warnings().toString());
    }

    /** How the convertManifests step names its options; the CLI's are {@link ConvertOptions.Names#CLI}. */
    private static final ConvertOptions.Names STEP = new ConvertOptions.Names("'source'", "'output'", "'mappingFile'",
            "'format'", "'failOn'", "'exclude'", FrontEndNames.STEPS);

    private static KustomizeOverlay excludedFromABase(Path tmp, ConvertOptions.Names names) throws IOException {
        Path base = Files.createDirectories(tmp.resolve("base"));
        Files.writeString(base.resolve("web.yaml"), SHOP);
        Files.writeString(base.resolve("aws-only.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws, namespace: shop}\n");
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [web.yaml, aws-only.yaml]\n");
        ManifestSet input = new ManifestReader().read(base, PathExclusions.of(List.of("aws-only.yaml"), names.exclude()));
        return KustomizeOverlay.of(new ManifestConverter(List.of(shopRules())).convert(input), tmp.resolve("aks/overlay"), names);
    }

    @Test
    void theExclusionWarningNamesTheCommandLinesOptions(@TempDir Path tmp) throws IOException {
        String warning = excludedFromABase(tmp, ConvertOptions.Names.CLI).warnings().get(0);
        assertTrue(warning.startsWith("the input is a Kustomize base and --exclude leaves out aws-only.yaml: "), warning);
        assertTrue(warning.contains("or use --format files, whose kustomizations no longer list them"), warning);
    }

    @Test
    void theExclusionWarningNamesTheStepsParameters(@TempDir Path tmp) throws IOException {
        KustomizeOverlay overlay = excludedFromABase(tmp, STEP);
        String warning = overlay.warnings().get(0);
        assertTrue(warning.startsWith("the input is a Kustomize base and 'exclude' leaves out aws-only.yaml: "), warning);
        assertTrue(warning.contains("or use 'format' files, whose kustomizations no longer list them"), warning);
        assertFalse(String.join("\n", overlay.warnings()).contains("--"), overlay.warnings().toString());
        assertTrue(overlay.files().get(KustomizeOverlay.README).contains("from the same change list as `'format' files`"),
                overlay.files().get(KustomizeOverlay.README));
    }

    @Test
    void anUnnamedObjectsWarningNamesTheFrontEndsFormatOption() {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata: {generateName: web-, namespace: shop}\n"
                + "spec: {containers: [{name: a, image: " + ECR + "/shop/a:1}]}\n";
        ConversionResult result = TestRules.convert(yaml, TestRules.images());
        assertTrue(KustomizeOverlay.of(result, Path.of("/o/overlay"), ConvertOptions.Names.CLI).warnings().get(0)
                .endsWith("its changes are not in the overlay; use --format files for it"));
        assertTrue(KustomizeOverlay.of(result, Path.of("/o/overlay"), STEP).warnings().get(0)
                .endsWith("its changes are not in the overlay; use 'format' files for it"));
    }

    @Test
    void anObjectWithoutANameOrHeldTwiceIsReportedAsAWarning() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata: {generateName: web-, namespace: shop}
                spec: {containers: [{name: a, image: %1$s/shop/a:1}], ephemeralContainers: [{name: d, image: %1$s/shop/d:1}]}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: api, namespace: shop}
                ---
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: api, namespace: shop}
                """.formatted(ECR);
        KustomizeOverlay overlay = KustomizeOverlay.of(TestRules.convert(yaml, TestRules.images()), Path.of("/o/overlay"), ConvertOptions.Names.CLI);

        assertEquals(2, overlay.warnings().size(), overlay.warnings().toString());
        assertTrue(overlay.warnings().get(0).startsWith("Pod shop/<unnamed> (test.yaml #1) has no name"), overlay.warnings().get(0));
        assertTrue(overlay.warnings().get(1).startsWith("1 object is in the input more than once (ServiceAccount shop/api is "
                + "in the input 2 times (test.yaml #2, test.yaml #3)): Kustomize refuses"), overlay.warnings().get(1));
        String readme = overlay.files().get(KustomizeOverlay.README);
        assertTrue(readme.contains("## Not in the overlay\n\n- Pod shop/<unnamed>"), readme);
        assertTrue(readme.contains("## Objects in the input more than once"), readme);
    }

    @Test
    void kubectlKustomizeBuildsTheOverlayIntoTheConvertedObjects(@TempDir Path tmp) throws Exception {
        assumeTrue(Kubectl.available(), "kubectl is not installed");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("shop.yaml"), SHOP);
        ConversionResult result = TestRules.convert(in, shopRules());
        Path overlayDir = tmp.resolve("out/overlay");
        KustomizeOverlay overlay = KustomizeOverlay.of(result, overlayDir, ConvertOptions.Names.CLI);
        for (Map.Entry<String, String> f : overlay.files().entrySet()) {
            Files.createDirectories(overlayDir.resolve(f.getKey()).getParent());
            Files.writeString(overlayDir.resolve(f.getKey()), f.getValue());
        }

        List<JsonNode> built = Kubectl.kustomize(overlayDir);

        List<JsonNode> expected = new ArrayList<>(OverlayBuild.converted(result));
        assertEquals(sorted(expected), sorted(built));
    }

    private static List<String> sorted(List<JsonNode> objects) {
        return objects.stream().map(KustomizeOverlayTest::canonical).sorted().toList();
    }

    /** The object as JSON with keys sorted at every level, so that key order does not matter. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = ((ObjectNode) node).objectNode();
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(String::compareTo);
            StringBuilder s = new StringBuilder("{");
            for (String k : keys) {
                s.append(sorted.textNode(k)).append(':').append(canonical(node.get(k))).append(',');
            }
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            node.forEach(n -> s.append(canonical(n)).append(','));
            return s.append(']').toString();
        }
        return node.toString();
    }

    private static Map<String, JsonNode> targets(KustomizeOverlay overlay) {
        JsonNode kustomization = OverlayBuild.read(overlay.files().get(KustomizeOverlay.KUSTOMIZATION));
        Map<String, JsonNode> targets = new LinkedHashMap<>();
        kustomization.path("patches").forEach(p -> targets.put(p.path("path").asText(), p.path("target")));
        return targets;
    }
}

package io.jenkins.plugins.eks2aks.manifests.rules.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.events.MigrationEvent;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.ConversionRequest;
import io.jenkins.plugins.eks2aks.manifests.ConversionResult;
import io.jenkins.plugins.eks2aks.manifests.Conversions;
import io.jenkins.plugins.eks2aks.conversion.ManifestConversion;
import io.jenkins.plugins.eks2aks.manifests.ObjectChange;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.manifests.output.Kubectl;
import io.jenkins.plugins.eks2aks.mapping.MappingFile;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Overlays of one base are object spaces of their own: in {@code kustomize-overlays-identity}, dev and prod patch
 * ServiceAccount carts with different IAM roles, only prod gives orders and batch one, and dev alone has the
 * Deployments debug (as orders) and vault-reader (as carts, mounting the vault) and the CronJob report (as batch).
 * Read as one object space, the last overlay read (prod) gave its roles to dev's workloads.
 */
class OverlayIdentityTest {

    private static final Path INPUT = Path.of("src/test/resources/kustomize-overlays-identity");
    private static final String CARTS_DEV = "arn:aws:iam::111111111111:role/carts-dev";
    private static final String CARTS_PROD = "arn:aws:iam::222222222222:role/carts-prod";
    private static final String DEV_ID = "11111111-1111-1111-1111-111111111111";
    private static final String PROD_ID = "22222222-2222-2222-2222-222222222222";

    private static MigrationMapping mapping(String vaultClientId) {
        return MappingFile.parse("eks2aks.yaml", """
                identities:
                  "%s": {clientId: %s}
                  "%s": {clientId: %s}
                  "arn:aws:iam::222222222222:role/orders-prod": {clientId: 33333333-3333-3333-3333-333333333333}
                  "arn:aws:iam::222222222222:role/batch-prod": {clientId: 44444444-4444-4444-4444-444444444444}
                keyVault: {name: shop-kv, clientId: %s}
                """.formatted(CARTS_DEV, DEV_ID, CARTS_PROD, PROD_ID, vaultClientId));
    }

    /** The changes rule {@code ruleId} made to object {@code name} of file {@code file}. */
    private static List<Change> changes(ConversionResult result, String file, String name, String ruleId) {
        return result.changes().stream().filter(c -> c.document().file().equals(file) && c.object().name().equals(name))
                .map(ObjectChange::change).filter(c -> c.ruleId().equals(ruleId)).toList();
    }

    @Test
    void eachOverlayKeepsItsOwnIdentityAndTheSharedWorkloadIsLabelledNamingBoth(@TempDir Path tmp) throws Exception {
        List<MigrationEvent> events = new ArrayList<>();
        new ManifestConversion(events::add).run(new ConversionRequest(INPUT, tmp.resolve("out"), mapping(DEV_ID), false));
        Path manifests = tmp.resolve("out/manifests");

        assertTrue(Files.readString(manifests.resolve("overlays/dev/carts-role.yaml")).contains(DEV_ID));
        assertTrue(Files.readString(manifests.resolve("overlays/prod/roles.yaml")).contains(PROD_ID));
        String report = Files.readString(tmp.resolve("out/report/conversion-report.md"));
        // The label in the shared base: both overlays give carts a role, each its own.
        assertTrue(report.contains("pods of ServiceAccount carts (IAM role " + CARTS_DEV + " in overlays/dev, " + CARTS_PROD
                + " in overlays/prod) must carry this label"), report);

        assumeTrue(Kubectl.available(), "kubectl is not installed");
        for (String overlay : List.of("dev", "prod")) {
            List<JsonNode> built = Kubectl.kustomize(manifests.resolve("overlays/" + overlay));
            JsonNode account = object(built, "ServiceAccount", "carts");
            assertEquals(overlay.equals("dev") ? DEV_ID : PROD_ID,
                    account.at("/metadata/annotations/azure.workload.identity~1client-id").asText(), account.toString());
            JsonNode deployment = object(built, "Deployment", "carts");
            assertEquals("true", deployment.at("/spec/template/metadata/labels/azure.workload.identity~1use").asText(), deployment.toString());
        }
    }

    @Test
    void aRoleOnlySomeOverlaysGiveIsADecisionNamingThemNotALabelInTheSharedFile() {
        ConversionResult result = Conversions.convert(INPUT, mapping(DEV_ID));

        List<Change> w2 = changes(result, "base/app.yaml", "orders", "W2");
        assertEquals(1, w2.size(), w2.toString());
        assertEquals(RuleMode.HUMAN, w2.get(0).mode(), w2.toString());
        assertTrue(w2.get(0).reason().contains("arn:aws:iam::222222222222:role/orders-prod in overlays/prod but none in overlays/dev"),
                w2.get(0).reason());
        JsonNode orders = Conversions.output(result).stream().filter(o -> o.path("kind").asText().equals("Deployment")
                && o.at("/metadata/name").asText().equals("orders")).findFirst().orElseThrow();
        assertTrue(orders.at("/spec/template/metadata/labels/azure.workload.identity~1use").isMissingNode(), orders.toString());
    }

    @Test
    void aWorkloadOfOneOverlayMeetsThatOverlaysServiceAccountNotAnotherOverlays() {
        ConversionResult result = Conversions.convert(INPUT, mapping(DEV_ID));

        // debug runs as orders and report as batch in dev, where neither has a role: prod's roles are not theirs.
        assertEquals(List.of(), changes(result, "overlays/dev/debug.yaml", "debug", "W2"));
        assertEquals(List.of(), changes(result, "overlays/dev/report.yaml", "report", "W2"));
        // vault-reader runs as carts in dev: dev's role.
        List<Change> w2 = changes(result, "overlays/dev/debug.yaml", "vault-reader", "W2");
        assertEquals(1, w2.size(), w2.toString());
        assertTrue(w2.get(0).reason().contains("IAM role " + CARTS_DEV + " in overlays/dev)"), w2.get(0).reason());
        assertFalse(w2.get(0).reason().contains(CARTS_PROD), w2.get(0).reason());
    }

    @Test
    void anOverlaysServiceAccountWhosePodsAreAnotherOverlaysIsAWarning() {
        ConversionResult result = Conversions.convert(INPUT, mapping(DEV_ID));

        Change batch = changes(result, "overlays/prod/roles.yaml", "batch", "W1").stream()
                .filter(c -> c.path().endsWith("client-id")).findFirst().orElseThrow();
        assertEquals(RuleMode.AUTO_WARN, batch.mode(), batch.reason());
        assertTrue(batch.reason().contains("no pod of overlays/prod runs as this ServiceAccount"), batch.reason());
        Change carts = changes(result, "overlays/prod/roles.yaml", "carts", "W1").stream()
                .filter(c -> c.path().endsWith("client-id")).findFirst().orElseThrow();
        assertEquals(RuleMode.AUTO, carts.mode(), carts.reason());
    }

    @Test
    void aVaultMountOfOneOverlayIsCheckedAgainstThatOverlaysIdentity() {
        // The vault is read as dev's identity: dev's vault-reader, as carts with dev's role, matches it.
        assertEquals(List.of(), changes(Conversions.convert(INPUT, mapping(DEV_ID)), "overlays/dev/debug.yaml", "vault-reader", "K5"));

        // Read as prod's identity, dev's vault-reader does not: the decision names dev's ServiceAccount and identity.
        List<Change> k5 = changes(Conversions.convert(INPUT, mapping(PROD_ID)), "overlays/dev/debug.yaml", "vault-reader", "K5");
        assertEquals(1, k5.size(), k5.toString());
        assertTrue(k5.get(0).reason().contains("as ServiceAccount carts in overlays/dev, whose identity is " + DEV_ID), k5.get(0).reason());
    }

    @Test
    void aBaseEachOverlayPutsInItsOwnNamespaceMeetsEachOverlaysServiceAccount() {
        // kustomize-overlays-namespaces: no namespace in the base; dev and prod each give one and patch carts's role.
        ConversionResult result = Conversions.convert(Path.of("src/test/resources/kustomize-overlays-namespaces"), mapping(DEV_ID));

        List<Change> w2 = changes(result, "base/app.yaml", "carts", "W2");
        assertEquals(1, w2.size(), w2.toString());
        assertEquals(RuleMode.AUTO, w2.get(0).mode(), w2.toString());
        assertTrue(w2.get(0).reason().contains("IAM role arn:aws:iam::111111111111:role/carts-dev in overlays/dev, "
                + "arn:aws:iam::111111111111:role/carts-prod in overlays/prod"), w2.get(0).reason());
        // Each overlay's patch is in the namespace its overlay gives, where the base's pods run as it.
        for (String overlay : List.of("dev", "prod")) {
            Change role = changes(result, "overlays/" + overlay + "/role.yaml", "carts", "W1").get(0);
            assertFalse(role.reason().contains("no pod of"), role.reason());
        }
    }

    @Test
    void theFederatedCredentialSubjectIsInTheNamespaceTheOverlayGives() {
        // kustomize-overlays-namespaces: prod's patch of carts, written without a namespace, is in shop-prod on the
        // cluster; its role (not in the mapping) needs a credential for that subject, not for default's carts.
        ConversionResult result = Conversions.convert(Path.of("src/test/resources/kustomize-overlays-namespaces"), mapping(DEV_ID));

        Change role = changes(result, "overlays/prod/role.yaml", "carts", "W1").get(0);
        assertEquals(RuleMode.HUMAN, role.mode(), role.reason());
        assertTrue(role.reason().contains("a federated credential for system:serviceaccount:shop-prod:carts, then set"), role.reason());
    }

    @Test
    void aBaseServiceAccountTwoOverlaysPutInTwoNamespacesNeedsACredentialForEach() {
        // orders is the base's, in namespace shop there, with its role; dev and prod replace the namespace with theirs.
        Path input = Path.of("src/test/resources/kustomize-overlays-namespaces");
        String subjects = "each of system:serviceaccount:shop-dev:orders (overlays/dev), "
                + "system:serviceaccount:shop-prod:orders (overlays/prod)";

        Change pending = changes(Conversions.convert(input, mapping(DEV_ID)), "base/app.yaml", "orders", "W1").get(0);
        assertEquals(RuleMode.HUMAN, pending.mode(), pending.reason());
        assertTrue(pending.reason().contains("a federated credential for " + subjects + ", then set"), pending.reason());

        MigrationMapping decided = MappingFile.parse("eks2aks.yaml",
                "identities: {\"arn:aws:iam::111111111111:role/orders\": {clientId: " + DEV_ID + "}}");
        Change clientId = changes(Conversions.convert(input, decided), "base/app.yaml", "orders", "W1").stream()
                .filter(c -> c.path().endsWith("client-id")).findFirst().orElseThrow();
        assertEquals(RuleMode.AUTO, clientId.mode(), clientId.reason());
        assertTrue(clientId.reason().contains("its federated credentials must cover " + subjects), clientId.reason());
    }

    @Test
    void rolesSetByPatchesWrittenInsideTheKustomizationsCountInEachOverlay(@TempDir Path tmp) throws Exception {
        // kustomize-overlays-inline: dev and prod give carts its role in inline patches (prod's named by its target
        // only), dev gives orders one in JSON 6902 operations; nothing in the base has a role.
        Path input = Path.of("src/test/resources/kustomize-overlays-inline");
        ConversionResult result = Conversions.convert(input, mapping(DEV_ID));

        List<Change> carts = changes(result, "base/app.yaml", "carts", "W2");
        assertEquals(1, carts.size(), carts.toString());
        assertEquals(RuleMode.AUTO, carts.get(0).mode(), carts.toString());
        assertTrue(carts.get(0).reason().contains("IAM role " + CARTS_DEV + " in overlays/dev, " + CARTS_PROD + " in overlays/prod"),
                carts.get(0).reason());
        List<Change> orders = changes(result, "base/app.yaml", "orders", "W2");
        assertEquals(1, orders.size(), orders.toString());
        assertEquals(RuleMode.HUMAN, orders.get(0).mode(), orders.toString());
        assertTrue(orders.get(0).reason().contains("arn:aws:iam::111111111111:role/orders-dev in overlays/dev but none in overlays/prod"),
                orders.get(0).reason());
        // Each inline patch's ServiceAccount is its overlay's, in its overlay's namespace, where the base's pods run as it.
        for (String overlay : List.of("dev", "prod")) {
            List<Change> w1 = changes(result, "overlays/" + overlay + "/kustomization.yaml", "carts", "W1");
            assertFalse(w1.isEmpty(), result.changes().toString());
            w1.forEach(c -> assertEquals(RuleMode.AUTO, c.mode(), c.reason()));
        }
        Change ordersRole = changes(result, "overlays/dev/kustomization.yaml", "orders", "W1").get(0);
        assertTrue(ordersRole.reason().contains("a federated credential for system:serviceaccount:shop-dev:orders, then set"),
                ordersRole.reason());
        assertFalse(ordersRole.reason().contains("no pod of"), ordersRole.reason());

        assumeTrue(Kubectl.available(), "kubectl is not installed");
        new ManifestConversion(e -> { }).run(new ConversionRequest(input, tmp.resolve("out"), mapping(DEV_ID), false));
        for (String overlay : List.of("dev", "prod")) {
            List<JsonNode> built = Kubectl.kustomize(tmp.resolve("out/manifests/overlays/" + overlay));
            JsonNode account = object(built, "ServiceAccount", "carts");
            assertEquals(overlay.equals("dev") ? DEV_ID : PROD_ID,
                    account.at("/metadata/annotations/azure.workload.identity~1client-id").asText(), account.toString());
            JsonNode deployment = object(built, "Deployment", "carts");
            assertEquals("true", deployment.at("/spec/template/metadata/labels/azure.workload.identity~1use").asText(), deployment.toString());
        }
    }

    private static JsonNode object(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " " + name + " not in " + objects));
    }
}

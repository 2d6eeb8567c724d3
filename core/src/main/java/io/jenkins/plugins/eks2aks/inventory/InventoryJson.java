package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.util.Collection;

/**
 * {@code inventory.json}: the versioned schema {@link Inventory#SCHEMA}. Fields in a fixed order, lists sorted,
 * no timestamps or machine names, so the same cluster gives the same bytes and two runs diff cleanly. The
 * cluster CA and anything secret are never written.
 */
public final class InventoryJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(Inventory inv) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", Inventory.SCHEMA);
        ObjectNode source = root.putObject("source");
        source.put("description", inv.source());
        source.put("live", inv.live());
        cluster(root.putObject("cluster"), inv);
        root.putObject("target").put("aksVersion", inv.targetVersion().toString());
        summary(root.putObject("summary"), inv);
        ObjectNode counts = root.putObject("counts");
        inv.counts().byKindAndNamespace().forEach((kind, byNs) -> {
            ObjectNode k = counts.putObject(kind);
            byNs.forEach(k::put);
        });
        ArrayNode images = root.putArray("images");
        for (ImageCatalog.Image i : inv.images()) {
            ObjectNode n = images.addObject();
            n.put("reference", i.reference());
            n.put("registry", i.registry());
            n.put("users", i.users());
            n.put("systemOnly", i.system());
            strings(n.putArray("usedBy"), i.usedBy());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : inv.findings()) {
            ObjectNode n = findings.addObject();
            n.put("rule", f.rule());
            n.put("severity", f.severity().name());
            n.set("object", object(f.object()));
            n.put("field", f.field());
            n.put("detected", f.detected());
            n.put("azureEquivalent", f.azureEquivalent());
            n.put("mode", f.mode().name());
            n.put("fixedByConvertManifests", f.fixedByConvert());
        }
        ArrayNode apis = root.putArray("apiUsages");
        for (ApiUsage u : inv.apiUsages()) {
            ObjectNode n = apis.addObject();
            n.set("object", object(u.object()));
            n.put("apiVersion", u.apiVersion());
            n.put("source", u.source());
            n.put("removedIn", u.removedIn());
            n.put("replacement", u.replacement());
            n.put("removedByTarget", u.removedByTarget());
        }
        ArrayNode storage = root.putArray("persistentVolumeClaims");
        for (StatefulFootprint.Claim c : inv.claims()) {
            ObjectNode n = storage.addObject();
            n.put("namespace", c.namespace());
            n.put("name", c.name());
            n.put("storageClass", c.storageClass());
            n.put("provisioner", c.provisioner());
            n.put("size", c.size());
            strings(n.putArray("accessModes"), c.accessModes());
            n.put("volume", c.volume());
            strings(n.putArray("mountedBy"), c.mountedBy());
        }
        ArrayNode pools = root.putArray("nodePools");
        for (NodePoolPlan p : inv.nodePools()) {
            ObjectNode n = pools.addObject();
            n.put("name", p.name());
            n.put("sourceNodegroup", p.source());
            n.put("mode", p.mode());
            n.put("vmSize", p.vmSize());
            n.put("vmSizeNote", p.vmSizeNote());
            n.put("minCount", p.minCount());
            n.put("maxCount", p.maxCount());
            n.put("count", p.count());
            n.put("enableAutoScaling", p.minCount() != p.maxCount());
            n.put("scaleSetPriority", p.spot() ? "Spot" : "Regular");
            n.put("osType", p.osType());
            n.put("architecture", p.architecture());
            n.put("gpu", p.gpu());
            if (p.osDiskSizeGb() == null) {
                n.putNull("osDiskSizeGB");
            } else {
                n.put("osDiskSizeGB", p.osDiskSizeGb());
            }
            ObjectNode labels = n.putObject("nodeLabels");
            p.nodeLabels().forEach(labels::put);
            strings(n.putArray("nodeTaints"), p.nodeTaints());
            strings(n.putArray("notes"), p.notes());
        }
        strings(root.putArray("compute"), inv.computeNotes());
        eks(root.putObject("eks"), inv.controlPlane());
        strings(root.putArray("servedApiVersions"), inv.servedApiVersions());
        strings(root.putArray("customResourceDefinitions"), inv.crds());
        strings(root.putArray("notes"), inv.notes());
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an inventory tree always serializes", e);
        }
    }

    private static void cluster(ObjectNode n, Inventory inv) {
        EksControlPlane cp = inv.controlPlane();
        n.put("version", inv.sourceVersion() == null ? null : inv.sourceVersion().toString());
        n.put("supportStatus", inv.supportStatus());
        if (cp == null) {
            return;
        }
        n.put("name", cp.name());
        n.put("arn", cp.arn());
        n.put("region", cp.region());
        n.put("platformVersion", cp.platformVersion());
        n.put("status", cp.status());
        n.put("endpoint", cp.endpoint());
        n.put("endpointPublicAccess", cp.endpointPublicAccess());
        n.put("endpointPrivateAccess", cp.endpointPrivateAccess());
        strings(n.putArray("publicAccessCidrs"), cp.publicAccessCidrs());
        n.put("vpcId", cp.vpcId());
        n.put("serviceIpv4Cidr", cp.serviceCidr());
        n.put("ipFamily", cp.ipFamily());
        strings(n.putArray("enabledLogTypes"), cp.enabledLogTypes());
        n.put("oidcIssuer", cp.oidcIssuer());
        strings(n.putArray("encryption"), cp.encryptedResources());
        n.put("authenticationMode", cp.authenticationMode());
        n.put("supportType", cp.supportType());
        n.put("autoMode", cp.autoMode());
        n.put("endOfStandardSupport", cp.endOfStandardSupport() == null ? null : cp.endOfStandardSupport().toString());
        n.put("endOfExtendedSupport", cp.endOfExtendedSupport() == null ? null : cp.endOfExtendedSupport().toString());
    }

    private static void summary(ObjectNode n, Inventory inv) {
        n.put("objects", inv.counts().total());
        n.put("namespaces", inv.counts().ofKind("Namespace"));
        n.put("images", inv.images().size());
        n.put("ecrImages", inv.ecrImages().size());
        ObjectNode bySeverity = n.putObject("findings");
        inv.findingsBySeverity().forEach((s, c) -> bySeverity.put(s.name(), c));
        n.put("fixedByConvertManifests", inv.findings().stream().filter(Finding::fixedByConvert).count());
        n.put("apiUsagesRemovedByTarget", inv.apiUsages().stream().filter(ApiUsage::removedByTarget).count());
        n.put("persistentVolumeClaims", inv.claims().size());
        n.put("nodePools", inv.nodePools().size());
    }

    private void eks(ObjectNode n, EksControlPlane cp) {
        ArrayNode addons = n.putArray("addons");
        ArrayNode fargate = n.putArray("fargateProfiles");
        ArrayNode pods = n.putArray("podIdentityAssociations");
        ArrayNode access = n.putArray("accessEntries");
        ArrayNode insights = n.putArray("insights");
        if (cp == null) {
            return;
        }
        cp.addons().forEach(a -> addons.addObject().put("name", a.name()).put("version", a.version()).put("status", a.status())
                .put("serviceAccountRoleArn", a.serviceAccountRoleArn()).put("podIdentityAssociations", a.podIdentityAssociations()));
        cp.fargateProfiles().forEach(f -> strings(fargate.addObject().put("name", f.name()).putArray("selectors"), f.selectors()));
        cp.podIdentities().forEach(p -> pods.addObject().put("namespace", p.namespace()).put("serviceAccount", p.serviceAccount())
                .put("roleArn", p.roleArn()));
        strings(access, cp.accessEntries());
        cp.insights().forEach(i -> insights.addObject().put("name", i.name()).put("category", i.category())
                .put("kubernetesVersion", i.kubernetesVersion()).put("status", i.status()).put("description", i.description()));
    }

    private ObjectNode object(ObjectRef ref) {
        ObjectNode node = mapper.createObjectNode();
        node.put("apiVersion", ref.apiVersion());
        node.put("kind", ref.kind());
        node.put("namespace", ref.namespace());
        node.put("name", ref.name());
        return node;
    }

    private static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }
}

package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.ObjectRef;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code inventory.json}: the versioned schema {@link Inventory#SCHEMA}. Fields in a fixed order, lists sorted,
 * no timestamps or machine names, so the same cluster gives the same bytes and two runs diff cleanly. The
 * cluster CA and anything secret are never written.
 */
public final class InventoryJson {

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    public String render(Inventory inv) {
        StringWriter out = new StringWriter();
        try {
            write(inv, out);
        } catch (IOException e) {
            throw new IllegalStateException("an inventory always serializes to a string", e);
        }
        return out.toString();
    }

    /**
     * Writes the document as it is serialized: the lists that grow with the cluster (images, findings, API usages,
     * claims) one element at a time, so a large estate's inventory is never held as a tree or a string. The bytes are
     * those of the whole tree written with the same pretty printer.
     */
    public void write(Inventory inv, Writer out) throws IOException {
        try (JsonGenerator json = mapper.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("schema", Inventory.SCHEMA);
            ObjectNode source = mapper.createObjectNode();
            source.put("description", inv.source());
            source.put("live", inv.live());
            field(json, "source", source);
            ObjectNode cluster = mapper.createObjectNode();
            cluster(cluster, inv);
            field(json, "cluster", cluster);
            field(json, "target", mapper.createObjectNode().put("aksVersion", inv.targetVersion().toString()));
            ObjectNode summary = mapper.createObjectNode();
            summary(summary, inv);
            field(json, "summary", summary);
            ObjectNode counts = mapper.createObjectNode();
            inv.counts().byKindAndNamespace().forEach((kind, byNs) -> {
                ObjectNode k = counts.putObject(kind);
                byNs.forEach(k::put);
            });
            field(json, "counts", counts);
            array(json, "images", inv.images(), (n, i) -> {
                n.put("reference", i.reference());
                n.put("registry", i.registry());
                n.put("users", i.users());
                n.put("systemOnly", i.system());
                strings(n.putArray("usedBy"), i.usedBy());
            });
            array(json, "findings", inv.findings(), (n, f) -> {
                n.put("rule", f.rule());
                n.put("severity", f.severity().name());
                n.set("object", object(f.object()));
                n.put("field", f.field());
                n.put("detected", f.detected());
                n.put("azureEquivalent", f.azureEquivalent());
                n.put("mode", f.mode().name());
                n.put("fixedByConvertManifests", f.fixedByConvert());
            });
            array(json, "apiUsages", inv.apiUsages(), (n, u) -> {
                n.set("object", object(u.object()));
                n.put("apiVersion", u.apiVersion());
                n.put("source", u.source());
                n.put("removedIn", u.removedIn());
                n.put("replacement", u.replacement());
                n.put("removedByTarget", u.removedByTarget());
            });
            array(json, "persistentVolumeClaims", inv.claims(), (n, c) -> {
                n.put("namespace", c.namespace());
                n.put("name", c.name());
                n.put("storageClass", c.storageClass());
                n.put("provisioner", c.provisioner());
                n.put("size", c.size());
                strings(n.putArray("accessModes"), c.accessModes());
                n.put("volume", c.volume());
                strings(n.putArray("mountedBy"), c.mountedBy());
            });
            array(json, "nodePools", inv.nodePools(), InventoryJson::nodePool);
            stringsField(json, "compute", inv.computeNotes());
            ObjectNode eks = mapper.createObjectNode();
            eks(eks, inv.controlPlane());
            field(json, "eks", eks);
            stringsField(json, "servedApiVersions", inv.servedApiVersions());
            stringsField(json, "customResourceDefinitions", inv.crds());
            stringsField(json, "notes", inv.notes());
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void nodePool(ObjectNode n, NodePoolPlan p) {
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

    private static void field(JsonGenerator json, String name, ObjectNode value) throws IOException {
        json.writeFieldName(name);
        json.writeTree(value);
    }

    /** An array written element by element: each element is a small tree, made, written and dropped. */
    private <T> void array(JsonGenerator json, String name, List<T> items, BiConsumer<ObjectNode, T> fill) throws IOException {
        json.writeArrayFieldStart(name);
        for (T item : items) {
            ObjectNode n = mapper.createObjectNode();
            fill.accept(n, item);
            json.writeTree(n);
        }
        json.writeEndArray();
    }

    private void stringsField(JsonGenerator json, String name, Collection<String> values) throws IOException {
        ArrayNode array = mapper.createArrayNode();
        strings(array, values);
        json.writeFieldName(name);
        json.writeTree(array);
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

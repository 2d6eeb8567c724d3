package io.jenkins.plugins.eks2aks.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.jenkins.plugins.eks2aks.clusters.KubernetesErrors;
import io.jenkins.plugins.eks2aks.events.EventSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The objects of a live cluster, read through fabric8 one page at a time ({@code limit}/{@code continue}): every
 * object is handed on and dropped before the next page is fetched, so memory does not grow with the cluster.
 * Discovery decides which API versions to list; custom kinds are listed only when their CRD is installed.
 */
public final class LiveObjects implements ObjectSource {

    /** Objects per list request: the API server's usual chunk size (kubectl uses 500 too). */
    public static final int DEFAULT_PAGE_SIZE = 500;

    private final KubernetesClient client;
    private final String description;
    private final int pageSize;
    private final EventSink events;
    private List<String> served;

    public LiveObjects(KubernetesClient client, String description, int pageSize, EventSink events) {
        this.client = client;
        this.description = description;
        this.pageSize = pageSize;
        this.events = events;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<String> servedApiVersions() {
        if (served == null) {
            served = discover();
        }
        return served;
    }

    @Override
    public String serverVersion() {
        try {
            return client.getKubernetesVersion().getGitVersion();
        } catch (KubernetesClientException e) {
            throw KubernetesErrors.explain(client, "reading the server version", e);
        }
    }

    @Override
    public void forEach(Consumer<ClusterObject> visitor) {
        Set<String> servedVersions = new TreeSet<>(servedApiVersions());
        // CRDs first: they say which custom kinds (and versions) exist when discovery is not available.
        Map<String, List<String>> crdVersions = new HashMap<>();
        for (ResourceKind kind : ResourceKind.ALL) {
            if (kind.kind().equals("CustomResourceDefinition")) {
                list(kind, "v1", o -> {
                    crdVersions.put(o.ref().name(), servedVersionsOf(o.object()));
                    visitor.accept(o);
                });
            }
        }
        for (ResourceKind kind : ResourceKind.ALL) {
            if (kind.kind().equals("CustomResourceDefinition")) {
                continue;
            }
            String version = chooseVersion(kind, servedVersions, crdVersions.get(kind.plural() + "." + kind.group()));
            if (version != null) {
                list(kind, version, visitor);
            }
        }
    }

    private String chooseVersion(ResourceKind kind, Set<String> servedVersions, List<String> crd) {
        for (String v : kind.versions()) {
            boolean available = !servedVersions.isEmpty() ? servedVersions.contains(kind.apiVersion(v))
                    : kind.builtIn() || (crd != null && crd.contains(v));
            if (available) {
                return v;
            }
        }
        return null;
    }

    private void list(ResourceKind kind, String version, Consumer<ClusterObject> visitor) {
        ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(version)
                .withKind(kind.kind()).withPlural(kind.plural()).withNamespaced(kind.namespaced()).build();
        String apiVersion = kind.apiVersion(version);
        String token = null;
        int pages = 0;
        int count = 0;
        do {
            ListOptions options = new ListOptionsBuilder().withLimit((long) pageSize).withContinue(token).build();
            GenericKubernetesResourceList page;
            try {
                var resources = client.genericKubernetesResources(context);
                page = kind.namespaced() ? resources.inAnyNamespace().list(options) : resources.list(options);
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) {
                    events.debug(EksApiReader.TOPIC, apiVersion + " " + kind.kind() + " is not served: skipped");
                    return;
                }
                throw KubernetesErrors.explain(client, "listing " + apiVersion + " " + kind.plural(), e);
            }
            pages++;
            for (GenericKubernetesResource item : page.getItems()) {
                ObjectNode node = client.getKubernetesSerialization().convertValue(item, ObjectNode.class);
                // List items carry no apiVersion/kind of their own on some servers; the list says what they are.
                node.put("apiVersion", apiVersion);
                node.put("kind", kind.kind());
                visitor.accept(ClusterObject.of(node, "cluster"));
                count++;
            }
            token = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        if (count > 0) {
            events.info(EksApiReader.TOPIC, "Listed " + count + " " + apiVersion + " " + kind.kind() + " in " + pages + " page(s)");
        }
    }

    private List<String> discover() {
        List<String> out = new ArrayList<>();
        try {
            var groups = client.getApiGroups();
            if (groups == null || groups.getGroups() == null) {
                return List.of();
            }
            out.add("v1");
            for (APIGroup group : groups.getGroups()) {
                for (GroupVersionForDiscovery v : group.getVersions()) {
                    out.add(v.getGroupVersion());
                }
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() > 0 && e.getCode() != 401 && e.getCode() != 403) {
                events.debug(EksApiReader.TOPIC, "API discovery is not available (" + e.getCode() + "): listing every known kind");
                return List.of();
            }
            throw KubernetesErrors.explain(client, "discovering the served API versions", e);
        }
        return List.copyOf(new TreeSet<>(out));
    }

    private static List<String> servedVersionsOf(JsonNode crd) {
        List<String> versions = new ArrayList<>();
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("served").asBoolean(true)) {
                versions.add(v.path("name").asText());
            }
        }
        return versions;
    }
}

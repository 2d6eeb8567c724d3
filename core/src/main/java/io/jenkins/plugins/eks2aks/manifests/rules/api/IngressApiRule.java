package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * API1 (catalog N18): Ingress {@code extensions/v1beta1} and {@code networking.k8s.io/v1beta1} →
 * {@code networking.k8s.io/v1}: {@code serviceName}/{@code servicePort} become {@code service.name} and
 * {@code service.port.number} (or {@code .name}), {@code spec.backend} becomes {@code spec.defaultBackend}, and
 * paths without a {@code pathType} get {@code ImplementationSpecific}, which keeps the old behaviour. Only the
 * apiVersion and backend/pathType fields are touched: the ingress class and annotations belong to the ingress
 * rules (N1–N17).
 */
public final class IngressApiRule extends RemovedApiRule {

    public static final String ID = "API1";
    private static final String V1 = "networking.k8s.io/v1";

    public IngressApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "Ingress".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject ingress, ApiRemovals.Removal removal) {
        Changes c = changes(ingress);
        List<Change> out = new ArrayList<>();
        out.add(apiVersion(ingress, removal, V1, RuleMode.AUTO, "backends and path types rewritten to the v1 shape"));
        JsonNode backend = ingress.at("/spec/backend");
        if (backend.isObject()) {
            out.add(c.remove("/spec/backend", RuleMode.AUTO, "spec.backend is spec.defaultBackend in v1" + source()));
            out.add(c.put("/spec", "defaultBackend", backend(backend), RuleMode.AUTO, "the default backend, v1 shape" + source()));
        }
        JsonNode rules = ingress.at("/spec/rules");
        for (int r = 0; r < rules.size(); r++) {
            JsonNode paths = rules.get(r).at("/http/paths");
            for (int p = 0; p < paths.size(); p++) {
                String pointer = "/spec/rules/" + r + "/http/paths/" + p;
                JsonNode path = paths.get(p);
                if (path.path("backend").has("serviceName")) {
                    out.add(c.replace(pointer + "/backend", backend(path.path("backend")), RuleMode.AUTO,
                            "serviceName/servicePort become service.name/service.port in v1" + source()));
                }
                if (!path.has("pathType")) {
                    out.add(c.put(pointer, "pathType", "ImplementationSpecific", RuleMode.AUTO, "v1 requires a pathType; "
                            + "ImplementationSpecific keeps the v1beta1 behaviour (catalog N18, §8.1 API1; S24)"));
                }
            }
        }
        return out;
    }

    /** {@code {serviceName, servicePort}} → {@code {service: {name, port: {number|name}}}}; resource backends stay. */
    static ObjectNode backend(JsonNode old) {
        if (!old.has("serviceName")) {
            return old.deepCopy();
        }
        ObjectNode port = JsonNodeFactory.instance.objectNode();
        JsonNode servicePort = old.path("servicePort");
        if (servicePort.isNumber() || servicePort.asText().matches("\\d+")) {
            port.put("number", servicePort.asInt());
        } else {
            port.put("name", servicePort.asText());
        }
        ObjectNode service = JsonNodeFactory.instance.objectNode().put("name", old.path("serviceName").asText());
        service.set("port", port);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("service", service);
        return out;
    }
}

package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * API3: HorizontalPodAutoscaler {@code autoscaling/v2beta1} and {@code v2beta2} → {@code autoscaling/v2}.
 * v2beta2 has the v2 shape already. v2beta1 metrics name their target inline ({@code targetAverageUtilization},
 * {@code targetAverageValue}, {@code targetValue}, {@code metricName}, {@code metricSelector}, Object's
 * {@code target}); v2 nests them as {@code metric {name, selector}}, {@code target {type, …}} and
 * {@code describedObject}.
 */
public final class HorizontalPodAutoscalerApiRule extends RemovedApiRule {

    public static final String ID = "API3";
    private static final String V2 = "autoscaling/v2";

    public HorizontalPodAutoscalerApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "HorizontalPodAutoscaler".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject hpa, ApiRemovals.Removal removal) {
        List<Change> out = new ArrayList<>();
        boolean v2beta1 = "autoscaling/v2beta1".equals(hpa.ref().apiVersion());
        out.add(apiVersion(hpa, removal, V2, RuleMode.AUTO, v2beta1 ? "metric targets rewritten to the v2 shape" : "same fields"));
        if (v2beta1) {
            JsonNode metrics = hpa.at("/spec/metrics");
            for (int i = 0; i < metrics.size(); i++) {
                out.add(changes(hpa).replace("/spec/metrics/" + i, metric(metrics.get(i)), RuleMode.AUTO,
                        metrics.get(i).path("type").asText() + " metric: v2beta1's inline target becomes v2's "
                                + "metric/target" + source()));
            }
        }
        return out;
    }

    /** One v2beta1 metric in the v2 shape. */
    static ObjectNode metric(JsonNode old) {
        String type = old.path("type").asText();
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("type", type);
        switch (type) {
            case "Resource", "ContainerResource" -> {
                String field = "Resource".equals(type) ? "resource" : "containerResource";
                JsonNode source = old.path(field);
                ObjectNode resource = out.putObject(field).put("name", source.path("name").asText());
                if (source.has("container")) {
                    resource.put("container", source.path("container").asText());
                }
                resource.set("target", source.has("targetAverageUtilization")
                        ? target("Utilization", "averageUtilization", source.path("targetAverageUtilization"))
                        : target("AverageValue", "averageValue", source.path("targetAverageValue")));
            }
            case "Pods" -> {
                JsonNode source = old.path("pods");
                ObjectNode pods = out.putObject("pods");
                pods.set("metric", identifier(source.path("metricName"), source.path("selector")));
                pods.set("target", target("AverageValue", "averageValue", source.path("targetAverageValue")));
            }
            case "Object" -> {
                JsonNode source = old.path("object");
                ObjectNode object = out.putObject("object");
                object.set("describedObject", source.path("target").deepCopy());
                object.set("metric", identifier(source.path("metricName"), source.path("selector")));
                object.set("target", source.has("averageValue")
                        ? target("AverageValue", "averageValue", source.path("averageValue"))
                        : target("Value", "value", source.path("targetValue")));
            }
            case "External" -> {
                JsonNode source = old.path("external");
                ObjectNode external = out.putObject("external");
                external.set("metric", identifier(source.path("metricName"), source.path("metricSelector")));
                external.set("target", source.has("targetAverageValue")
                        ? target("AverageValue", "averageValue", source.path("targetAverageValue"))
                        : target("Value", "value", source.path("targetValue")));
            }
            default -> {
                return old.deepCopy();
            }
        }
        return out;
    }

    private static ObjectNode target(String type, String field, JsonNode value) {
        ObjectNode target = JsonNodeFactory.instance.objectNode().put("type", type);
        target.set(field, value.deepCopy());
        return target;
    }

    private static ObjectNode identifier(JsonNode name, JsonNode selector) {
        ObjectNode metric = JsonNodeFactory.instance.objectNode().put("name", name.asText());
        if (selector.isObject()) {
            metric.set("selector", selector.deepCopy());
        }
        return metric;
    }
}

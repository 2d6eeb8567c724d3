package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * API10: Mutating/ValidatingWebhookConfiguration {@code admissionregistration.k8s.io/v1beta1} → {@code v1}. v1
 * changed the defaults and requires two fields, so every v1beta1 default a webhook relied on is written out:
 * {@code admissionReviewVersions: [v1beta1]}, {@code failurePolicy: Ignore}, {@code matchPolicy: Exact},
 * {@code timeoutSeconds: 30}. {@code sideEffects} defaulted to {@code Unknown}, which v1 rejects: whether the
 * webhook has side effects is a question for its owner. Webhook names must be unique on v1.
 */
public final class AdmissionWebhookApiRule extends RemovedApiRule {

    public static final String ID = "API10";

    public AdmissionWebhookApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "MutatingWebhookConfiguration".equals(object.kind()) || "ValidatingWebhookConfiguration".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject configuration, ApiRemovals.Removal removal) {
        Changes c = changes(configuration);
        List<Change> out = new ArrayList<>();
        out.add(apiVersion(configuration, removal, "admissionregistration.k8s.io/v1", RuleMode.AUTO,
                "the v1beta1 defaults are written out"));
        Set<String> names = new HashSet<>();
        JsonNode webhooks = configuration.at("/webhooks");
        for (int i = 0; i < webhooks.size(); i++) {
            JsonNode webhook = webhooks.get(i);
            String pointer = "/webhooks/" + i;
            String name = webhook.path("name").asText();
            if (!webhook.has("admissionReviewVersions")) {
                out.add(c.put(pointer, "admissionReviewVersions", JsonNodeFactory.instance.arrayNode().add("v1beta1"),
                        RuleMode.AUTO_WARN, "required on v1; v1beta1 sent v1beta1 AdmissionReviews, so that is written; "
                                + "add v1 once the webhook server speaks it" + source()));
            }
            String sideEffects = webhook.path("sideEffects").asText("");
            if (!sideEffects.equals("None") && !sideEffects.equals("NoneOnDryRun")) {
                out.add(c.decision(pointer + (sideEffects.isEmpty() ? "" : "/sideEffects"), "webhook " + name + ": v1 "
                        + "requires sideEffects None or NoneOnDryRun (v1beta1 defaulted to Unknown" + (sideEffects.isEmpty()
                        ? "" : ", this one says " + sideEffects) + "): ask its owner whether it changes anything outside "
                        + "the admitted object, and set sideEffects in the source" + source()));
            }
            defaulted(c, out, webhook, pointer, "failurePolicy", JsonNodeFactory.instance.textNode("Ignore"),
                    RuleMode.AUTO_WARN, "v1 defaults to Fail");
            defaulted(c, out, webhook, pointer, "matchPolicy", JsonNodeFactory.instance.textNode("Exact"),
                    RuleMode.AUTO, "v1 defaults to Equivalent");
            defaulted(c, out, webhook, pointer, "timeoutSeconds", IntNode.valueOf(30), RuleMode.AUTO, "v1 defaults to 10");
            if (!names.add(name)) {
                out.add(c.decision(pointer + "/name", "webhook name " + name + " appears twice; v1 requires unique names: "
                        + "rename one in the source" + source()));
            }
        }
        return out;
    }

    private void defaulted(Changes c, List<Change> out, JsonNode webhook, String pointer, String field, JsonNode v1beta1,
                           RuleMode mode, String v1) {
        if (!webhook.has(field)) {
            out.add(c.put(pointer, field, v1beta1, mode, "the v1beta1 default " + v1beta1.asText() + " is written; " + v1
                    + source()));
        }
    }
}

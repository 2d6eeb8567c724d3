package io.jenkins.plugins.eks2aks.manifests.rules.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals;
import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.RuleContext;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.ArrayList;
import java.util.List;

/**
 * API7: API Priority and Fairness objects ({@code flowcontrol.apiserver.k8s.io} v1beta1/v1beta2/v1beta3) →
 * {@code v1}, or {@code v1beta3} for targets before 1.29, which do not serve v1 yet. PriorityLevelConfiguration's
 * {@code limited.assuredConcurrencyShares} (v1beta1/v1beta2) is {@code nominalConcurrencyShares} from v1beta3 on;
 * and on v1 an explicit 0 stays 0, while v1beta3 read 0 as "default" (30), so a v1beta3 zero is dropped to keep
 * its meaning.
 */
public final class FlowControlApiRule extends RemovedApiRule {

    public static final String ID = "API7";
    private static final String GROUP = "flowcontrol.apiserver.k8s.io/";
    private static final KubernetesVersion V1_SERVED = KubernetesVersion.of("1.29");
    private static final String LIMITED = "/spec/limited";

    public FlowControlApiRule(RuleContext context) {
        super(ID, context);
    }

    @Override
    boolean handles(KubeObject object) {
        return "FlowSchema".equals(object.kind()) || "PriorityLevelConfiguration".equals(object.kind());
    }

    @Override
    List<Change> convert(KubeObject object, ApiRemovals.Removal removal) {
        String to = GROUP + (target.isBefore(V1_SERVED) ? "v1beta3" : "v1");
        List<Change> out = new ArrayList<>();
        out.add(apiVersion(object, removal, to, RuleMode.AUTO, "FlowSchema".equals(object.kind()) ? "same fields"
                : "concurrency shares follow the " + to + " field"));
        Changes c = changes(object);
        JsonNode limited = object.at(LIMITED);
        if (limited.has("assuredConcurrencyShares")) {
            out.add(c.remove(LIMITED + "/assuredConcurrencyShares", RuleMode.AUTO, "renamed nominalConcurrencyShares" + source()));
            out.add(c.put(LIMITED, "nominalConcurrencyShares", limited.path("assuredConcurrencyShares").deepCopy(),
                    RuleMode.AUTO, "assuredConcurrencyShares under its v1beta3/v1 name" + source()));
        }
        boolean zeroMeantDefault = object.ref().apiVersion().endsWith("/v1beta3")
                && limited.has("nominalConcurrencyShares") && limited.path("nominalConcurrencyShares").asInt(-1) == 0;
        if (zeroMeantDefault && to.endsWith("/v1")) {
            out.add(c.remove(LIMITED + "/nominalConcurrencyShares", RuleMode.AUTO, "v1beta3 read 0 as the default (30); "
                    + "v1 keeps an explicit 0, so the field is dropped to keep 30" + source()));
        }
        return out;
    }
}

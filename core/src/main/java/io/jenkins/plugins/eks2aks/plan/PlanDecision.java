package io.jenkins.plugins.eks2aks.plan;

import java.util.List;

/**
 * A decision the conversion could not make alone, with the mapping-file keys (or flags) that settle it.
 *
 * @param object e.g. {@code Service shop/web}
 * @param file   the manifest file, relative to the input
 * @param path   the field, as a JSON pointer
 * @param rule   the rule that asks
 * @param reason what to decide, in the rule's words
 * @param keys   mapping keys and flags the reason names; empty when none settles it (the manifest must change)
 */
public record PlanDecision(String object, String file, String path, String rule, String reason, List<String> keys) {

    public PlanDecision {
        keys = List.copyOf(keys);
    }
}

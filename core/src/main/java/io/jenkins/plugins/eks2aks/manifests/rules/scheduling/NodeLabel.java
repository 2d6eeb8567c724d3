package io.jenkins.plugins.eks2aks.manifests.rules.scheduling;

import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.List;

/**
 * What an EKS node label in a selector becomes on AKS.
 *
 * @param ruleId the catalog rule
 * @param mode   how the change is made; HUMAN when a decision is missing
 * @param key    the AKS label key, or null to drop the requirement
 * @param values the AKS values (same order as the EKS ones)
 * @param reason one line, with the mapping-file key to set when HUMAN
 * @param spot   whether pods so selected also need the AKS spot toleration
 * @param mappingKeys the mapping-file keys the reason tells the user to set when HUMAN
 */
record NodeLabel(String ruleId, RuleMode mode, String key, List<String> values, String reason, boolean spot,
                 List<String> mappingKeys) {

    NodeLabel(String ruleId, RuleMode mode, String key, List<String> values, String reason, boolean spot) {
        this(ruleId, mode, key, values, reason, spot, List.of());
    }

    static NodeLabel drop(String ruleId, String reason) {
        return new NodeLabel(ruleId, RuleMode.AUTO, null, List.of(), reason, false);
    }

    static NodeLabel human(String ruleId, String reason, String... mappingKeys) {
        return new NodeLabel(ruleId, RuleMode.HUMAN, null, List.of(), reason, false, List.of(mappingKeys));
    }

    boolean dropped() {
        return key == null && mode != RuleMode.HUMAN;
    }
}

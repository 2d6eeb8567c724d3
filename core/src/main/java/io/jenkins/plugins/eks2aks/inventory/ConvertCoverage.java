package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.Set;

/**
 * Which catalog rules {@code convertManifests} applies today without anyone's help, so the inventory's
 * "fixed by convertManifests" column never promises more than the converter does. Keep it in step with
 * {@code manifests.RuleCatalog} as rules land there.
 */
final class ConvertCoverage {

    static final Set<String> AUTOMATIC = Set.of("I1");

    private ConvertCoverage() {
    }

    static boolean fixes(String rule, RuleMode mode) {
        return AUTOMATIC.contains(rule) && mode.applies() && mode != RuleMode.HUMAN;
    }
}

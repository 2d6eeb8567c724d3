package io.jenkins.plugins.eks2aks.inventory;

import io.jenkins.plugins.eks2aks.manifests.RuleMode;

import java.util.Set;

/**
 * Which catalog rules {@code convertManifests} applies today without anyone's help, so the inventory's
 * "fixed by convertManifests" column never promises more than the converter does. Keep it in step with
 * {@code manifests.RuleCatalog} as rules land there.
 */
final class ConvertCoverage {

    /** Rules the converter applies with the default mapping (AUTO or AUTO_WARN), exclusions included. */
    static final Set<String> AUTOMATIC = Set.of("I1", "I5",
            "SC1", "SC2", "SC3", "SC5", "SC6", "SC8", "SC9", "SC11", "SC12", "SC14", "PV1", "PV2", "PV6", "PV7", "PV8",
            "L1", "L2", "L3", "L4", "L8", "L10", "L11", "L12", "L13", "L14", "L15", "L17", "L18", "L19", "L20", "L22",
            "N1", "N2", "N3", "N5", "N6", "N7", "N8", "N9", "N10", "N16", "N17", "X1", "X2", "X4",
            "W2", "W3", "W4", "W5", "W6", "W7", "W10", "K1", "K4", "E2",
            "S2", "S3", "S5", "S8", "S9", "S10", "S11", "S12", "KP1",
            "API1", "API2", "API3", "API4", "API5", "API6", "API7", "API8", "API9", "API12", "API13");

    private ConvertCoverage() {
    }

    static boolean fixes(String rule, RuleMode mode) {
        return AUTOMATIC.contains(rule) && mode.applies() && mode != RuleMode.HUMAN;
    }
}

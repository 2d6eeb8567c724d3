package io.jenkins.plugins.eks2aks.preflight;

/** A check's outcome. */
public enum CheckStatus {
    PASS,
    FAIL,
    /** The facts needed were not available (no ARM access, no kubeconfig…); the detail says which. */
    NOT_CHECKED
}

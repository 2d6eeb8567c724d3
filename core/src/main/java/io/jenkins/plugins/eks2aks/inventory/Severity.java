package io.jenkins.plugins.eks2aks.inventory;

/** How much an AWS dependency matters for the move, most urgent first. */
public enum Severity {
    /** Breaks on AKS, or silently changes behaviour, until a person acts. */
    HIGH,
    /** Needs an Azure counterpart set up or a converted value checked. */
    MEDIUM,
    /** Dropped or replaced with little effect. */
    LOW,
    /** EKS machinery that AKS provides itself; listed so nothing is forgotten. */
    INFO
}

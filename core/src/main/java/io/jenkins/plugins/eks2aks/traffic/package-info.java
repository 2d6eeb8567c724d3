/**
 * shiftTraffic: the gated, weighted DNS cut-over from the EKS endpoint to the AKS endpoint. A {@link
 * io.jenkins.plugins.eks2aks.traffic.WeightedRouting} (Route 53, Azure Traffic Manager, Azure DNS in front of Traffic
 * Manager) reads and changes the weights; {@link io.jenkins.plugins.eks2aks.traffic.TrafficShift} moves them in
 * increments, holds, probes the AKS side between increments and rolls back to the last good weights when a gate fails.
 */
package io.jenkins.plugins.eks2aks.traffic;

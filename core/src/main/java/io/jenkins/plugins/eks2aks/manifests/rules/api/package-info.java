/**
 * API removal rules of the EKS→AKS catalog (§8.1; S24): objects written with an API version the target AKS
 * version no longer serves ({@code targetAksVersion}) move to the replacement version, with the field changes the
 * move needs. The removal table itself is {@link io.jenkins.plugins.eks2aks.kubernetes.ApiRemovals}, shared with
 * the inventory. Rule ids: API1 Ingress, API2 CronJob, API3 HorizontalPodAutoscaler, API4 PodDisruptionBudget,
 * API5 PodSecurityPolicy, API6 EndpointSlice, API7 FlowSchema/PriorityLevelConfiguration, API8 CSIStorageCapacity,
 * API9 Deployment/DaemonSet/StatefulSet/ReplicaSet, API10 admission webhooks, API11 CustomResourceDefinition,
 * API12 every other removal (version only), API13 access reviews, API14 CertificateSigningRequest.
 */
package io.jenkins.plugins.eks2aks.manifests.rules.api;

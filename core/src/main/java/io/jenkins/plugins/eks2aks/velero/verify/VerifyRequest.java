package io.jenkins.plugins.eks2aks.velero.verify;

import io.jenkins.plugins.eks2aks.clusters.ClusterAccess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A validated verify-restore (see {@link VerifyOptions}). */
public record VerifyRequest(List<String> namespaces, Path expectObjects, Duration timeout, Path output, boolean forceOutput,
                            Duration pollInterval, ClusterAccess cluster) {
}

package io.jenkins.plugins.eks2aks.clusters;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.eks2aks.MigrationException;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** Turns fabric8's failures into one line that names the API server and says what to check. */
public final class KubernetesErrors {

    private KubernetesErrors() {
    }

    public static MigrationException explain(KubernetesClient client, String doing, KubernetesClientException e) {
        String server = client.getConfiguration().getMasterUrl();
        if (interrupted(e)) {
            // fabric8 wraps the interrupt of a waiting call; it is a stop, not a slow server.
            Thread.currentThread().interrupt();
            return new MigrationException("Interrupted while " + doing + " (Kubernetes API server " + server + ")", e);
        }
        int code = e.getCode();
        if (code == 401) {
            return new MigrationException("The Kubernetes API server " + server + " rejected the credentials (401 Unauthorized) while "
                    + doing + ": for EKS, the IAM identity needs an access entry or an aws-auth mapping", e);
        }
        if (code == 403) {
            return new MigrationException("The Kubernetes API server " + server + " denied " + doing + " (403 Forbidden): "
                    + "the identity needs read (list) access to every namespace", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new MigrationException("Cannot reach the Kubernetes API server " + server + " while " + doing + ": "
                        + t.getMessage(), e);
            }
            if (t instanceof InterruptedIOException || t instanceof TimeoutException) {
                return new MigrationException("The Kubernetes API server " + server + " did not answer in time while " + doing
                        + " (" + client.getConfiguration().getRequestTimeout() / 1000 + " s)", e);
            }
        }
        return new MigrationException("The Kubernetes API server " + server + " failed " + doing + ": "
                + (code > 0 ? code + " " : "") + e.getMessage(), e);
    }

    /**
     * Whether the call ended because this thread was interrupted: fabric8 sets the flag again and keeps the
     * {@link InterruptedException} as the cause (a socket timeout is an {@link InterruptedIOException} too, but
     * neither sets the flag nor carries that cause).
     */
    static boolean interrupted(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }
}

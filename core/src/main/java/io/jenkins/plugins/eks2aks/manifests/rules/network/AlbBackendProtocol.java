package io.jenkins.plugins.eks2aks.manifests.rules.network;

import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.IngressTarget;

import java.util.List;
import java.util.Locale;

/**
 * N7: {@code alb.ingress.kubernetes.io/backend-protocol-version}. GRPC becomes NGINX's gRPC backend protocol
 * ({@code GRPCS} when the ALB spoke HTTPS to the pods); AGIC has no gRPC backend setting, so there it is a
 * decision. HTTP1 is what every AKS ingress speaks to backends; HTTP2 is not kept (NGINX proxies HTTP/1.1).
 */
final class AlbBackendProtocol {

    private static final String ANNOTATIONS = "/metadata/annotations";

    private AlbBackendProtocol() {
    }

    static List<Change> version(KubeObject ingress, String key, String value, IngressTarget target) {
        Changes c = Changes.of(ingress, "N7");
        String version = value.trim().toUpperCase(Locale.ROOT);
        if (version.equals("GRPC")) {
            if (target != IngressTarget.WEBAPPROUTING) {
                return List.of(c.decision(Pointers.child(ANNOTATIONS, key), "gRPC backends: " + target.key() + " has no "
                        + "gRPC backend setting this tool can write; choose ingress.target webapprouting (NGINX "
                        + "backend-protocol GRPC) or configure the gateway by hand (catalog N7)").withMappingKeys("ingress.target"));
            }
            boolean tls = ingress.at(ANNOTATIONS).path(AlbIngressSchemes.ANNOTATION + "backend-protocol").asText("")
                    .equalsIgnoreCase("HTTPS");
            String protocol = tls ? "GRPCS" : "GRPC";
            return List.of(c.put(ANNOTATIONS, "nginx.ingress.kubernetes.io/backend-protocol", protocol, RuleMode.AUTO,
                            "gRPC to the backends" + (tls ? " over TLS" : "") + ": NGINX backend-protocol " + protocol
                                    + "; gRPC clients need HTTPS on the ingress (catalog N7, S12)"),
                    c.removeKey(ANNOTATIONS, key, RuleMode.AUTO, "replaced by nginx.ingress.kubernetes.io/backend-protocol (catalog N7)"));
        }
        if (version.equals("HTTP2")) {
            return List.of(c.removeKey(ANNOTATIONS, key, RuleMode.AUTO_WARN, "HTTP/2 to the backends is not kept: the AKS "
                    + "ingress speaks HTTP/1.1 to pods (gRPC aside); check the backends accept it (catalog N7)"));
        }
        return List.of(c.removeKey(ANNOTATIONS, key, RuleMode.DROP, "HTTP/1.1 to the backends is the default (catalog N7)"));
    }
}

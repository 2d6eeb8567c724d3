package io.jenkins.plugins.eks2aks.mapping;

import java.util.Locale;

/** The AKS ingress that replaces the AWS Load Balancer Controller's ALB ingress (catalog §3.2). */
public enum IngressTarget {
    /** The app routing add-on's managed NGINX; the default. */
    WEBAPPROUTING("webapprouting.kubernetes.azure.com"),
    /** Application Gateway Ingress Controller. */
    AGIC("azure-application-gateway"),
    /** Application Gateway for Containers. */
    AGC("azure-alb-external");

    private final String ingressClassName;

    IngressTarget(String ingressClassName) {
        this.ingressClassName = ingressClassName;
    }

    /** The public ingress class this target installs. */
    public String ingressClassName() {
        return ingressClassName;
    }

    public static IngressTarget fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.jenkins.plugins.eks2aks.manifests.rules.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.eks2aks.manifests.Change;
import io.jenkins.plugins.eks2aks.manifests.Changes;
import io.jenkins.plugins.eks2aks.manifests.ConversionRule;
import io.jenkins.plugins.eks2aks.manifests.InputIndex;
import io.jenkins.plugins.eks2aks.manifests.KubeObject;
import io.jenkins.plugins.eks2aks.manifests.Pointers;
import io.jenkins.plugins.eks2aks.manifests.RuleMode;
import io.jenkins.plugins.eks2aks.mapping.IngressTarget;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * N1–N16: an Ingress served by the AWS Load Balancer Controller (ALB) moves to the AKS ingress chosen in the
 * mapping file ({@code ingress.target}). The ALB's default scheme is internal; an internal ALB ingress goes to
 * an internal controller (app routing's internal NGINX class, or AGIC's private IP). Application Gateway for
 * Containers has no verified private frontend, so an internal ingress is left on its ALB class with a decision
 * rather than made public.
 *
 * <p>Long because: the ALB annotations interact (scheme, certificates, listen ports, sign-in) and are decided
 * together per Ingress; the self-contained parts already live in AlbBackendProtocol, AlbPaths, AlbIngressSchemes.
 */
public final class AlbIngressRule implements ConversionRule {

    public static final String ID = "N2";
    static final String ALB = "alb.ingress.kubernetes.io/";
    private static final String ANNOTATIONS = "/metadata/annotations";
    private static final String LEGACY_CLASS = "kubernetes.io/ingress.class";
    private static final Set<String> HEALTH = Set.of("healthcheck-path", "healthcheck-port", "healthcheck-protocol",
            "healthcheck-interval-seconds", "healthcheck-timeout-seconds", "healthy-threshold-count",
            "unhealthy-threshold-count", "success-codes");
    /** ALB health-check annotation → AGIC's (catalog N8, S13). */
    private static final Map<String, String> AGIC_HEALTH = Map.of(
            "healthcheck-path", "health-probe-path", "healthcheck-port", "health-probe-port",
            "healthcheck-interval-seconds", "health-probe-interval", "healthcheck-timeout-seconds", "health-probe-timeout",
            "unhealthy-threshold-count", "health-probe-unhealthy-threshold", "success-codes", "health-probe-status-codes");
    private static final Set<String> DROPPED = Set.of("scheme", "target-type", "group.name", "group.order", "subnets",
            "security-groups", "manage-backend-security-group-rules", "load-balancer-attributes", "ip-address-type",
            "tags", "ssl-policy", "load-balancer-name", "customer-owned-ipv4-pool", "ipam-ipv4-pool-id",
            "target-group-attributes", "target-node-labels", "mutual-authentication", "healthy-threshold-count",
            "healthcheck-protocol");

    private final MigrationMapping mapping;
    private final InputIndex index;

    public AlbIngressRule(MigrationMapping mapping, InputIndex index) {
        this.mapping = mapping;
        this.index = index;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean appliesTo(KubeObject object) {
        return "Ingress".equals(object.kind()) && index.albIngresses().isAlb(object);
    }

    @Override
    public List<Change> apply(KubeObject ingress) {
        IngressTarget target = mapping.ingress();
        AlbIngressSchemes.Resolution scheme = index.albIngresses().resolve(ingress);
        List<Change> out = new ArrayList<>();
        if (scheme.scheme() == AlbIngressSchemes.Scheme.UNKNOWN) {
            // The class's parameters decide the scheme and we cannot read them: leave the Ingress on its ALB class,
            // which nothing on AKS serves, rather than guess.
            out.add(Changes.of(ingress, "N2").decision("/spec/ingressClassName", scheme.source() + ": add that "
                    + "IngressClassParams to the input (a kubectl get ingressclassparams -o yaml export will do) so its "
                    + "scheme can be read (catalog N2, S10)"));
            return out;
        }
        boolean authPending = authPending(ingress);
        boolean internal = scheme.internal() || authPending;
        if (authPending) {
            out.add(Changes.of(ingress, "N15").decision(Pointers.child(ANNOTATIONS, ALB + "auth-type"), "the ALB "
                    + "authenticates users of this Ingress (" + ALB + "auth-type: " + authType(ingress) + ") and AKS "
                    + "ingress controllers do not: it stays on an internal class until ingress.authHandled in "
                    + "eks2aks.yaml lists \"" + key(ingress) + "\" (after putting oauth2-proxy in front, with "
                    + "nginx.ingress.kubernetes.io/auth-url) (catalog N15)").withMappingKeys("ingress.authHandled"));
        }
        if (target == IngressTarget.AGC && internal) {
            // Never guess here: a wrong class could publish a private site.
            out.add(Changes.of(ingress, "N2").decision("/spec/ingressClassName", "internal ALB ingress (" + scheme.source()
                    + ") and target agc: Application Gateway for Containers' private frontend is not verified by this "
                    + "tool; choose ingress.target webapprouting or agic in the mapping file, or move this ingress by hand "
                    + "(catalog N2, §10 item 6)").withMappingKeys("ingress.target"));
            return out;
        }
        out.addAll(ingressClass(ingress, target, internal, scheme.source()));
        out.addAll(AlbPaths.convert(ingress));
        out.addAll(annotations(ingress, target, mapping.certificates(), authPending));
        return out;
    }

    /** Cognito or OIDC sign-in on the ALB that the mapping file does not yet say is replaced. */
    private boolean authPending(KubeObject ingress) {
        String type = authType(ingress);
        return (type.equals("cognito") || type.equals("oidc")) && !mapping.ingressAuthHandled().contains(key(ingress));
    }

    private static String authType(KubeObject ingress) {
        return ingress.at(ANNOTATIONS).path(ALB + "auth-type").asText("none").trim().toLowerCase(Locale.ROOT);
    }

    private static String key(KubeObject ingress) {
        return (ingress.ref().namespace() == null ? "default" : ingress.ref().namespace()) + "/" + ingress.ref().name();
    }

    private List<Change> ingressClass(KubeObject ingress, IngressTarget target, boolean internal, String schemeSource) {
        List<Change> out = new ArrayList<>();
        String className = internal && target == IngressTarget.WEBAPPROUTING ? mapping.internalIngressClass() : target.ingressClassName();
        String id = internal ? "N2" : "N1";
        String why = internal
                ? (target == IngressTarget.WEBAPPROUTING
                    ? "internal ALB ingress (" + schemeSource + "): served by app routing's internal NGINX controller '" + className + "' (create it once: "
                        + "NginxIngressController with loadBalancerAnnotations service.beta.kubernetes.io/azure-load-balancer-internal: \"true\") (catalog N2, S12)"
                    : "internal ALB ingress (" + schemeSource + "): served by AGIC on the Application Gateway's private IP (catalog N2, S13)")
                : "internet-facing ALB ingress (" + schemeSource + "): served by " + target.key() + " (catalog N1/N3, S12, S13, S14)";
        RuleMode mode = internal && target == IngressTarget.WEBAPPROUTING ? RuleMode.AUTO_WARN : RuleMode.AUTO;
        Changes c = Changes.of(ingress, id);
        out.add(ingress.at("/spec/ingressClassName").isMissingNode()
                ? c.put("/spec", "ingressClassName", className, mode, why)
                : c.replace("/spec/ingressClassName", className, mode, why));
        if (ingress.at(ANNOTATIONS).has(LEGACY_CLASS)) {
            out.add(Changes.of(ingress, "N1").removeKey(ANNOTATIONS, LEGACY_CLASS, RuleMode.AUTO,
                    "the deprecated class annotation is replaced by spec.ingressClassName (catalog N1)"));
        }
        if (internal && target == IngressTarget.AGIC) {
            out.add(Changes.of(ingress, "N2").put(ANNOTATIONS, "appgw.ingress.kubernetes.io/use-private-ip", "true", RuleMode.AUTO,
                    "internal ALB ingress: AGIC serves it on the Application Gateway's private IP (catalog N2, S13)"));
        }
        if (target == IngressTarget.AGC) {
            out.add(Changes.of(ingress, "N1").decision(ANNOTATIONS, "Application Gateway for Containers needs "
                    + "alb.networking.azure.io/alb-name and alb-namespace (managed) or alb-id and alb-frontend (bring your own) (catalog §3.2, S14)"));
        }
        return out;
    }

    private static List<Change> annotations(KubeObject ingress, IngressTarget target, Map<String, String> certificates,
                                            boolean authPending) {
        List<Change> out = new ArrayList<>();
        JsonNode annotations = ingress.at(ANNOTATIONS);
        boolean agic = target == IngressTarget.AGIC;
        String arn = annotations.path(ALB + "certificate-arn").asText("");
        // A certificate the AKS ingress will have: its own spec.tls, or an ACM certificate the mapping file replaces.
        boolean certificate = ingress.at("/spec/tls").size() > 0
                || (!arn.isEmpty() && !arn.contains(",") && certificates.containsKey(arn.trim()) && target != IngressTarget.AGC);
        boolean discovery = arn.isEmpty() && ingress.at("/spec/tls").size() == 0
                && annotations.path(ALB + "listen-ports").asText("").toUpperCase(Locale.ROOT).contains("HTTPS");
        String grpc = annotations.path(ALB + "backend-protocol-version").asText("").trim().toUpperCase(Locale.ROOT);
        for (Iterator<String> it = annotations.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(ALB)) {
                continue;
            }
            String name = key.substring(ALB.length());
            String value = annotations.path(key).asText();
            if (name.equals("ssl-redirect") && !certificate) {
                continue; // left as it is until the AKS ingress has a certificate: a redirect to no HTTPS would break the site
            } else if (name.equals("ssl-redirect")) {
                String azure = agic ? "appgw.ingress.kubernetes.io/ssl-redirect" : "nginx.ingress.kubernetes.io/ssl-redirect";
                out.addAll(rename(ingress, "N5", key, azure, "true", "HTTPS redirect"));
            } else if (name.equals("backend-protocol-version")) {
                out.addAll(AlbBackendProtocol.version(ingress, key, value, target));
            } else if (name.equals("backend-protocol") && grpc.equals("GRPC")) {
                out.add(Changes.of(ingress, "N7").removeKey(ANNOTATIONS, key, RuleMode.AUTO, "folded into the gRPC backend "
                        + "protocol (backend-protocol-version GRPC) (catalog N7)"));
            } else if (name.equals("listen-ports") && discovery) {
                out.add(Changes.of(ingress, "N4").decision(Pointers.child(ANNOTATIONS, key), "HTTPS by certificate discovery: "
                        + "the ALB found an ACM certificate for " + hosts(ingress) + " by itself (no certificate-arn, no spec.tls), "
                        + "and ACM certificates cannot be exported: re-issue it into Key Vault, then write its ARN in "
                        + ALB + "certificate-arn and set certificates.\"<arn>\" in eks2aks.yaml, or add spec.tls with a Secret; "
                        + "the HTTPS redirect follows once there is a certificate (catalog N4, N5, N6)")
                        .withMappingKeys("certificates.\"<arn>\""));
            } else if (name.equals("backend-protocol") && !value.equalsIgnoreCase("HTTP")) {
                String azure = agic ? "appgw.ingress.kubernetes.io/backend-protocol" : "nginx.ingress.kubernetes.io/backend-protocol";
                out.addAll(rename(ingress, "N7", key, azure, agic ? value.toLowerCase(Locale.ROOT) : value.toUpperCase(Locale.ROOT), "protocol to the backends"));
            } else if (name.equals("backend-protocol")) {
                out.add(Changes.of(ingress, "N7").removeKey(ANNOTATIONS, key, RuleMode.DROP, "HTTP to the backends is the default (catalog N7)"));
            } else if (HEALTH.contains(name) && agic && AGIC_HEALTH.containsKey(name)) {
                out.addAll(rename(ingress, "N8", key, "appgw.ingress.kubernetes.io/" + AGIC_HEALTH.get(name), value, "Application Gateway health probe"));
            } else if (HEALTH.contains(name) && !agic) {
                out.add(Changes.of(ingress, "N8").removeKey(ANNOTATIONS, key, RuleMode.DROP, "NGINX checks backends through "
                        + "the pods' readiness probes: make sure the pods have them (catalog N8)"));
            } else if (name.equals("inbound-cidrs") && target == IngressTarget.WEBAPPROUTING) {
                // App routing is NGINX: it allows only these client ranges, as the ALB's security group did.
                out.addAll(rename(ingress, "N13", key, "nginx.ingress.kubernetes.io/whitelist-source-range",
                        value.replace(" ", ""), "the client address ranges allowed"));
            } else if (name.equals("inbound-cidrs")) {
                out.add(Changes.of(ingress, "N13").decision(Pointers.child(ANNOTATIONS, key), key + " (" + value + ") allowed "
                        + "only these client ranges: " + target.key() + " has no per-ingress annotation for them; restrict them "
                        + "with a WAF policy or an NSG rule on the gateway's subnet, or set ingress.target webapprouting in "
                        + "eks2aks.yaml, which carries them as nginx.ingress.kubernetes.io/whitelist-source-range (catalog N13)")
                        .withMappingKeys("ingress.target"));
            } else if (name.equals("listen-ports")) {
                out.add(listenPorts(ingress, key, value));
            } else if (name.equals("certificate-arn")) {
                out.addAll(certificate(ingress, key, value, target, certificates));
            } else if (name.startsWith("auth-") && authPending) {
                continue; // one decision for the Ingress's sign-in, made above
            } else if (name.startsWith("auth-") && !authType(ingress).equals("none")) {
                out.add(Changes.of(ingress, "N15").removeKey(ANNOTATIONS, key, RuleMode.DROP, key + " configured the ALB's "
                        + "sign-in, which ingress.authHandled in eks2aks.yaml says is replaced on AKS (catalog N15)"));
            } else if (name.startsWith("actions.") || name.startsWith("conditions.") || name.startsWith("transforms.")
                    || name.equals("use-regex-path-match") || name.equals("inbound-cidrs") || name.startsWith("auth-")
                    || name.startsWith("waf") || name.equals("shield-advanced-protection")) {
                out.add(Changes.of(ingress, humanId(name)).decision(Pointers.child(ANNOTATIONS, key), key
                        + " has no automatic equivalent: " + humanAdvice(name) + " (catalog " + humanId(name) + ")"));
            } else if (DROPPED.contains(name) || name.startsWith("frontend-nlb-")) {
                out.add(Changes.of(ingress, dropId(name)).removeKey(ANNOTATIONS, key, RuleMode.DROP,
                        key + " configures the AWS ALB only" + (name.startsWith("group.") ? "; IngressGroup merge order is not kept" : "")
                                + " (catalog " + dropId(name) + ")"));
            } else {
                out.add(Changes.of(ingress, "N16").decision(Pointers.child(ANNOTATIONS, key), key
                        + " is an ALB setting this tool does not know: decide whether the AKS ingress needs an equivalent (catalog §3.2)"));
            }
        }
        return out;
    }

    /**
     * N4: an ACM certificate cannot leave AWS. Once the mapping file names its re-issued replacement, app routing
     * reads it from Key Vault (with the secret name the add-on expects) and AGIC from the Application Gateway.
     */
    private static List<Change> certificate(KubeObject ingress, String key, String arn, IngressTarget target,
                                            Map<String, String> certificates) {
        String replacement = arn.contains(",") ? null : certificates.get(arn.trim());
        Changes c = Changes.of(ingress, "N4");
        if (replacement == null || target == IngressTarget.AGC) {
            return List.of(c.decision(Pointers.child(ANNOTATIONS, key), "ACM certificate " + arn + " cannot be exported: "
                    + "re-issue it into Key Vault (or with cert-manager) and set certificates.\"" + arn + "\" in eks2aks.yaml "
                    + "to its Key Vault certificate URI (app routing) or Application Gateway certificate name (AGIC) (catalog N4, S12, S13)")
                    .withMappingKeys("certificates.\"" + arn + "\""));
        }
        List<Change> out = new ArrayList<>();
        if (target == IngressTarget.AGIC) {
            out.add(c.put(ANNOTATIONS, "appgw.ingress.kubernetes.io/appgw-ssl-certificate", replacement, RuleMode.AUTO,
                    "the re-issued certificate on the Application Gateway (catalog N4, S13)"));
        } else {
            out.add(c.put(ANNOTATIONS, "kubernetes.azure.com/tls-cert-keyvault-uri", replacement, RuleMode.AUTO,
                    "app routing loads the re-issued certificate from Key Vault (catalog N4, S12)"));
            if (ingress.at("/spec/tls").isMissingNode()) {
                ArrayNode tls = JsonNodeFactory.instance.arrayNode();
                ObjectNode entry = tls.addObject();
                ArrayNode hosts = entry.putArray("hosts");
                ingress.at("/spec/rules").forEach(rule -> {
                    if (rule.has("host")) {
                        hosts.add(rule.path("host").asText());
                    }
                });
                entry.put("secretName", "keyvault-" + ingress.ref().name());
                out.add(c.put("/spec", "tls", tls, RuleMode.AUTO, "TLS on the AKS ingress with the secret app routing fills "
                        + "from Key Vault (keyvault-<ingress name>) (catalog N4, S12)"));
            }
        }
        out.add(c.removeKey(ANNOTATIONS, key, RuleMode.AUTO, "replaced by the re-issued certificate (catalog N4)"));
        return out;
    }

    private static String hosts(KubeObject ingress) {
        List<String> hosts = new ArrayList<>();
        ingress.at("/spec/rules").forEach(rule -> {
            if (rule.has("host")) {
                hosts.add(rule.path("host").asText());
            }
        });
        return hosts.isEmpty() ? "its hosts" : String.join(", ", hosts);
    }

    private static List<Change> rename(KubeObject ingress, String id, String key, String azure, String value, String what) {
        Changes c = Changes.of(ingress, id);
        return List.of(
                c.put(ANNOTATIONS, azure, value, RuleMode.AUTO, what + " on the AKS ingress (catalog " + id + ", S12, S13)"),
                c.removeKey(ANNOTATIONS, key, RuleMode.AUTO, "replaced by " + azure + " (catalog " + id + ")"));
    }

    /** N6: standard ports are implied by spec.tls on AKS; other ports need a decision. */
    private static Change listenPorts(KubeObject ingress, String key, String value) {
        String ports = value.replaceAll("[^0-9,]", " ").trim();
        boolean standard = ports.replaceAll("\\b(80|443)\\b", "").replaceAll("[ ,]", "").isEmpty();
        if (standard) {
            return Changes.of(ingress, "N6").removeKey(ANNOTATIONS, key, RuleMode.DROP, "ports 80 and 443 are what the AKS "
                    + "ingress listens on; HTTPS follows from spec.tls (catalog N6)");
        }
        return Changes.of(ingress, "N6").decision(Pointers.child(ANNOTATIONS, key), "non-standard listener ports " + value
                + ": AGIC has appgw.ingress.kubernetes.io/override-frontend-port; NGINX needs its controller configured (catalog N6)");
    }

    private static String humanId(String name) {
        if (name.startsWith("actions.")) {
            return "N11";
        }
        if (name.startsWith("conditions.") || name.startsWith("transforms.") || name.equals("use-regex-path-match")) {
            return "N12";
        }
        if (name.equals("inbound-cidrs")) {
            return "N13";
        }
        return name.startsWith("auth-") ? "N15" : "N14";
    }

    private static String humanAdvice(String name) {
        return switch (humanId(name)) {
            case "N11" -> "use nginx.ingress.kubernetes.io/permanent-redirect, canary annotations, or a Gateway API HTTPRoute with weights";
            case "N12" -> "use nginx.ingress.kubernetes.io/use-regex and rewrite-target, or HTTPRoute matches";
            case "N13" -> "use nginx.ingress.kubernetes.io/whitelist-source-range, or a WAF or NSG rule";
            case "N15" -> "put oauth2-proxy in front and use nginx.ingress.kubernetes.io/auth-url";
            default -> "attach an Azure WAF policy (appgw.ingress.kubernetes.io/waf-policy-for-path with AGIC)";
        };
    }

    private static String dropId(String name) {
        if (name.equals("target-type")) {
            return "N9";
        }
        if (name.startsWith("group.")) {
            return "N10";
        }
        if (name.equals("scheme")) {
            return "N2";
        }
        return name.equals("healthy-threshold-count") || name.equals("healthcheck-protocol") ? "N8" : "N16";
    }
}

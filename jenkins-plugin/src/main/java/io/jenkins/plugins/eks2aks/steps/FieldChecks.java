package io.jenkins.plugins.eks2aks.steps;

import hudson.util.FormValidation;
import io.jenkins.plugins.eks2aks.images.ImageReference;
import io.jenkins.plugins.eks2aks.images.ImageTarget;
import io.jenkins.plugins.eks2aks.images.MigrationMode;
import io.jenkins.plugins.eks2aks.images.select.SelectionOptions;
import io.jenkins.plugins.eks2aks.kubernetes.KubernetesVersion;
import io.jenkins.plugins.eks2aks.manifests.OutputFormat;
import io.jenkins.plugins.eks2aks.mapping.MappingOverrides;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.List;
import java.util.Set;

/**
 * The snippet generator's field checks ({@code doCheck…} of the step descriptors), each running the same engine
 * code the step runs with the value, so the form and the build agree on what is wrong and say it in the same words.
 * Each check returns null when the value is fine (or empty: the step's default then applies), else the message.
 * Checks read nothing but the value: no credentials, files or remote systems, so they need no permission.
 */
public final class FieldChecks {

    /** The engine code that accepts a value or throws with the reason. */
    @FunctionalInterface
    interface Check {
        void accept(String value) throws Exception;
    }

    public static final Set<String> FAIL_ON = Set.of("conflicts", "decisions", "never");
    public static final Set<String> PREFLIGHT_INGRESS = Set.of("app-routing", "agc", "agic", "nginx");

    private FieldChecks() {
    }

    /** The message as the form shows it: an error, or OK for null. */
    public static FormValidation form(String message) {
        return message == null ? FormValidation.ok() : FormValidation.error(message);
    }

    static String check(String value, Check check) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            check.accept(value.trim());
            return null;
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    private static String oneOf(String value, String parameter, Set<String> allowed) {
        return check(value, v -> {
            if (!allowed.contains(v)) {
                throw new IllegalArgumentException("invalid '" + parameter + "' '" + v + "': allowed are "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }

    public static String failOn(String value) {
        return oneOf(value, "failOn", FAIL_ON);
    }

    public static String format(String value) {
        return check(value, v -> {
            try {
                OutputFormat.fromKey(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid 'format' '" + v + "': allowed are files, kustomize");
            }
        });
    }

    /** acr, registryMap, ingressTarget, targetAksVersion: as the conversion applies them over the mapping file. */
    public static String mappingOverride(String acr, String registryMap, String ingressTarget, String targetAksVersion) {
        return check("x", v -> new MappingOverrides(null, acr == null || acr.isBlank() ? null : acr.trim(),
                StepParameters.entries(registryMap), ingressTarget == null || ingressTarget.isBlank() ? null : ingressTarget.trim(),
                targetAksVersion == null || targetAksVersion.isBlank() ? null : targetAksVersion.trim()).applyTo(MigrationMapping.defaults()));
    }

    public static String kubernetesVersion(String value, String parameter) {
        return check(value, v -> {
            if (KubernetesVersion.parse(v).isEmpty()) {
                throw new IllegalArgumentException("invalid '" + parameter + "' '" + v + "': expected a Kubernetes version such as 1.33");
            }
        });
    }

    public static String target(String value) {
        return check(value, ImageTarget::parse);
    }

    public static String mode(String value) {
        return check(value, MigrationMode::parse);
    }

    public static String images(String value) {
        return check(value, v -> StepParameters.entries(v).forEach(ImageReference::parse));
    }

    public static String repositories(String value) {
        return check(value, v -> new SelectionOptions(StepParameters.entries(v), null, null, false)
                .selections(new SelectionOptions.Names("'repositories'", "'tagPattern'", "'newestTags'", "'allTags'")));
    }

    public static String tagPattern(String value) {
        return check(value, v -> new SelectionOptions(List.of("registry.example.com/any"), v, null, false)
                .selections(new SelectionOptions.Names("'repositories'", "'tagPattern'", "'newestTags'", "'allTags'")));
    }

    public static String preflightIngress(String value) {
        return oneOf(value, "ingress", PREFLIGHT_INGRESS);
    }
}

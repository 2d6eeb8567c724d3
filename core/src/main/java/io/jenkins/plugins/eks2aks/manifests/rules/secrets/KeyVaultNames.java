package io.jenkins.plugins.eks2aks.manifests.rules.secrets;

import io.jenkins.plugins.eks2aks.mapping.KeyVaultTarget;
import io.jenkins.plugins.eks2aks.mapping.MigrationMapping;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS secret and parameter names → Key Vault secret names. Key Vault allows only letters, digits and '-'
 * (up to 127), while AWS names carry '/', '_', '+', '=', '.', '@' and whole ARNs. A name Key Vault allows is
 * kept; any other needs {@code keyVault.objectNames} (catalog K2, E3; Key Vault naming rules).
 */
final class KeyVaultNames {

    static final String KEY = "keyVault.objectNames";
    private static final Pattern VALID = Pattern.compile("^[0-9A-Za-z-]{1,127}$");
    /** Secrets Manager ARNs end in the name plus '-' and six random characters. */
    private static final Pattern SECRET_ARN = Pattern.compile("^arn:aws[a-z-]*:secretsmanager:[^:]*:[0-9]*:secret:(.+)-[0-9A-Za-z]{6}$");
    private static final Pattern PARAMETER_ARN = Pattern.compile("^arn:aws[a-z-]*:ssm:[^:]*:[0-9]*:parameter/?(.+)$");

    private final KeyVaultTarget vault;

    KeyVaultNames(MigrationMapping mapping) {
        this.vault = mapping.keyVault();
    }

    /** The Key Vault name for AWS name {@code name} (or {@code name#path} for one key of a JSON secret). */
    Optional<String> of(String name) {
        if (vault != null && vault.objectNames().containsKey(name)) {
            return Optional.of(vault.objectNames().get(name));
        }
        return VALID.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }

    /** Only an explicit entry: for names that must be decided even when valid, such as one key of a JSON secret. */
    Optional<String> explicit(String name) {
        return vault == null ? Optional.empty() : Optional.ofNullable(vault.objectNames().get(name));
    }

    /** A Key Vault name a person would likely choose, for the finding's example. */
    static String suggestion(String name) {
        String base = name;
        Matcher arn = SECRET_ARN.matcher(name);
        Matcher parameter = PARAMETER_ARN.matcher(name);
        if (arn.matches()) {
            base = arn.group(1);
        } else if (parameter.matches()) {
            base = parameter.group(1);
        }
        String cleaned = base.replaceAll("[^0-9A-Za-z]+", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
        return cleaned.isEmpty() ? "secret" : cleaned.substring(0, Math.min(127, cleaned.length()));
    }

    /** How a finding names the mapping key for AWS name {@code name}. */
    static String key(String name) {
        return KEY + ".\"" + name + "\"";
    }
}

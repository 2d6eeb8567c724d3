package io.jenkins.plugins.eks2aks.images;

import io.jenkins.plugins.eks2aks.MigrationException;

import java.util.regex.Pattern;

/**
 * Where images go: {@code registry[/prefix]}. An image keeps its repository path below the prefix, and its tag:
 * {@code 1234.dkr.ecr.us-east-1.amazonaws.com/shop/web:1.0} with {@code contoso.azurecr.io/mirror} becomes
 * {@code contoso.azurecr.io/mirror/shop/web:1.0}.
 *
 * @param registry host with optional port
 * @param prefix   repository prefix without slashes at either end, or empty
 */
public record ImageTarget(String registry, String prefix) {

    private static final Pattern TARGET = Pattern.compile(
            "^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::\\d{1,5})?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$");

    /** @throws MigrationException naming the value and the expected form */
    public static ImageTarget parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!TARGET.matcher(t).matches()) {
            throw new MigrationException("Invalid target registry '" + text + "': expected <registry>[/<prefix>], e.g. contoso.azurecr.io or contoso.azurecr.io/mirror");
        }
        int slash = t.indexOf('/');
        return slash < 0 ? new ImageTarget(t, "") : new ImageTarget(t.substring(0, slash), t.substring(slash + 1));
    }

    /** The target of {@code source}: same repository path under the prefix, same tag, no digest (it is verified). */
    public ImageReference map(ImageReference source) {
        String repository = prefix.isEmpty() ? source.repository() : prefix + "/" + source.repository();
        return new ImageReference(registry, repository, source.tag(), null);
    }

    /** {@code registry/repository[:tag]} for reports: the target's tag, or nothing when the source named only a digest. */
    public static String display(ImageReference target) {
        return target.name() + (target.tag() == null ? "" : ":" + target.tag());
    }

    @Override
    public String toString() {
        return prefix.isEmpty() ? registry : registry + "/" + prefix;
    }
}

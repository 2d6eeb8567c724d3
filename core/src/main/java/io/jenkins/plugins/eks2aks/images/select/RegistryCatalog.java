package io.jenkins.plugins.eks2aks.images.select;

/** What a source registry holds, for repository selections. */
public interface RegistryCatalog {
    /** Repository names in {@code registry} starting with {@code prefix} ("" for all), sorted. */
    java.util.List<String> repositories(String registry, String prefix) throws InterruptedException;
    /** The tags of {@code repository}, each with when it was pushed when the registry says (else null). */
    java.util.List<TagInfo> tags(String registry, String repository) throws InterruptedException;

    /**
     * When the image {@code tag} names was made, for registries whose tag list carries no times; null when unknown.
     * Asked only to pick the newest tags, and only for tags without a time.
     */
    default java.time.Instant pushed(String registry, String repository, String tag) throws InterruptedException {
        return null;
    }
}

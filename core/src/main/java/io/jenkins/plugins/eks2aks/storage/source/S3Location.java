package io.jenkins.plugins.eks2aks.storage.source;

import io.jenkins.plugins.eks2aks.MigrationException;

/**
 * {@code s3://BUCKET[/PREFIX]}. The prefix is a folder: it ends with {@code /} (or is empty), so {@code s3://b/backups}
 * copies {@code backups/…} and not {@code backups-old/…}.
 *
 * @param bucket the bucket
 * @param prefix empty, or a key prefix ending with {@code /}
 */
public record S3Location(String bucket, String prefix) {

    public static boolean isS3(String value) {
        return value != null && value.regionMatches(true, 0, "s3://", 0, 5);
    }

    /**
     * @param option how the edge names the option, for the message
     */
    public static S3Location parse(String value, String option) {
        String rest = value.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]")) {
            throw new MigrationException(option + " '" + value + "': '" + bucket + "' is not an S3 bucket name "
                    + "(expected s3://BUCKET[/PREFIX], bucket in lower case letters, digits, dots and hyphens)");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3Location(bucket, prefix);
    }

    /** {@code s3://bucket/prefix/name}. */
    public String uri(String name) {
        return "s3://" + bucket + "/" + prefix + name;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}

package io.jenkins.plugins.eks2aks.manifests;

/** JSON Pointer (RFC 6901) helpers: map keys such as {@code eks.amazonaws.com/role-arn} contain '/'. */
public final class Pointers {

    private Pointers() {
    }

    /** {@code a/b~c} → {@code a~1b~0c}. */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** {@code a~1b~0c} → {@code a/b~c}. */
    public static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** {@code parent} + {@code /} + the escaped {@code key}. */
    public static String child(String parent, String key) {
        return parent + "/" + escape(key);
    }

    /** {@code parent} + {@code /index}. */
    public static String child(String parent, int index) {
        return parent + "/" + index;
    }
}

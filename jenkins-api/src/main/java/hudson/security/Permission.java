// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.security;

public final class Permission {

    @Deprecated
    public static final Permission HUDSON_ADMINISTER = null;
}

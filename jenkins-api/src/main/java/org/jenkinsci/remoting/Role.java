// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.remoting;

public final class Role {

    public Role(String name) {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }
}

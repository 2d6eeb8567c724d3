// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {
}

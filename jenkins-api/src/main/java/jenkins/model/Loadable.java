// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package jenkins.model;

import java.io.IOException;

public interface Loadable {

    void load() throws IOException;
}

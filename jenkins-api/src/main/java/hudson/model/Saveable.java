// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

import java.io.IOException;

public interface Saveable {
    void save() throws IOException;
}

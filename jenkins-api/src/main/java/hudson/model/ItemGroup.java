// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.File;
import java.io.IOException;
import java.util.Collection;
import org.springframework.security.access.AccessDeniedException;

public interface ItemGroup<T extends Item> {
    Collection<T> getItems();

    String getUrl();

    String getUrlChildPrefix();

    @CheckForNull T getItem(String name) throws AccessDeniedException;

    File getRootDirFor(T child);

    void onDeleted(T item) throws IOException;
}

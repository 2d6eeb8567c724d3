// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;

public class Util {

    @CheckForNull
    public static String fixEmptyAndTrim(@CheckForNull String s) {
        // The real body, so step unit tests see what Jenkins does (see README: "Almost no behaviour").
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }
}

// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

// An ArrayList of options, as the real class: tests read a model's options.
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
            this.name = name;
            this.value = value;
        }
    }

    public ListBoxModel() {
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        add(new Option(displayName, value));
    }
}

// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.plugins.credentialsbinding;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

public abstract class MultiBinding<C extends StandardCredentials> extends AbstractDescribableImpl<MultiBinding<C>> implements ExtensionPoint {

    // Local behaviour for unit tests (see README): the id as given.
    private final String credentialsId;

    protected MultiBinding(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    protected abstract Class<C> type();

    public final String getCredentialsId() {
        return credentialsId;
    }

    public static final class MultiEnvironment implements Serializable {
        private static final long serialVersionUID = 1;

        // Local behaviour for unit tests (see README): the maps as given.
        private final Map<String, String> secretValues;
        private final Map<String, String> publicValues;
        private final Unbinder unbinder;

        public MultiEnvironment(Map<String, String> secretValues, Map<String, String> publicValues, Unbinder unbinder) {
            this.secretValues = new LinkedHashMap<>(secretValues);
            this.publicValues = new LinkedHashMap<>(publicValues);
            this.unbinder = unbinder;
        }

        public Map<String, String> getSecretValues() {
            return secretValues;
        }

        public Map<String, String> getPublicValues() {
            return publicValues;
        }

        public Unbinder getUnbinder() {
            return unbinder;
        }
    }

    public interface Unbinder extends Serializable {
        void unbind(@NonNull Run<?, ?> build, @Nullable FilePath workspace, @Nullable Launcher launcher, @NonNull TaskListener listener)
                throws IOException, InterruptedException;
    }

    public abstract MultiEnvironment bind(@NonNull Run<?, ?> build, @Nullable FilePath workspace, @Nullable Launcher launcher,
                                          @NonNull TaskListener listener) throws IOException, InterruptedException;

    public Set<String> variables() {
        throw new UnsupportedOperationException();
    }
}

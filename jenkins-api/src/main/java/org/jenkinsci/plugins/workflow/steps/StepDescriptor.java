// Compile-only declaration of the real Jenkins API (see jenkins-api/README.md). Never packaged.
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        throw new UnsupportedOperationException();
    }

    public boolean isAdvanced() {
        throw new UnsupportedOperationException();
    }
}

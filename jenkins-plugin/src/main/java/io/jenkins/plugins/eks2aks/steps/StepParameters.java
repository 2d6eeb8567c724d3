package io.jenkins.plugins.eks2aks.steps;

import java.util.ArrayList;
import java.util.List;

/** How the steps read list-valued text parameters: one entry per line, or entries separated by commas. */
public final class StepParameters {

    private StepParameters() {
    }

    /** The non-blank entries of {@code value}, trimmed; empty for null. */
    public static List<String> entries(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split("[,\\n]")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }
}

package io.jenkins.plugins.eks2aks.steps;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** User-visible strings of the steps, from {@code Messages.properties} beside this class. */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Messages.class.getName());

    private Messages() {
    }

    public static String get(String key, Object... args) {
        return MessageFormat.format(BUNDLE.getString(key), args);
    }
}

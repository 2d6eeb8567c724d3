package io.jenkins.plugins.eks2aks.templates;

import hudson.Extension;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a Jenkinsfile may call from this plugin, read the way Jenkins reads it: the descriptors in the sezpoz
 * {@code @Extension} index (steps by {@code getFunctionName()}, bindings by {@code @Symbol}) and, for each, the
 * parameters Stapler and structs bind ({@code @DataBoundConstructor} parameters, required; {@code @DataBoundSetter}
 * setters and fields, optional), with their Java types.
 */
final class PluginVocabulary {

    /** One step or binding: its class and parameters (name to type); {@code required} are the constructor's. */
    record Describable(String name, Class<?> type, Map<String, Class<?>> parameters, Map<String, Class<?>> required) {
    }

    private final Map<String, Describable> steps = new TreeMap<>();
    private final Map<String, Describable> bindings = new TreeMap<>();

    PluginVocabulary() {
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, getClass().getClassLoader())) {
            Object descriptor;
            try {
                descriptor = item.instance();
            } catch (InstantiationException e) {
                throw new IllegalStateException("cannot instantiate " + item.className(), e);
            }
            if (descriptor instanceof StepDescriptor step) {
                String name = step.getFunctionName();
                steps.put(name, describe(name, step.clazz));
            } else if (descriptor instanceof BindingDescriptor<?> binding) {
                for (String symbol : descriptor.getClass().getAnnotation(Symbol.class).value()) {
                    bindings.put(symbol, describe(symbol, binding.clazz));
                }
            }
        }
    }

    Map<String, Describable> steps() {
        return steps;
    }

    Map<String, Describable> bindings() {
        return bindings;
    }

    static Describable describe(String name, Class<?> type) {
        Map<String, Class<?>> required = new LinkedHashMap<>();
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : constructor.getParameters()) {
                    if (!p.isNamePresent()) {
                        throw new IllegalStateException(type.getName() + " was compiled without -parameters");
                    }
                    required.put(p.getName(), p.getType());
                }
            }
        }
        Map<String, Class<?>> all = new LinkedHashMap<>(required);
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set") && m.getParameterCount() == 1) {
                    all.put(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4), m.getParameterTypes()[0]);
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(DataBoundSetter.class)) {
                    all.put(f.getName(), f.getType());
                }
            }
        }
        return new Describable(name, type, all, required);
    }
}

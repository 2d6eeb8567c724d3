package io.jenkins.plugins.eks2aks.templates;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/steps.md} is made from what Jenkins shows: the descriptors in the {@code @Extension} index, their
 * data-bound parameters and the help files of the snippet generator. This test fails when the page differs, so it
 * cannot go stale; {@code -Deks2aks.updateDocs=true} writes it again. Every parameter must have its help file.
 */
class StepsDocTest {

    static final Path DOC = Path.of(System.getProperty("eks2aks.stepsDoc", "../docs/steps.md"));

    @Test
    void docsStepsMdIsWhatTheDescriptorsAndHelpFilesSay() throws IOException {
        PluginVocabulary plugin = new PluginVocabulary();
        List<String> missingHelp = new ArrayList<>();
        StringBuilder md = new StringBuilder("""
                # Pipeline steps and bindings

                Generated from the plugin's descriptors and the help of its snippet generator by `StepsDocTest`
                (`mvn -pl jenkins-plugin -am test -Dtest=StepsDocTest -Deks2aks.updateDocs=true -Dsurefire.failIfNoSpecifiedTests=false`
                writes it again; the test fails when it is stale). Required parameters come first.
                """);
        md.append("\n## Steps\n");
        for (PluginVocabulary.Describable step : plugin.steps().values()) {
            section(md, step, "", missingHelp);
        }
        md.append("\n## Bindings for `withCredentials`\n");
        for (PluginVocabulary.Describable binding : plugin.bindings().values()) {
            section(md, binding, "withCredentials([", missingHelp);
        }
        String expected = md.toString();

        assertEquals(List.of(), missingHelp, "parameters without a help file");
        if (Boolean.getBoolean("eks2aks.updateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected);
        }
        assertTrue(Files.exists(DOC), DOC + " is missing: run this test with -Deks2aks.updateDocs=true");
        assertEquals(expected, Files.readString(DOC), DOC + " is stale: run this test with -Deks2aks.updateDocs=true");
    }

    private static void section(StringBuilder md, PluginVocabulary.Describable d, String wrapper, List<String> missingHelp) throws IOException {
        md.append("\n### `").append(d.name()).append("`\n\n");
        String help = help(d.type(), "help.html");
        if (help == null) {
            missingHelp.add(d.type().getSimpleName() + "/help.html");
        } else {
            md.append(help).append("\n\n");
        }
        md.append("| Parameter | Type | | What it is |\n|---|---|---|---|\n");
        List<Map.Entry<String, Class<?>>> ordered = new ArrayList<>();
        d.parameters().entrySet().stream().filter(e -> d.required().containsKey(e.getKey())).forEach(ordered::add);
        d.parameters().entrySet().stream().filter(e -> !d.required().containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).forEach(ordered::add);
        for (Map.Entry<String, Class<?>> p : ordered) {
            String text = help(d.type(), "help-" + p.getKey() + ".html");
            if (text == null) {
                missingHelp.add(d.type().getSimpleName() + "/help-" + p.getKey() + ".html");
                text = "";
            }
            md.append("| `").append(p.getKey()).append("` | ").append(p.getValue().getSimpleName()).append(" | ")
                    .append(d.required().containsKey(p.getKey()) ? "required" : "").append(" | ")
                    .append(text.replace("|", "\\|")).append(" |\n");
        }
        if (!wrapper.isEmpty()) {
            md.append("\nUse: `withCredentials([").append(d.name()).append("(")
                    .append(String.join(", ", d.required().keySet().stream().map(k -> k + ": '…'").toList()))
                    .append(")]) { sh 'kubectl get nodes' }`\n");
        }
    }

    /**
     * The help file as Markdown: its text as paragraphs, a {@code <pre>} example as a fenced block (in a table cell,
     * where no block fits, as inline code); null when there is none.
     */
    static String help(Class<?> type, String file) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + file)) {
            if (in == null) {
                return null;
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean cell = !file.equals("help.html");
            StringBuilder out = new StringBuilder();
            Matcher pre = PRE.matcher(html);
            int at = 0;
            while (pre.find()) {
                out.append(text(html.substring(at, pre.start())).strip());
                String code = unescape(pre.group(1).replaceAll("(?s)<[^>]+>", "")).strip();
                out.append(cell ? " `" + code.replaceAll("\\s+", " ") + "` " : "\n\n```groovy\n" + code + "\n```\n\n");
                at = pre.end();
            }
            out.append(text(html.substring(at)).strip());
            return out.toString().strip().replaceAll("\n{3,}", "\n\n").replaceAll("(?m)^ +| +$", "");
        }
    }

    private static final Pattern PRE = Pattern.compile("(?s)<pre>(.*?)</pre>");

    private static String text(String html) {
        return unescape(html.replaceAll("(?s)</?code>", "`").replaceAll("(?s)</?(em|i)>", "*").replaceAll("(?s)</?(strong|b)>", "**")
                .replaceAll("(?s)<[^>]+>", " ")).replaceAll("\\s+", " ");
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}

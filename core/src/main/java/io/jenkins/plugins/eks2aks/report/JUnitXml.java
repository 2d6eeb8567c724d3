package io.jenkins.plugins.eks2aks.report;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * The one JUnit XML writer of every gate (preflight, storage and restore verification, traffic health gates), so
 * Jenkins' {@code junit} step shows each check as a test. Written through the JDK's XML stream writer, which
 * escapes markup; characters XML 1.0 cannot carry at all (most control characters, which an object name may
 * hold) become {@code ?}.
 */
public final class JUnitXml {

    /** How one check ended. */
    public sealed interface Outcome permits Passed, Failed, Skipped {
    }

    /** A passed check; {@code output}, when not null, says how it passed (as {@code system-out}). */
    public record Passed(String output) implements Outcome {
    }

    /** A failed check: {@code message} is the one-line detail, {@code type} and {@code text} (the fix) may be null. */
    public record Failed(String message, String type, String text) implements Outcome {
    }

    public record Skipped(String message) implements Outcome {
    }

    public record TestCase(String className, String name, Outcome outcome) {

        public static TestCase passed(String className, String name) {
            return new TestCase(className, name, new Passed(null));
        }
    }

    private JUnitXml() {
    }

    /** One {@code testsuite} with its counts taken from the cases; {@code seconds} is the suite's duration. */
    public static String render(String suite, double seconds, List<TestCase> cases) {
        StringWriter out = new StringWriter(256 + cases.size() * 160);
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", xml(suite));
            x.writeAttribute("tests", Integer.toString(cases.size()));
            x.writeAttribute("failures", Long.toString(cases.stream().filter(c -> c.outcome() instanceof Failed).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> c.outcome() instanceof Skipped).count()));
            x.writeAttribute("time", seconds == 0 ? "0" : String.format(Locale.ROOT, "%.3f", seconds));
            for (TestCase c : cases) {
                testCase(x, c);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void testCase(XMLStreamWriter x, TestCase c) throws XMLStreamException {
        x.writeCharacters("\n  ");
        boolean empty = c.outcome() instanceof Passed p && p.output() == null;
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", xml(c.className()));
        x.writeAttribute("name", xml(c.name()));
        x.writeAttribute("time", "0");
        if (empty) {
            return;
        }
        x.writeCharacters("\n    ");
        if (c.outcome() instanceof Passed p) {
            element(x, "system-out", p.output());
        } else if (c.outcome() instanceof Failed f) {
            if (f.text() == null) {
                x.writeEmptyElement("failure");
            } else {
                x.writeStartElement("failure");
            }
            x.writeAttribute("message", xml(f.message()));
            if (f.type() != null) {
                x.writeAttribute("type", xml(f.type()));
            }
            if (f.text() != null) {
                x.writeCharacters(xml(f.text()));
                x.writeEndElement();
            }
        } else if (c.outcome() instanceof Skipped s) {
            x.writeEmptyElement("skipped");
            x.writeAttribute("message", xml(s.message()));
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xml(text));
        x.writeEndElement();
    }

    /** {@code text} with the characters XML 1.0 cannot hold replaced; the stream writer escapes the rest. */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean invalid = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
            if (invalid && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(invalid ? '?' : c);
            }
        }
        return out == null ? text : out.toString();
    }
}

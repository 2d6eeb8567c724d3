package io.jenkins.plugins.eks2aks.report;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JUnitXmlTest {

    private static final String NASTY = "a<b>&\"c\" 'd' \u0001e";

    @Test
    void anyTextSurvivesAnXmlParserAndTheCountsComeFromTheCases() throws Exception {
        String xml = JUnitXml.render("suite " + NASTY, 1.5, List.of(
                JUnitXml.TestCase.passed("k", "plain"),
                new JUnitXml.TestCase("k" + NASTY, "with output", new JUnitXml.Passed(NASTY)),
                new JUnitXml.TestCase("k", "failed", new JUnitXml.Failed(NASTY, "T", "fix " + NASTY)),
                new JUnitXml.TestCase("k", "failed bare", new JUnitXml.Failed(NASTY, null, null)),
                new JUnitXml.TestCase("k", "skipped", new JUnitXml.Skipped(NASTY))));

        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        String kept = "a<b>&\"c\" 'd' ?e";
        assertEquals("suite " + kept, suite.getAttribute("name"));
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("1.500", suite.getAttribute("time"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals("k" + kept, ((Element) cases.item(1)).getAttribute("classname"));
        assertEquals(kept, cases.item(1).getTextContent().strip());
        Element failure = (Element) ((Element) cases.item(2)).getElementsByTagName("failure").item(0);
        assertEquals(kept, failure.getAttribute("message"));
        assertEquals("T", failure.getAttribute("type"));
        assertEquals("fix " + kept, failure.getTextContent());
        assertEquals(kept, ((Element) ((Element) cases.item(4)).getElementsByTagName("skipped").item(0)).getAttribute("message"));
    }
}

package org.aibase.validator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Declarative Services component descriptions ({@code OSGI-INF/*.xml}) with the JDK's parser,
 * hardened for untrusted input: no DTDs, no external entities, no XInclude.
 */
final class ComponentDescriptions {

    /**
     * A component, as far as the plugin rules need it.
     *
     * @param name the component's name (also its configuration PID unless it names one)
     * @param configurationPolicy {@code optional} (the default), {@code require} or {@code ignore}
     * @param configurationPids the PIDs its {@code configuration-pid} attribute names ({@code $} read as
     *        the name); empty when it has no such attribute
     * @param references its service references
     * @param properties its properties by name, each with its values
     * @param implementation the class that implements it, e.g. {@code org.example.Greeting}; empty when not named
     * @param provides the interfaces of the service it registers; empty when it registers none
     */
    record Component(String name, String configurationPolicy, List<String> configurationPids,
            List<Reference> references, Map<String, List<String>> properties, String implementation, List<String> provides) {
    }

    /**
     * A service reference of a component.
     *
     * @param name the reference's name
     * @param service the interface it references
     */
    record Reference(String name, String service) {
    }

    private ComponentDescriptions() {
    }

    /** Every component of the document. */
    static List<Component> read(byte[] xml) throws IOException {
        NodeList elements = parse(xml).getElementsByTagNameNS("*", "component");
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            components.add(component((Element) elements.item(i)));
        }
        return components;
    }

    private static Component component(Element component) {
        String name = component.getAttribute("name");
        String policy = component.hasAttribute("configuration-policy") ? component.getAttribute("configuration-policy") : "optional";
        // DS 1.3: several PIDs separated by spaces, "$" standing for the component's name
        List<String> pids = component.hasAttribute("configuration-pid")
                ? Arrays.stream(component.getAttribute("configuration-pid").trim().split("\\s+"))
                        .filter(pid -> !pid.isEmpty()).map(pid -> pid.equals("$") ? name : pid).toList()
                : List.of();
        List<Reference> references = new ArrayList<>();
        for (Element reference : children(component, "reference")) {
            references.add(new Reference(reference.getAttribute("name"), reference.getAttribute("interface").trim()));
        }
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Element property : children(component, "property")) {
            properties.computeIfAbsent(property.getAttribute("name"), k -> new ArrayList<>()).addAll(values(property));
        }
        String implementation = children(component, "implementation").stream().map(e -> e.getAttribute("class").trim())
                .findFirst().orElse("");
        List<String> provides = children(component, "provide").stream().map(e -> e.getAttribute("interface").trim()).toList();
        return new Component(name, policy, pids, List.copyOf(references), Map.copyOf(properties), implementation, provides);
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<String> values(Element property) {
        if (property.hasAttribute("value")) {
            return List.of(property.getAttribute("value").trim());
        }
        // a multi-valued property lists one value per line of its text
        return property.getTextContent().lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static org.w3c.dom.Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new Strict()); // the default handler prints to stderr
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        } catch (SAXException e) {
            throw new IOException("is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Fails on every problem instead of printing it. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a description unusable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}

package org.aibase.validator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
     * A property of a component.
     *
     * @param component the component's name
     * @param values its values ({@code value} attribute, or one per line of the element's text)
     */
    record Property(String component, List<String> values) {
    }

    private ComponentDescriptions() {
    }

    /** Every property with the given name, of every component in the document. */
    static List<Property> properties(byte[] xml, String name) throws IOException {
        NodeList components = parse(xml).getElementsByTagNameNS("*", "component");
        List<Property> found = new ArrayList<>();
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            NodeList properties = component.getElementsByTagNameNS("*", "property");
            for (int j = 0; j < properties.getLength(); j++) {
                Element property = (Element) properties.item(j);
                if (name.equals(property.getAttribute("name"))) {
                    found.add(new Property(component.getAttribute("name"), values(property)));
                }
            }
        }
        return found;
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

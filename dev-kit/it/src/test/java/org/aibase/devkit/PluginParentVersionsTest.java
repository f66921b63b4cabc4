package org.aibase.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * aibase-plugin-parent has no parent (nothing of the platform's build reaches a plugin), so it spells
 * its versions itself: each must be the one the platform's own build uses, and its platform version
 * the project's.
 */
class PluginParentVersionsTest {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Test
    void everyVersionThePluginParentPinsIsTheBuildsOwn() throws Exception {
        Document root = read(Path.of("../../pom.xml"));
        Document parent = read(Path.of("../plugin-parent/pom.xml"));
        Map<String, String> platform = managedVersions(root);
        Map<String, String> plugin = managedVersions(parent);
        String projectVersion = text(root.getDocumentElement(), "version");

        assertEquals(projectVersion, text(parent.getDocumentElement(), "version"));
        assertEquals(projectVersion, properties(parent).get("aibase.version"));
        int compared = 0;
        for (Map.Entry<String, String> pinned : plugin.entrySet()) {
            String ours = platform.get(pinned.getKey());
            if (pinned.getKey().startsWith("org.aibase:")) {
                assertEquals(projectVersion, pinned.getValue(), pinned.getKey());
            } else if (ours != null) {
                assertEquals(ours, pinned.getValue(), pinned.getKey() + " in aibase-plugin-parent");
                compared++;
            }
        }
        assertTrue(compared >= 15, "only " + compared + " versions compared: " + plugin);
    }

    /** groupId:artifactId to version, of dependencyManagement and pluginManagement, properties filled in. */
    private static Map<String, String> managedVersions(Document pom) {
        Map<String, String> properties = properties(pom);
        properties.put("project.version", text(pom.getDocumentElement(), "version"));
        Map<String, String> versions = new TreeMap<>();
        for (String kind : new String[] {"dependency", "plugin"}) {
            NodeList nodes = pom.getElementsByTagName(kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element node = (Element) nodes.item(i);
                String version = text(node, "version");
                if (version != null) {
                    String group = text(node, "groupId");
                    versions.put((group == null ? "org.apache.maven.plugins" : group) + ":" + text(node, "artifactId"),
                            fill(version, properties));
                }
            }
        }
        return versions;
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new HashMap<>();
        NodeList sections = pom.getElementsByTagName("properties");
        for (int s = 0; s < sections.getLength(); s++) {
            if (sections.item(s).getParentNode() == pom.getDocumentElement()) {
                NodeList children = sections.item(s).getChildNodes();
                for (int i = 0; i < children.getLength(); i++) {
                    if (children.item(i).getNodeType() == Node.ELEMENT_NODE) {
                        properties.put(children.item(i).getNodeName(), children.item(i).getTextContent().strip());
                    }
                }
            }
        }
        return properties;
    }

    private static String fill(String value, Map<String, String> properties) {
        Matcher m = PROPERTY.matcher(value);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
        }
        return m.appendTail(filled).toString();
    }

    /** The text of a direct child element, or null. */
    private static String text(Element element, String child) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node.getNodeType() == Node.ELEMENT_NODE && node.getNodeName().equals(child)) {
                return node.getTextContent().strip();
            }
        }
        return null;
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }
}

package org.aibase.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.validator.internal.bytecode.PluginClass;
import org.aibase.validator.internal.bytecode.PluginClassReader;
import org.junit.jupiter.api.Test;

/** DS 1.4's mapping from typed configuration elements to property names (Compendium 112.8.2.1). */
class PropertyNamesTest {

    @Test
    void mapsEscapesInElementNames() {
        assertEquals("myProperty143", PropertyNames.fromElement("myProperty143"));
        assertEquals("new", PropertyNames.fromElement("$new"));
        assertEquals("my$prop", PropertyNames.fromElement("my$$prop"));
        assertEquals("dot.prop", PropertyNames.fromElement("dot_prop"));
        assertEquals("_secret", PropertyNames.fromElement("__secret"));
        assertEquals("another_prop", PropertyNames.fromElement("another__prop"));
        assertEquals("three_.prop", PropertyNames.fromElement("three___prop"));
        assertEquals("four._prop", PropertyNames.fromElement("four_$__prop"));
        assertEquals("five..prop", PropertyNames.fromElement("five_$_prop"));
        assertEquals("six-prop", PropertyNames.fromElement("six$_$prop"));
        assertEquals("seven$.prop", PropertyNames.fromElement("seven$$_$prop"));
    }

    @Test
    void invertsTheMappingForTheFixItSuggests() {
        for (String property : new String[] {"neutral.band", "max_rows", "label-text", "a$b", "plain"}) {
            assertEquals(property, PropertyNames.fromElement(PropertyNames.element(property)), property);
        }
    }

    @Test
    void namesASingleElementAnnotationsValueAfterItsType() throws IOException {
        assertEquals("max.rows", PropertyNames.fromTypeName("MaxRows"));
        assertEquals("server.port", PropertyNames.fromTypeName("ServerPort"));
        assertEquals("url", PropertyNames.fromTypeName("URL"));
        // the platform's own component property type: its value lands in aibase.plugin.endpoint
        try (InputStream in = PluginEndpoint.class.getResourceAsStream("PluginEndpoint.class")) {
            PluginClass endpoint = PluginClassReader.read("PluginEndpoint.class", in.readAllBytes());
            assertEquals(PluginEndpoint.PROPERTY, PropertyNames.property(endpoint, "value"));
        }
    }
}

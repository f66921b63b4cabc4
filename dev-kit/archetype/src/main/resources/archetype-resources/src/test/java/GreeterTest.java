package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.aibase.api.http.HttpError;
import org.aibase.api.prompt.PromptTemplates;
import org.junit.jupiter.api.Test;

/** The plugin's logic without the platform: a unit test that constructs it directly. */
class GreeterTest {

    /** Renders "greeting" as the template does: "{salutation}, {name}!". */
    private static final PromptTemplates TEMPLATES = new PromptTemplates() {
        @Override
        public String render(String templateName, Map<String, Object> variables) {
            assertEquals(Greeter.TEMPLATE, templateName);
            return variables.get("salutation") + ", " + variables.get("name") + "!";
        }

        @Override
        public List<String> templates() {
            return List.of(Greeter.TEMPLATE);
        }
    };

    private final Greeter greeter = new Greeter(TEMPLATES, configuration("Hi", 10));

    @Test
    void greetsTheNameWithTheConfiguredSalutation() {
        assertEquals("Hi, Ada!", greeter.greet("  Ada "));
    }

    @Test
    void aBlankOrTooLongNameIsRefusedNamingTheField() {
        for (String name : new String[] {null, " ", "x".repeat(11)}) {
            HttpError error = assertThrows(HttpError.class, () -> greeter.greet(name));
            assertEquals(422, error.status());
            assertEquals("name", error.details().get("field"), error.details().toString());
        }
    }

    private static PluginConfiguration configuration(String salutation, int maxTextLength) {
        return new PluginConfiguration() {
            @Override
            public String salutation() {
                return salutation;
            }

            @Override
            public int max__text__length() {
                return maxTextLength;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return PluginConfiguration.class;
            }
        };
    }
}

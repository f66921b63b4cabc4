package org.aibase.llm.internal.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.prompt.PromptTemplateException;
import org.junit.jupiter.api.Test;

class PromptTemplatesTest {

    static final String SUMMARIZE = """
            name: summarize
            description: Summarises a text for a reader
            template: |
              Summarise {text} in at most {words} words for {audience}.
              Answer as JSON: {{"summary": "...", "tags": {tags}}}
            variables:
              - name: text
                type: string
                description: the text to summarise
              - name: words
                type: integer
                description: the length limit
              - name: audience
                type: string
                description: who reads it
              - name: tags
                type: array
                description: tags to choose from
            """;

    final BundlePromptTemplates templates = new BundlePromptTemplates(TemplateSet.parse(Map.of(
            "templates/summarize.yaml", SUMMARIZE,
            "templates/broken.yaml", "name: broken\ntemplate: Hello {who}\nvariables: []\n",
            "templates/typo.yaml", "name: typo\ntemplate: 'Hi {name'\nvariables: [{name: name, type: string}]\n",
            "templates/weird.yaml", "name: weird\ntemplate: '{n}'\nvariables: [{name: n, type: decimal}]\n"), "test"));

    @Test
    void rendersPlaceholdersAndLiteralBraces() {
        String prompt = templates.render("summarize", Map.of("text", "the report", "words", 50, "audience", "managers",
                "tags", List.of("finance", "q3")));

        assertEquals("Summarise the report in at most 50 words for managers.\n"
                + "Answer as JSON: {\"summary\": \"...\", \"tags\": [\"finance\",\"q3\"]}\n", prompt);
    }

    @Test
    void listsOnlyTheTemplatesThatParsed() {
        assertEquals(List.of("summarize"), templates.templates());
    }

    @Test
    void aMissingVariableIsNamed() {
        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> templates.render("summarize",
                Map.of("text", "t", "words", 5, "tags", List.of())));

        assertEquals("summarize", e.template());
        assertEquals(Optional.of("audience"), e.variable());
        assertTrue(e.getMessage().contains("'audience'"), e.getMessage());
    }

    @Test
    void aMistypedVariableIsNamedWithItsDeclaredType() {
        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> templates.render("summarize",
                Map.of("text", "t", "words", "fifty", "audience", "a", "tags", List.of())));

        assertEquals(Optional.of("words"), e.variable());
        assertTrue(e.getMessage().contains("must be integer, not String"), e.getMessage());
    }

    @Test
    void anUndeclaredVariableIsRefused() {
        PromptTemplateException e = assertThrows(PromptTemplateException.class, () -> templates.render("summarize",
                Map.of("text", "t", "words", 5, "audience", "a", "tags", List.of(), "tone", "dry")));

        assertEquals(Optional.of("tone"), e.variable());
    }

    @Test
    void everyTypeAcceptsItsValuesOnly() {
        assertTrue(VariableType.INTEGER.accepts(5L));
        assertTrue(!VariableType.INTEGER.accepts(5.0));
        assertTrue(VariableType.NUMBER.accepts(5.5));
        assertTrue(VariableType.BOOLEAN.accepts(true));
        assertTrue(VariableType.OBJECT.accepts(Map.of("a", 1)));
        assertTrue(!VariableType.OBJECT.accepts(List.of()));
        assertTrue(VariableType.ARRAY.accepts(new int[] {1}));
        assertTrue(!VariableType.STRING.accepts(1));
        assertEquals("{\"a\":1}", VariableType.OBJECT.write(Map.of("a", 1)));
    }

    @Test
    void aPlaceholderItsVariablesDoNotDeclareIsReportedWhenRendered() {
        PromptTemplateException e = assertThrows(PromptTemplateException.class,
                () -> templates.render("broken", Map.of("who", "x")));

        assertEquals(Optional.of("who"), e.variable());
        assertTrue(e.getMessage().contains("template 'broken' uses {who}"), e.getMessage());
    }

    @Test
    void anUnpairedBraceAndAnUnknownTypeAreReportedNamingTheTemplate() {
        PromptTemplateException brace = assertThrows(PromptTemplateException.class,
                () -> templates.render("typo", Map.of()));
        assertTrue(brace.getMessage().contains("template 'typo' has an unpaired '{'"), brace.getMessage());

        PromptTemplateException type = assertThrows(PromptTemplateException.class,
                () -> templates.render("weird", Map.of()));
        assertTrue(type.getMessage().contains("type 'decimal' is not one of integer, number, string, boolean, "
                + "object, array"), type.getMessage());
    }

    @Test
    void anUnknownTemplateNamesTheAvailableOnes() {
        PromptTemplateException e = assertThrows(PromptTemplateException.class,
                () -> templates.render("translate", Map.of()));

        assertTrue(e.getMessage().contains("no template 'translate'") && e.getMessage().contains("[summarize]"),
                e.getMessage());
    }

    @Test
    void yamlThatIsNotAMappingIsReportedWithItsFile() {
        TemplateSet set = TemplateSet.parse(Map.of("templates/list.yaml", "- a\n- b\n",
                "templates/bad.yaml", "name: [unclosed\n"), "test");

        assertTrue(assertThrows(PromptTemplateException.class, () -> set.render("list", Map.of())).getMessage()
                .contains("templates/list.yaml must be a mapping"));
        assertTrue(assertThrows(PromptTemplateException.class, () -> set.render("bad", Map.of())).getMessage()
                .contains("templates/bad.yaml is not valid YAML"));
    }
}

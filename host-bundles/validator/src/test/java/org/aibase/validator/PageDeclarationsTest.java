package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.aibase.api.plugin.PluginPage;
import org.junit.jupiter.api.Test;

/** {@code ui:} in plugin.yaml: pages read into the descriptor, and each that the home page could not link to refused. */
class PageDeclarationsTest extends RuleTestSupport {

    private static final String HTTP = BASE + "permissions: [http]\n";
    private static final String PATH_FORM = "/ui/ (the folder's index.html) or /ui/<name>.html, in lower case";

    private static TestJar withPages(String yaml) {
        return TestJar.validPlugin().entry("plugin.yaml", yaml).entry("ui/index.html", "<html></html>")
                .entry("ui/reports/weekly.html", "<html></html>");
    }

    @Test
    void readsPagesInOrder() throws IOException {
        ValidationReport report = validate(withPages(HTTP + """
                ui:
                  - path: /ui/
                    title: Greetings
                    description: Says hello
                  - {path: /ui/reports/weekly.html, title: Weekly report}
                """));
        assertTrue(report.valid(), report.toString());
        assertEquals(List.of(new PluginPage("/ui/", "Greetings", "Says hello"),
                new PluginPage("/ui/reports/weekly.html", "Weekly report", "")), report.descriptor().orElseThrow().pages());
    }

    @Test
    void refusesAPathOutsideTheUiFolderOrNotAPage() throws IOException {
        for (String path : List.of("/api/", "/ui", "ui/", "/ui/../plugin.yaml", "/ui/app.js", "/ui/Index.html", "//evil.example/")) {
            assertOnlyError(validate(withPages(HTTP + "ui: [{path: '" + path + "', title: Page}]\n")), "plugin.yaml/ui[0].path",
                    "'" + path + "' is not a page path", PATH_FORM);
        }
    }

    @Test
    void refusesAPageThatIsNotInTheJarOrDeclaredTwice() throws IOException {
        assertOnlyError(validate(withPages(HTTP + "ui: [{path: /ui/missing.html, title: Page}]\n")), "plugin.yaml/ui[0].path",
                "names ui/missing.html, which is not in the JAR", "a file of the JAR's ui/ folder");
        assertOnlyError(validate(TestJar.validPlugin().entry("plugin.yaml", HTTP + "ui: [{path: /ui/, title: Page}]\n")),
                "plugin.yaml/ui[0].path", "names ui/index.html, which is not in the JAR", "a file of the JAR's ui/ folder");
        assertOnlyError(validate(withPages(HTTP + "ui: [{path: /ui/, title: A}, {path: /ui/, title: B}]\n")),
                "plugin.yaml/ui[1].path", "'/ui/' is declared twice", "each page once");
    }

    @Test
    void refusesPagesWithoutHttpAndTitlesThatAreTooLong() throws IOException {
        assertOnlyError(validate(TestJar.plugin(BASE + "ui: [{path: /ui/, title: Page}]\n").entry("ui/index.html", "<html/>")),
                "plugin.yaml/ui",
                "declares pages, but the plugin does not ask for the http permission that serves them",
                "add http to permissions, or remove ui");
        assertOnlyError(validate(withPages(HTTP + "ui: [{path: /ui/, title: '" + "x".repeat(81) + "'}]\n")),
                "plugin.yaml/ui[0].title", "must be 1 to 80 characters", "a short name such as Sales analytics");
    }

    @Test
    void refusesPagesOfTheWrongShape() throws IOException {
        String shape = "a list of mappings such as {path: /ui/, title: My page, description: ...}";
        assertOnlyError(validate(withPages(HTTP + "ui: /ui/\n")), "plugin.yaml/ui", "is text, not a list", shape);
        assertOnlyError(validate(withPages(HTTP + "ui: [/ui/]\n")), "plugin.yaml/ui", "element 1 is text, not a mapping", shape);
        assertOnlyError(validate(withPages(HTTP + "ui: [{title: Page}]\n")), "plugin.yaml/ui[0].path", "is missing",
                "the page below the plugin's URL, e.g. /ui/");
        assertOnlyError(validate(withPages(HTTP + "ui: [{path: /ui/}]\n")), "plugin.yaml/ui[0].title", "is missing",
                "what the home page calls the page, e.g. Sales analytics");
    }
}

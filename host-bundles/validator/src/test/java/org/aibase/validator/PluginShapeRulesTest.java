package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What would make a plugin serve or read nothing without a word at run time: resources without
 * {@code http}, {@code http} without resources, typed configuration elements that DS reads under
 * another name than the declared default; and mapping files the persistence provider reads by itself.
 */
class PluginShapeRulesTest extends RuleTestSupport {

    private static final String XML = "OSGI-INF/org.example.Tuned.xml";

    @TempDir
    static Path compiled;

    private static CompiledClasses classes;

    @BeforeAll
    static void compile() throws IOException {
        classes = CompiledClasses.compile(compiled, Map.of(
                "org.example.Tuning", """
                        package org.example;
                        @interface Tuning {
                            double neutral_band() default 0.1;
                            int max__rows() default 10;
                            String mode() default "fast";
                            String label$_$text() default "";
                        }
                        """,
                "org.example.MaxRows", """
                        package org.example;
                        @interface MaxRows {
                            String PREFIX_ = "rows.";
                            int value() default 3;
                        }
                        """,
                "org.example.Tuned", """
                        package org.example;
                        public class Tuned {
                            public Tuned(Tuning tuning) {
                            }
                            void modified(MaxRows rows) {
                            }
                        }
                        """));
    }

    @Test
    void refusesAResourceWithoutTheHttpPermission() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().entry("plugin.yaml", BASE));

        assertOnlyError(report, TestJar.ENDPOINT, "component org.example.Greeting is a @PluginEndpoint resource, but the plugin "
                + "does not ask for the 'http' permission: it would never be served", "'http' in plugin.yaml's permissions");
    }

    @Test
    void warnsOfHttpWithoutAResource() throws IOException {
        ValidationReport report = validate(TestJar.plugin(BASE + "permissions: [http]\n"));

        assertTrue(report.valid(), report.summary());
        assertEquals(List.of(Finding.warning("plugin.yaml/permissions", "'http' is asked for, but no component is a "
                + "@PluginEndpoint resource: nothing is served", "a @PluginEndpoint component, or no 'http'")), report.findings());
    }

    @Test
    void refusesADefaultKeyTheTypedConfigurationReadsUnderAnotherName() throws IOException {
        ValidationReport report = validate(tuned("defaults:\n  neutral_band: 0.2\n  max_rows: 5\n  mode: slow\n  label-text: x\n"));

        assertOnlyError(report, "org/example/Tuning.class", "typed configuration org.example.Tuning: DS reads neutral_band() from "
                + "the property 'neutral.band', but plugin.yaml's defaults declare 'neutral_band', so neither that default nor the "
                + "operator's value reaches it", "name the element neutral__band() ('__' reads as '_', '_' as '.', '$_$' as '-'), "
                + "or declare the key as 'neutral.band'");
    }

    @Test
    void namesASingleElementAnnotationsValueAfterItsTypeAndPrefix() throws IOException {
        assertTrue(validate(tuned("defaults:\n  rows.max.rows: 5\n  neutral.band: 0.2\n")).valid());

        assertOnlyError(validate(tuned("defaults:\n  rows_max_rows: 5\n")), "org/example/MaxRows.class", "typed configuration "
                + "org.example.MaxRows: DS reads value() from the property 'rows.max.rows', but plugin.yaml's defaults declare "
                + "'rows_max_rows', so neither that default nor the operator's value reaches it", "declare the key as 'rows.max.rows'");
    }

    @Test
    void refusesMappingFilesOfTheProvidersOwn() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().entry("META-INF/orm.xml", "<entity-mappings/>"));

        assertOnlyError(report, "META-INF/orm.xml", "is a JPA mapping file the persistence provider reads by itself; it can "
                + "declare native SQL and mappings the verification does not see", "annotations on the plugin's @Entity classes");
    }

    private static TestJar tuned(String defaults) {
        TestJar jar = TestJar.plugin(BASE + defaults).header("Service-Component", XML).entry(XML, """
                <?xml version="1.0" encoding="UTF-8"?>
                <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.Tuned"
                    configuration-pid="aibase.plugin.hello" modified="modified" init="1">
                  <implementation class="org.example.Tuned"/>
                </scr:component>
                """);
        classes.addTo(jar, "org.example.Tuning");
        classes.addTo(jar, "org.example.MaxRows");
        return classes.addTo(jar, "org.example.Tuned");
    }
}

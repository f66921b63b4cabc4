package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.apache.felix.inventory.Format;
import org.junit.jupiter.api.Test;

class MaskedPrinterTest {

    private static final SecretNames SECRETS = new SecretNames(Set.of("admin.keys", "password"));

    @Test
    void theTextFormMasksDeclaredAndSecretLookingProperties() {
        String printed = """
                26=[org.aibase.rest.internal.AuthSettings]
                  Reference=gatekeeper, Satisfied
                    Service Name: org.aibase.rest.internal.Gatekeeper
                  Properties=
                    admin.keys=[adm-1111, adm-2222]
                    component.id=26
                    api.key=sk-3333
                    password=pw=with=equals
                    my_api_token=tok-4444
                    session.idle.minutes=480
                """;
        String masked = MaskedPrinter.mask(printed, Format.TEXT, SECRETS);
        for (String secret : new String[] { "adm-1111", "adm-2222", "sk-3333", "pw=with", "tok-4444" }) {
            assertFalse(masked.contains(secret), secret + " in\n" + masked);
        }
        assertTrue(masked.contains("    admin.keys=********\n"), masked);
        assertTrue(masked.contains("    api.key=********\n"), "a name that says 'key' is masked without a metatype");
        assertTrue(masked.contains("    session.idle.minutes=480\n"), "other properties stay");
        assertTrue(masked.contains("    component.id=26\n"));
        assertTrue(masked.contains("    Service Name: org.aibase.rest.internal.Gatekeeper\n"));
        assertEquals(printed.lines().count(), masked.lines().count());
    }

    @Test
    void theConfigurationsFormIsMaskedToo() {
        String printed = """
                PID = aibase.plugin.hostile
                  BundleLocation = file:///home/deploy/hostile.jar
                  api_key = operator-secret-4711
                  max_items = 10

                PID = org.aibase.rest.auth
                  admin.keys = ********
                """;
        String masked = MaskedPrinter.mask(printed, Format.TEXT, SECRETS);
        assertFalse(masked.contains("operator-secret-4711"), masked);
        assertTrue(masked.contains("  api_key = ********\n") && masked.contains("  max_items = 10\n"), masked);
        assertTrue(masked.contains("PID = aibase.plugin.hostile\n"), "no indentation: a heading, not a property");
    }

    @Test
    void theJsonFormMasksPropertyStrings() {
        String printed = "{\"components\":[{\"props\":[{\"key\":\"Properties\",\"value\":[\"admin.keys = ********\","
                + "\"api.key = sk-\\\"quoted\\\" 3333\",\"component.id = 26\",\"name = openai\"]}]}]}";
        String masked = MaskedPrinter.mask(printed, Format.JSON, SECRETS);
        assertFalse(masked.contains("3333"), masked);
        assertTrue(masked.contains("\"api.key = ********\""), masked);
        assertTrue(masked.contains("\"component.id = 26\"") && masked.contains("\"name = openai\""), masked);
        assertTrue(masked.contains("\"key\":\"Properties\""), "JSON keys are no properties");
    }
}

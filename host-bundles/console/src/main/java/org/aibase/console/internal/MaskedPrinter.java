package org.aibase.console.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.inventory.Format;
import org.apache.felix.inventory.InventoryPrinter;

/**
 * One of Felix's status printers that list configuration values, with every secret value masked:
 * the Web Console's "Configurations" (masks only metatype {@code PASSWORD} attributes, and a plugin's
 * configuration has no metatype) and the DS plugin's "Declarative Services Components" (lists each
 * component's properties, which DS fills from its configuration, in clear in its text form).
 * {@link FelixPrinterHiding} keeps Felix's printer from every other bundle, and {@link MaskedPrinters}
 * registers this one in its place under the same name.
 */
final class MaskedPrinter implements InventoryPrinter {

    private static final String CONFIGURATIONS = "Configurations";
    private static final String COMPONENTS = "scr";
    /** The names of the printers that are masked. */
    static final Set<String> NAMES = Set.of(CONFIGURATIONS, COMPONENTS);
    /** Marks a masking printer apart from Felix's. */
    static final String MASKED = "aibase.secrets.masked";
    /** Felix's printers of those names. */
    static final String FELIX_PRINTERS = "(&(|(" + InventoryPrinter.NAME + "=" + CONFIGURATIONS + ")(" + InventoryPrinter.NAME
            + "=" + COMPONENTS + "))(!(" + MASKED + "=true)))";
    static final String MASK = "********";

    /** A property line of the text forms: indentation, name, '=' (DS) or ' = ' (Configurations), value. */
    private static final Pattern TEXT_PROPERTY = Pattern.compile("(?m)^( {2,})([^\\s=:(][^=:(\\r\\n]*?)( ?= ?).*$");
    /** A property of the JSON form: a string "name = value". */
    private static final Pattern JSON_PROPERTY = Pattern.compile("\"([^\"\\\\\\s=][^\"\\\\=]*?) = (?:[^\"\\\\]|\\\\.)*\"");

    private final InventoryPrinter felixPrinter;
    private final Supplier<SecretNames> secrets;

    MaskedPrinter(InventoryPrinter felixPrinter, Supplier<SecretNames> secrets) {
        this.felixPrinter = felixPrinter;
        this.secrets = secrets;
    }

    @Override
    public void print(PrintWriter out, Format format, boolean isZip) {
        StringWriter printed = new StringWriter();
        try (PrintWriter buffer = new PrintWriter(printed)) {
            felixPrinter.print(buffer, format, isZip);
        }
        out.print(mask(printed.toString(), format, secrets.get()));
    }

    /** The printed text with the value of every secret property replaced by {@value #MASK}. */
    static String mask(String printed, Format format, SecretNames secrets) {
        boolean json = Format.JSON.equals(format);
        Matcher property = (json ? JSON_PROPERTY : TEXT_PROPERTY).matcher(printed);
        StringBuilder masked = new StringBuilder(printed.length());
        while (property.find()) {
            String name = json ? property.group(1) : property.group(2);
            String replacement = !secrets.isSecret(name.strip()) ? property.group()
                    : json ? "\"" + name + " = " + MASK + "\"" : property.group(1) + name + property.group(3) + MASK;
            property.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        property.appendTail(masked);
        return masked.toString();
    }
}

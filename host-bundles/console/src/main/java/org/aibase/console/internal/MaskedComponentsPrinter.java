package org.aibase.console.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.inventory.Format;
import org.apache.felix.inventory.InventoryPrinter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The Web Console's "Declarative Services Components" status printer, with every secret value
 * masked. Felix's printer (of {@code org.apache.felix.webconsole.plugins.ds}) lists each component's
 * properties, which DS fills from its configuration, in clear in its text form; its JSON form masks
 * only metatype {@code PASSWORD} attributes. {@link FelixComponentsPrinterHiding} keeps Felix's from
 * every other bundle, so this one takes its place under the same name.
 */
@Component(service = InventoryPrinter.class, property = {
        InventoryPrinter.NAME + "=" + MaskedComponentsPrinter.NAME,
        InventoryPrinter.TITLE + "=Declarative Services Components",
        InventoryPrinter.FORMAT + "=TEXT", InventoryPrinter.FORMAT + "=JSON",
        MaskedComponentsPrinter.MASKED + ":Boolean=true" })
public final class MaskedComponentsPrinter implements InventoryPrinter {

    /** The name both printers have. */
    static final String NAME = "scr";
    /** Marks this printer apart from Felix's. */
    static final String MASKED = "aibase.secrets.masked";
    static final String MASK = "********";

    /** A property line of the text form: four spaces, name, '=', value. */
    private static final Pattern TEXT_PROPERTY = Pattern.compile("(?m)^( {4})([^\\s=][^=\\r\\n]*)=.*$");
    /** A property of the JSON form: a string "name = value". */
    private static final Pattern JSON_PROPERTY = Pattern.compile("\"([^\"\\\\\\s=][^\"\\\\=]*?) = (?:[^\"\\\\]|\\\\.)*\"");

    private final BundleContext context;
    private final InventoryPrinter felixPrinter;
    private final MetaTypeService metatype;

    @Activate
    public MaskedComponentsPrinter(BundleContext context,
            @Reference(target = "(&(" + InventoryPrinter.NAME + "=" + NAME + ")(!(" + MASKED + "=true)))")
            InventoryPrinter felixPrinter,
            @Reference MetaTypeService metatype) {
        this.context = context;
        this.felixPrinter = felixPrinter;
        this.metatype = metatype;
    }

    @Override
    public void print(PrintWriter out, Format format, boolean isZip) {
        StringWriter printed = new StringWriter();
        try (PrintWriter buffer = new PrintWriter(printed)) {
            felixPrinter.print(buffer, format, isZip);
        }
        out.print(mask(printed.toString(), format, SecretNames.declaredBy(metatype, context.getBundles())));
    }

    /** The printed text with the value of every secret property replaced by {@value #MASK}. */
    static String mask(String printed, Format format, SecretNames secrets) {
        boolean json = Format.JSON.equals(format);
        Matcher property = (json ? JSON_PROPERTY : TEXT_PROPERTY).matcher(printed);
        StringBuilder masked = new StringBuilder(printed.length());
        while (property.find()) {
            String name = json ? property.group(1) : property.group(2);
            String replacement = !secrets.isSecret(name.strip()) ? property.group()
                    : json ? "\"" + name + " = " + MASK + "\"" : property.group(1) + name + "=" + MASK;
            property.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        property.appendTail(masked);
        return masked.toString();
    }
}

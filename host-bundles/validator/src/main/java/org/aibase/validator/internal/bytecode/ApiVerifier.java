package org.aibase.validator.internal.bytecode;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.WiringGrants;
import org.aibase.validator.internal.bytecode.ApiRow.Verb;
import org.aibase.validator.internal.bytecode.Reference.Use;

/**
 * Verifies a confined plugin's classes against the {@link ApiTable}: every reference is resolved to
 * the class that declares the member — through the plugin's own classes and the JDK's — and refused
 * unless the table allows it. A library class is allowed when its package may be wired at the
 * plugin's level and no row refuses it. Native methods and finalizers the plugin declares are refused
 * too. One verifier serves one plugin; it remembers each decision, as classes repeat their references.
 */
public final class ApiVerifier {

    // what the persistence unit's JPQL validation refuses at run time (the JPA 2.0 grammar: SQL(), COLUMN(),
    // TABLE(), FUNC(), OPERATOR() and FUNCTION() call the database past the plugin's entities); a query
    // written as a constant is refused before it is installed
    private static final Pattern JPQL_FUNCTIONS = Pattern.compile("\\b(SQL|COLUMN|TABLE|FUNCTION|FUNC|OPERATOR)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private final ApiTable table;
    private final TypeHierarchy hierarchy;
    private final SecurityLevel level;
    private final Map<Reference, Optional<Refusal>> decided = new HashMap<>();

    /**
     * A verifier for the plugin made of these classes, confined at this level. A class the plugin
     * carries in a package of the JDK, or in one it may import at its level, is verified but not
     * trusted as its own: at run time the JDK's class of that name is loaded, or the exporter's when
     * the plugin imports the package.
     */
    public ApiVerifier(ApiTable table, Collection<PluginClass> classes, SecurityLevel level) {
        Map<String, TypeFacts> own = new HashMap<>();
        Set<String> packages = new HashSet<>();
        for (PluginClass type : classes) {
            String name = type.facts().name();
            String pkg = TypeHierarchy.packageOf(name);
            if (!TypeHierarchy.isJdk(name) && !WiringGrants.mayImport(level, pkg.replace('/', '.'))) {
                own.putIfAbsent(name, type.facts());
                packages.add(pkg);
            }
        }
        this.table = table;
        this.hierarchy = new TypeHierarchy(own, packages);
        this.level = level;
    }

    /** The refused uses in the class, each (site, API) once, in the order they occur. */
    public List<ApiUse> verify(PluginClass type) {
        String className = type.className();
        Set<ApiUse> uses = new LinkedHashSet<>();
        for (String method : type.nativeMethods()) {
            uses.add(new ApiUse(className, "", "declares native method " + method, table.family("native")));
        }
        if (type.finalizer()) {
            // finalizers run on the JVM's own finalizer thread, outside every limit
            uses.add(new ApiUse(className, "", "overrides finalize()", table.family("threads")));
        }
        for (Reference reference : type.references()) {
            decide(reference.anywhere()).ifPresent(r -> uses.add(new ApiUse(className,
                    PluginClassReader.site(reference.site()), r.what(), r.family())));
        }
        return List.copyOf(uses);
    }

    private Optional<Refusal> decide(Reference reference) {
        Optional<Refusal> known = decided.get(reference);
        if (known == null) {
            known = refusal(reference);
            decided.put(reference, known);
        }
        return known;
    }

    private Optional<Refusal> refusal(Reference reference) {
        String owner = reference.owner();
        String name = reference.name();
        return switch (reference.use()) {
            case BOOTSTRAP -> table.isBootstrap(owner, name) ? Optional.empty()
                    : Optional.of(new Refusal("uses invokedynamic bootstrap " + javaName(owner) + "." + name, table.family("reflection")));
            case EXTENDS -> wholeClass(owner, "extends ", false);
            case IMPLEMENTS -> wholeClass(owner, "implements ", false);
            case ANNOTATION -> wholeClass(owner, "uses @", false);
            case TYPE -> wholeClass(owner, "uses ", true);
            case LITERAL -> member(owner, "class", "", () -> "uses " + javaName(owner) + ".class");
            case ANNOTATION_ELEMENT -> member(owner, name, "", () -> "uses @" + javaName(owner) + "(" + name + ")");
            case QUERY -> query(name);
            case CALL, FIELD -> {
                String declaring = hierarchy.declaringClass(owner, name, reference.descriptor(), reference.use() == Use.FIELD);
                yield member(declaring, name, reference.descriptor(), () -> memberPhrase(reference, declaring));
            }
        };
    }

    private Optional<Refusal> query(String jpql) {
        Matcher function = JPQL_FUNCTIONS.matcher(jpql);
        if (!function.find()) {
            return Optional.empty();
        }
        String text = jpql.length() > 60 ? jpql.substring(0, 57) + "..." : jpql;
        return Optional.of(new Refusal("uses JPQL " + function.group(1).toUpperCase(Locale.ROOT) + "() in \"" + text + "\"",
                table.family("database")));
    }

    private Optional<Refusal> wholeClass(String owner, String verb, boolean asType) {
        if (hierarchy.isPlugin(owner)) {
            return Optional.empty();
        }
        String what = verb + javaName(owner);
        boolean jdk = TypeHierarchy.isJdk(owner);
        if (!jdk) {
            Optional<Refusal> unwired = unwired(owner, () -> what);
            if (unwired.isPresent()) {
                return unwired;
            }
        }
        Optional<ApiRow> row = table.decisiveForClass(owner);
        boolean refused = row.map(r -> r.verb() == Verb.REFUSE).orElse(jdk);
        // a class with some allowed member may be cast to, tested for and caught (Thread, Class)
        if (!refused || asType && table.allowsSomeMember(owner)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(what, row.map(ApiRow::family).orElse(table.family("unlisted"))));
    }

    // the phrase is made only for a refusal: most references are allowed
    private Optional<Refusal> member(String declaring, String name, String descriptor, Supplier<String> phrase) {
        if (hierarchy.isPlugin(declaring)) {
            return Optional.empty();
        }
        boolean jdk = TypeHierarchy.isJdk(declaring);
        if (!jdk) {
            Optional<Refusal> unwired = unwired(declaring, phrase);
            if (unwired.isPresent()) {
                return unwired;
            }
        }
        Optional<ApiRow> row = table.decisive(declaring, name, descriptor);
        if (row.map(r -> r.verb() == Verb.REFUSE).orElse(jdk)) {
            return Optional.of(new Refusal(phrase.get(), row.map(ApiRow::family).orElse(table.family("unlisted"))));
        }
        if (jdk && descriptor.startsWith("(")) {
            // a refusal of a method holds for the JDK's overrides of it
            for (String type : hierarchy.overridden(declaring, name, descriptor)) {
                Optional<ApiRow> overridden = table.decisive(type, name, descriptor);
                if (overridden.isPresent() && overridden.get().verb() == Verb.REFUSE && overridden.get().aboutMembers()) {
                    return Optional.of(new Refusal(phrase.get() + " (which overrides " + javaName(type) + "." + name + ")",
                            overridden.get().family()));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Refusal> unwired(String owner, Supplier<String> what) {
        String pkg = TypeHierarchy.packageOf(owner).replace('/', '.');
        if (WiringGrants.mayImport(level, pkg)) {
            return Optional.empty();
        }
        return Optional.of(new Refusal(what.get(), new ApiFamily("wiring", "belongs to package " + pkg + ", which "
                + WiringGrants.pluginOf(level) + " cannot wire to", String.join(", ", WiringGrants.allowed(level)) + " and java.*")));
    }

    private static String memberPhrase(Reference reference, String declaring) {
        String through = declaring.equals(reference.owner()) ? "" : " (through " + javaName(reference.owner()) + ")";
        if (reference.name().equals("<init>")) {
            return "uses new " + javaName(declaring) + PluginClassReader.method("", reference.descriptor());
        }
        return "uses " + javaName(declaring) + "." + reference.name() + through;
    }

    private static String javaName(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    /** Why a reference is refused: how it is used, and the family of the refusal. */
    private record Refusal(String what, ApiFamily family) {
    }
}

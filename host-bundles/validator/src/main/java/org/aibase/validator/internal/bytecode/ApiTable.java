package org.aibase.validator.internal.bytecode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aibase.validator.internal.bytecode.ApiRow.Scope;
import org.aibase.validator.internal.bytecode.ApiRow.Verb;

/**
 * The APIs a confined plugin's code may use: the rows of {@code allow-list.txt} beside this class,
 * whose header says how they read. The table is data; this class only finds the row that decides.
 */
public final class ApiTable {

    /** The table's resource, beside this class. */
    static final String RESOURCE = "allow-list.txt";

    private static final ApiTable STANDARD = read();

    private final Map<String, ApiFamily> families;
    private final List<ApiRow> rows;
    // the rows that cover a class, looked up once per class: a plugin refers to a few hundred
    private final Map<String, List<ApiRow>> covering = new ConcurrentHashMap<>();

    ApiTable(Map<String, ApiFamily> families, List<ApiRow> rows) {
        this.families = Map.copyOf(families);
        this.rows = List.copyOf(rows);
    }

    /** The platform's table. */
    public static ApiTable standard() {
        return STANDARD;
    }

    /** Every row, in the table's order. */
    public List<ApiRow> rows() {
        return rows;
    }

    /** The family of that name; the verifier's own refusals (unlisted APIs, native code) use these. */
    public ApiFamily family(String name) {
        ApiFamily family = families.get(name);
        if (family == null) {
            throw new IllegalStateException(RESOURCE + " has no family " + name);
        }
        return family;
    }

    /** The row that decides about a member of a class (internal name); empty when no row covers it. */
    public Optional<ApiRow> decisive(String owner, String member, String descriptor) {
        ApiRow best = null;
        for (ApiRow row : covering(owner)) {
            if (row.verb() != Verb.BOOTSTRAP && row.matchesMember(member, descriptor) && better(row, best, owner)) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The row that decides about a whole class, as a superclass or an annotation; member rows do not count. */
    public Optional<ApiRow> decisiveForClass(String owner) {
        ApiRow best = null;
        for (ApiRow row : covering(owner)) {
            if (row.verb() != Verb.BOOTSTRAP && !row.aboutMembers() && better(row, best, owner)) {
                best = row;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a row allows some member of exactly this class, which makes the class usable as a type. */
    public boolean allowsSomeMember(String owner) {
        return covering(owner).stream().anyMatch(r -> r.verb() == Verb.ALLOW && r.aboutMembers() && r.scope() == Scope.CLASS);
    }

    /** Whether the method may be named as an invokedynamic or constant-dynamic bootstrap. */
    public boolean isBootstrap(String owner, String name) {
        return covering(owner).stream().anyMatch(r -> r.verb() == Verb.BOOTSTRAP && r.matchesMember(name, "()"));
    }

    private List<ApiRow> covering(String owner) {
        return covering.computeIfAbsent(owner, o -> rows.stream().filter(r -> r.covers(o)).toList());
    }

    private static boolean better(ApiRow row, ApiRow best, String owner) {
        if (best == null) {
            return true;
        }
        int difference = row.specificity(owner) - best.specificity(owner);
        return difference > 0 || difference == 0 && row.verb() == Verb.REFUSE;
    }

    private static ApiTable read() {
        try (InputStream in = ApiTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the validator");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads the table's lines; a line it cannot read is a mistake in the table, reported with its number. */
    static ApiTable parse(List<String> lines) {
        Map<String, ApiFamily> families = new LinkedHashMap<>();
        List<ApiRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                String[] words = line.split("\\s+", 3);
                if (words[0].equals("family")) {
                    String[] text = words[2].split("\\|", 2);
                    families.put(words[1], new ApiFamily(words[1], text[0].strip(), text[1].strip()));
                } else {
                    rows.add(row(words, families));
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException(RESOURCE + " line " + (i + 1) + " cannot be read: " + line, e);
            }
        }
        return new ApiTable(families, rows);
    }

    private static ApiRow row(String[] words, Map<String, ApiFamily> families) {
        Verb verb = Verb.valueOf(words[0].toUpperCase(java.util.Locale.ROOT));
        ApiFamily family = null;
        if (verb == Verb.REFUSE) {
            family = families.get(words[2]);
            if (family == null) {
                throw new IllegalArgumentException("no family " + words[2] + " is declared above");
            }
        } else if (words.length > 2) {
            throw new IllegalArgumentException("only a refusal names a family");
        }
        String target = words[1];
        int separator = target.indexOf("::");
        String classes = separator < 0 ? target : target.substring(0, separator);
        String member = separator < 0 ? "" : target.substring(separator + 2);
        int parenthesis = member.indexOf('(');
        String parameters = parenthesis < 0 ? "" : member.substring(parenthesis);
        member = parenthesis < 0 ? member : member.substring(0, parenthesis);
        String internal = classes.replace('.', '/');
        if (internal.endsWith("/**")) {
            return new ApiRow(verb, Scope.TREE, internal.substring(0, internal.length() - 3), "", member, parameters, family, target);
        }
        if (internal.endsWith("/*")) {
            return new ApiRow(verb, Scope.PACKAGE, internal.substring(0, internal.length() - 2), "", member, parameters, family, target);
        }
        int slash = internal.lastIndexOf('/');
        String simple = internal.substring(slash + 1);
        return simple.contains("*")
                ? new ApiRow(verb, Scope.CLASS_PATTERN, internal.substring(0, slash), simple, member, parameters, family, target)
                : new ApiRow(verb, Scope.CLASS, internal.substring(0, slash), internal, member, parameters, family, target);
    }
}

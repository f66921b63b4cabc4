package org.aibase.validator.internal.bytecode;

import java.util.Objects;

/**
 * One row of the {@link ApiTable}: a verb, the classes and members it is about, and for a refusal its family.
 *
 * @param verb what the row says
 * @param scope how much of the class namespace the row covers
 * @param packageName the package in internal form, e.g. {@code java/util}
 * @param className for {@link Scope#CLASS}, the class's internal name; for {@link Scope#CLASS_PATTERN}, the
 *        pattern of the top-level class's simple name; empty otherwise
 * @param member the member pattern, {@code <init>} for constructors; empty for a row about whole classes
 * @param parameters a descriptor condition: {@code (Lx/Y;} for parameters starting so, {@code (*Lx/Y;} for a
 *        parameter of that type; empty for none
 * @param family for a refusal, why; {@code null} otherwise
 * @param text the row's target as written, for messages and tests
 */
public record ApiRow(Verb verb, Scope scope, String packageName, String className, String member, String parameters,
        ApiFamily family, String text) {

    /** What a row says. */
    public enum Verb {
        /** The target may be used. */
        ALLOW,
        /** The target may not be used. */
        REFUSE,
        /** The method may be named as an invokedynamic bootstrap. */
        BOOTSTRAP
    }

    /** The classes a row covers, from the widest to the narrowest. */
    public enum Scope {
        /** A package and the packages below it. */
        TREE,
        /** The classes of one package. */
        PACKAGE,
        /** The classes of one package whose names match a pattern. */
        CLASS_PATTERN,
        /** One class and the classes nested in it. */
        CLASS
    }

    /** Creates a row; a refusal needs a family. */
    public ApiRow {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(scope, "scope");
        if ((verb == Verb.REFUSE) != (family != null)) {
            throw new IllegalArgumentException(text + ": a refusal, and only a refusal, names a family");
        }
    }

    /** Whether the row is about members rather than whole classes. */
    boolean aboutMembers() {
        return !member.isEmpty();
    }

    /** Whether the row covers the class (internal name); member rows cover only the class they name, not nested ones. */
    boolean covers(String owner) {
        int slash = owner.lastIndexOf('/');
        String ownerPackage = slash < 0 ? "" : owner.substring(0, slash);
        return switch (scope) {
            case TREE -> ownerPackage.equals(packageName) || ownerPackage.startsWith(packageName + "/");
            case PACKAGE -> ownerPackage.equals(packageName);
            case CLASS_PATTERN -> ownerPackage.equals(packageName) && glob(className, topLevel(owner.substring(slash + 1)));
            case CLASS -> owner.equals(className) || !aboutMembers() && owner.startsWith(className + "$");
        };
    }

    /** Whether the row's member part matches; a row about whole classes matches every member. */
    boolean matchesMember(String name, String descriptor) {
        if (!aboutMembers()) {
            return true;
        }
        if (!glob(member, name)) {
            return false;
        }
        if (parameters.isEmpty()) {
            return true;
        }
        if (parameters.startsWith("(*")) {
            int end = descriptor.indexOf(')');
            return end > 0 && descriptor.substring(0, end).contains(parameters.substring(2));
        }
        return descriptor.startsWith(parameters);
    }

    /**
     * How specific the row is for this class: a member row over a class row, a class over a class
     * pattern, a pattern over a package, a package over a tree; a descriptor condition and an exact
     * member name add to that. The table's most specific matching row decides.
     */
    int specificity(String owner) {
        int classes = switch (scope) {
            case TREE -> 0;
            case PACKAGE -> 10;
            case CLASS_PATTERN -> 20;
            case CLASS -> owner.equals(className) ? 30 : 25;
        };
        if (!aboutMembers()) {
            return classes;
        }
        int members = scope == Scope.CLASS ? 50 : 40;
        return members + (parameters.isEmpty() ? 0 : 2) + (member.contains("*") ? 0 : 1);
    }

    private static String topLevel(String simpleName) {
        int dollar = simpleName.indexOf('$');
        return dollar < 0 ? simpleName : simpleName.substring(0, dollar);
    }

    /** Whether the name matches the pattern, in which '*' stands for any run of characters. */
    static boolean glob(String pattern, String name) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(name);
        }
        String[] parts = pattern.split("\\*", -1);
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (name.length() < first.length() + last.length() || !name.startsWith(first) || !name.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = name.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = name.indexOf(parts[i], from);
            if (found < 0 || found + parts[i].length() > end) {
                return false;
            }
            from = found + parts[i].length();
        }
        return true;
    }
}

package org.aibase.validator.internal.bytecode;

import java.util.Objects;

/**
 * A JDK API a confined plugin may not use, one row of {@link DeniedApis}.
 *
 * @param use how the bytecode uses it
 * @param owner the class's internal name ({@code java/lang/Runtime}), or {@code *} for any class
 * @param member for calls and fields: the name, {@code *} for any, {@code prefix*} or {@code *suffix};
 *        {@code <init>} for a constructor; empty for {@link Use#NEW} and {@link Use#EXTENDS}
 * @param descriptorPrefix the member's descriptor starts with this, e.g. {@code (Ljava/lang/String;}; empty for any
 * @param exemptParameter a parameter type that makes the call harmless, e.g. an {@code Executor} the
 *        plugin chose; empty for none
 * @param reason what the API does that the platform cannot allow, as a verb phrase for people
 * @param instead what a plugin uses instead
 */
public record DeniedApi(Use use, String owner, String member, String descriptorPrefix, String exemptParameter,
        String reason, String instead) {

    /** How bytecode refers to a class. */
    public enum Use {
        /** Invokes a method or constructor (also through a method reference). */
        CALL,
        /** Reads or writes a field. */
        FIELD,
        /** Creates an instance ({@code new}, or a constructor reference). */
        NEW,
        /** Names it as superclass or implemented interface. */
        EXTENDS
    }

    /** Creates a row; all components are required, the optional ones may be empty. */
    public DeniedApi {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(descriptorPrefix, "descriptorPrefix");
        Objects.requireNonNull(exemptParameter, "exemptParameter");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(instead, "instead");
    }

    /** Whether a use of {@code owner.name} with the given descriptor is this row's. */
    boolean matches(Use used, String usedOwner, String name, String descriptor) {
        return use == used
                && (owner.equals("*") || owner.equals(usedOwner))
                && memberMatches(name)
                && descriptor.startsWith(descriptorPrefix)
                && !(exemptParameter.length() > 0 && parameters(descriptor).contains(exemptParameter));
    }

    private boolean memberMatches(String name) {
        if (name.equals("<init>")) {
            return member.equals(name); // creation in general is a NEW row; this is one constructor
        }
        if (member.isEmpty() || member.equals("*")) {
            return true;
        }
        if (member.startsWith("*")) {
            return name.endsWith(member.substring(1));
        }
        if (member.endsWith("*")) {
            return name.startsWith(member.substring(0, member.length() - 1));
        }
        return member.equals(name);
    }

    private static String parameters(String descriptor) {
        int end = descriptor.indexOf(')');
        return end < 0 ? descriptor : descriptor.substring(0, end);
    }
}

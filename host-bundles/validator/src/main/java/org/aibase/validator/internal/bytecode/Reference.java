package org.aibase.validator.internal.bytecode;

/**
 * One reference from a plugin class to another class or its member, as the bytecode makes it.
 *
 * @param use how the class is referred to
 * @param owner the class as the bytecode names it (internal name), before resolution
 * @param name the member's name ({@code <init>} for a constructor, an annotation's element); empty for a class
 * @param descriptor the member's descriptor; empty for a class or an annotation element
 * @param site where: the method's name and descriptor ({@code run(Ljava/lang/String;)V}), a field's name, or empty
 *        for the class itself
 */
public record Reference(Use use, String owner, String name, String descriptor, String site) {

    /** How bytecode refers to a class. */
    public enum Use {
        /** Invokes a method or constructor, directly or through a method handle. */
        CALL,
        /** Reads or writes a field, or names an enum constant in an annotation. */
        FIELD,
        /** Creates, casts to, tests for or catches the type. */
        TYPE,
        /** A class literal, {@code X.class}. */
        LITERAL,
        /** Names it as the superclass. */
        EXTENDS,
        /** Names it as an implemented or extended interface. */
        IMPLEMENTS,
        /** Annotates with it (annotations the JVM keeps at run time). */
        ANNOTATION,
        /** Sets an element of an annotation. */
        ANNOTATION_ELEMENT,
        /** Names the method as an invokedynamic or constant-dynamic bootstrap. */
        BOOTSTRAP,
        /** A string constant that reads as a JPQL statement; its text is the name. */
        QUERY
    }

    /** The same reference from anywhere: what decides does not depend on the site. */
    Reference anywhere() {
        return site.isEmpty() ? this : new Reference(use, owner, name, descriptor, "");
    }
}

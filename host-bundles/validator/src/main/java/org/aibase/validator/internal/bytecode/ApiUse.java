package org.aibase.validator.internal.bytecode;

/**
 * A use of an API the verifier refuses, found in a class file.
 *
 * @param className the class, e.g. {@code org.example.Evil}
 * @param site the method, simplified, e.g. {@code run()} or {@code exec(String, int)}; empty for a
 *        use by the class itself (its superclass, interfaces, annotations, declarations)
 * @param what how it is used, e.g. {@code uses java.lang.Runtime.exec} or {@code extends java.lang.Thread}
 * @param family why it is refused and what to use instead
 */
public record ApiUse(String className, String site, String what, ApiFamily family) {

    /** For people: {@code org.example.Evil.run() uses java.lang.Runtime.exec, which launches ...}. */
    public String describe() {
        return (site.isEmpty() ? className : className + "." + site) + " " + what + ", which " + family.reason();
    }
}

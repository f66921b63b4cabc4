package org.aibase.validator.internal.bytecode;

/**
 * A use of a denied API found in a class file.
 *
 * @param className the class, e.g. {@code org.example.Evil}
 * @param method the method, simplified, e.g. {@code run()} or {@code exec(String, int)}; empty for
 *        a use by the class itself (extending or implementing)
 * @param api what is used, e.g. {@code java.lang.Runtime.exec}, {@code new java.lang.Thread},
 *        {@code extends java.lang.Thread}
 * @param denied the deny-list row it matched
 */
public record ApiUse(String className, String method, String api, DeniedApi denied) {

    /** For people: {@code org.example.Evil.run() uses java.lang.Runtime.exec, which launches ...}. */
    public String describe() {
        String where = method.isEmpty() ? className + " " + api : className + "." + method + " uses " + api;
        return where + ", which " + denied.reason();
    }
}

package org.aibase.plugin.hello;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The greeting text, from {@code messages.properties}. */
final class Greeting {

    static final int MAX_NAME_LENGTH = 100;

    private final MessageFormat format;

    Greeting() {
        ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.ROOT, Greeting.class.getClassLoader());
        this.format = new MessageFormat(messages.getString("greeting"), Locale.ROOT);
    }

    /**
     * The name to greet, stripped, or empty when it is blank or longer than {@value #MAX_NAME_LENGTH}
     * characters.
     */
    static java.util.Optional<String> validName(String name) {
        String stripped = name.strip();
        return stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH
                ? java.util.Optional.empty() : java.util.Optional.of(stripped);
    }

    /** What is wrong with a name {@link #validName} refused. */
    static String nameProblem(String name) {
        return "name must be 1 to " + MAX_NAME_LENGTH + " characters, got " + name.strip().length();
    }

    String to(String name) {
        synchronized (format) { // MessageFormat is not thread-safe
            return format.format(new Object[] { name });
        }
    }
}

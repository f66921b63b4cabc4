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

    String to(String name) {
        synchronized (format) { // MessageFormat is not thread-safe
            return format.format(new Object[] { name });
        }
    }
}

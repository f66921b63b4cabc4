package org.aibase.llm.internal.prompt;

import java.util.Objects;

/** A variable a template declares: its name, type and what it means. */
record TemplateVariable(String name, VariableType type, String description) {

    TemplateVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }
}

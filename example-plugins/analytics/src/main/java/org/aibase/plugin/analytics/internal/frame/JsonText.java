package org.aibase.plugin.analytics.internal.frame;

/**
 * A nested JSON array or object found in a cell, kept as its compact JSON text. pandas cannot hash
 * such cells (the seed fails on them); here they count as values equal when their text is equal.
 */
public record JsonText(String json) {

    @Override
    public String toString() {
        return json;
    }
}

package org.aibase.api.llm;

/** The form the answer must take. */
public enum ResponseFormat {
    /** Free text. */
    TEXT,
    /** One JSON document; the platform checks that the answer parses. */
    JSON
}

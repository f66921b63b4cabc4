package org.aibase.api.llm;

/** Who speaks a chat message. */
public enum Role {
    /** Instructions that frame the conversation. */
    SYSTEM,
    /** The user's turn. */
    USER,
    /** The model's earlier turn. */
    ASSISTANT
}

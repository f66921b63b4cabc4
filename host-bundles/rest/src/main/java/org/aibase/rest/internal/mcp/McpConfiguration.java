package org.aibase.rest.internal.mcp;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The MCP endpoint at {@code /mcp} (PID {@value McpEndpoint#PID}). */
@ObjectClassDefinition(name = "AI Base MCP endpoint", description = "Plugins' tasks as tools for AI agents at /mcp")
public @interface McpConfiguration {

    @AttributeDefinition(name = "Allowed origins", description = "Browser origins that may call /mcp (a present Origin "
            + "header outside this list is refused with 403, against DNS rebinding; 'http://host:*' allows any port). "
            + "Clients that send no Origin (IDE agents, SDK clients) are not affected.")
    String[] allowed_origins() default { "http://127.0.0.1:*", "http://localhost:*" };

    @AttributeDefinition(name = "Messages per minute", description = "MCP messages one API key (or browser session) "
            + "may send per minute (1-100000); past it 429 with Retry-After")
    int max_messages_per_minute() default 600;

    @AttributeDefinition(name = "Open sessions", description = "MCP sessions open at once in all; a new one past it "
            + "ends a session idle for longer than the idle time, or is refused with 503 when there is none")
    int max_sessions() default 1000;

    @AttributeDefinition(name = "Open sessions per key", description = "MCP sessions one API key (with its browser "
            + "sessions) may have open; a new one past it ends the key's least recently used session")
    int max_sessions_per_key() default 32;

    @AttributeDefinition(name = "Idle time", description = "Minutes after its last message a session may be ended to "
            + "make room for a new one (clients that never end their sessions are common)")
    int session_idle_minutes() default 30;

    @AttributeDefinition(name = "Largest request", description = "Bytes of one MCP message at most (1 KiB - 16 MiB)")
    int max_request_bytes() default 1024 * 1024;
}

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

    @AttributeDefinition(name = "Largest request", description = "Bytes of one MCP message at most (1 KiB - 16 MiB)")
    int max_request_bytes() default 1024 * 1024;
}

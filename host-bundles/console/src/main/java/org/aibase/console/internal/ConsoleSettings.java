package org.aibase.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "AI Base console page", description = "The Web Console page AI Plugins")
@interface ConsoleSettings {

    @AttributeDefinition(name = "Maximum upload size", min = "1", description = "Bytes a JAR uploaded from the page may have")
    long max_upload_bytes() default 64L * 1024 * 1024;

    @AttributeDefinition(name = "Refresh interval", min = "1", max = "3600",
            description = "Seconds between refreshes of the plugins table and its usage figures")
    int refresh_seconds() default 3;
}

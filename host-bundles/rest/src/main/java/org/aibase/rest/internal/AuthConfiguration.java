package org.aibase.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** API keys and browser sessions (PID {@value #PID}). */
@ObjectClassDefinition(name = "AI Base HTTP API authentication",
        description = "API keys for the HTTP API. While no key is configured, the admin key the launcher "
                + "generated into data/credentials.properties (admin.api.key) is the only one.")
@interface AuthConfiguration {

    String PID = "org.aibase.rest.auth";
    int DEFAULT_IDLE_MINUTES = 480;

    @AttributeDefinition(name = "Admin keys", type = AttributeType.PASSWORD, required = false,
            description = "Bearer keys with the admin role (which includes user)")
    String[] admin_keys() default {};

    @AttributeDefinition(name = "User keys", type = AttributeType.PASSWORD, required = false,
            description = "Bearer keys with the user role")
    String[] user_keys() default {};

    @AttributeDefinition(name = "Session idle minutes", min = "1",
            description = "A browser session ends after this many minutes without a request")
    int session_idle_minutes() default DEFAULT_IDLE_MINUTES;
}

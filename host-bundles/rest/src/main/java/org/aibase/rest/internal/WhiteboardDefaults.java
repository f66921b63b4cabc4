package org.aibase.rest.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the Jakarta REST whiteboard its configuration when the operator has not: the servlet
 * whiteboard adapter does nothing at all until its PID is configured, and without it no REST URL
 * would ever answer. A file {@code config/JakartarsServletWhiteboardRuntimeComponent.cfg} wins.
 */
@Component(immediate = true)
public final class WhiteboardDefaults {

    static final String WHITEBOARD_PID = "JakartarsServletWhiteboardRuntimeComponent";

    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardDefaults.class);

    @Activate
    public WhiteboardDefaults(@Reference ConfigurationAdmin configurationAdmin) throws IOException {
        // "?" binds the configuration to no bundle in particular, as a file in config/ would.
        Configuration configuration = configurationAdmin.getConfiguration(WHITEBOARD_PID, "?");
        if (configuration.getProperties() == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("jersey.context.path", "/");
            configuration.update(properties);
            LOG.debug("Configured the Jakarta REST whiteboard with its defaults");
        }
    }
}

/** The hello plugin: the smallest real AI Base plugin. */
@Header(name = "AIBase-Plugin", value = "plugin.yaml")
package org.aibase.plugin.hello;

import org.osgi.annotation.bundle.Header;

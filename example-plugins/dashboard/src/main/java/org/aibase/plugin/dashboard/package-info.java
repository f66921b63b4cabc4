/** The dashboard plugin: dashboards, reports and exports of the platform's own metrics. */
@Header(name = "AIBase-Plugin", value = "plugin.yaml")
package org.aibase.plugin.dashboard;

import org.osgi.annotation.bundle.Header;

/** The analytics plugin: statistics, data quality, charts and AI insights for posted datasets. */
@Header(name = "AIBase-Plugin", value = "plugin.yaml")
package org.aibase.plugin.analytics;

import org.osgi.annotation.bundle.Header;

/**
 * Plugin validation: reads {@code plugin.yaml}, checks a plugin JAR and reports every problem as a
 * finding. Plain Java, usable inside OSGi and from the command line.
 */
@Export
@Version("1.3.0")
package org.aibase.validator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

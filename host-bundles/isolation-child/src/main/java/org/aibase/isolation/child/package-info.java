/** What runtime and isolated plugin JVM say to each other; constants only, compiled into both sides. */
package org.aibase.isolation.child;

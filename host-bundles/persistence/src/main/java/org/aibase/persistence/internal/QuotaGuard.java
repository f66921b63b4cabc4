package org.aibase.persistence.internal;

import org.eclipse.persistence.descriptors.DescriptorEvent;
import org.eclipse.persistence.descriptors.DescriptorEventAdapter;

/**
 * Refuses a plugin's writes once its last measured storage is past its limit: {@code persist} (and
 * {@code merge} of a new object) at the call, changes to existing rows at flush. Deletes pass: they
 * are how a plugin gets back under its limit.
 */
final class QuotaGuard extends DescriptorEventAdapter {

    private final Runnable check;

    /** {@code check} throws when the plugin is over its limit. */
    QuotaGuard(Runnable check) {
        this.check = check;
    }

    @Override
    public void prePersist(DescriptorEvent event) {
        check.run();
    }

    @Override
    public void preUpdateWithChanges(DescriptorEvent event) {
        check.run();
    }
}

package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.aibase.deployer.PluginRecord;
import org.aibase.sandbox.Quarantine;

/**
 * What a call to a quarantined plugin is told (its URLs and its tasks alike): why, and when the
 * quarantine lifts or that only an operator ends it.
 */
public final class QuarantineNotice {

    private QuarantineNotice() {
    }

    /** The message, e.g. {@code Plugin 'x' is quarantined: ...; it is lifted at ... or when an operator starts it}. */
    public static String message(String id, PluginRecord record) {
        String until = record.quarantine().flatMap(Quarantine::liftsAt)
                .map(at -> "it is lifted at " + at + ", or earlier when an operator starts it")
                .orElse("it is pinned: an operator may start it again");
        return "Plugin '" + id + "' is quarantined: " + record.reason().orElse("its work ran away") + "; " + until;
    }

    /** The details: {@code state}, {@code reason}, {@code since}, {@code lifts_at} (null when pinned), {@code pinned}. */
    public static Map<String, Object> details(PluginRecord record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", record.state().id());
        record.reason().ifPresent(reason -> details.put("reason", reason));
        record.quarantine().ifPresent(quarantine -> details.putAll(quarantine.toMap()));
        return details;
    }
}

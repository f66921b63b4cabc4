package org.aibase.llm.internal;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.Usage;
import org.aibase.llm.UsageRecord;

/** Attributes one call's attempts to its caller: the ledger's counts and the budget's tokens. */
final class CallRecorder implements AttemptListener {

    private final Caller caller;
    private final UsageLedger ledger;
    private final TokenBudgets budgets;
    private volatile boolean attempted;

    CallRecorder(Caller caller, UsageLedger ledger, TokenBudgets budgets) {
        this.caller = caller;
        this.ledger = ledger;
        this.budgets = budgets;
    }

    @Override
    public void answered(String endpoint, String model, Usage usage, boolean fallback) {
        attempted = true;
        ledger.answered(caller.id(), endpoint, model, usage, fallback);
        budgets.spend(caller, usage.totalTokens());
    }

    @Override
    public void failed(String endpoint, String model, LlmException failure, Usage usage) {
        attempted = true;
        ledger.failed(caller.id(), endpoint, model, failure.kind(), usage);
        budgets.spend(caller, usage.totalTokens());
    }

    /** Counts a call that failed before any request reached a provider (no provider, budget, unknown model). */
    void refusedUnlessAttempted(String requestedModel, LlmException failure) {
        if (!attempted) {
            ledger.failed(caller.id(), UsageRecord.NO_ENDPOINT, requestedModel, failure.kind(), Usage.NONE);
        }
    }
}

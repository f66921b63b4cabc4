package org.aibase.llm.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.Usage;

/** A provider that answers from a script, recording the model of each call; past the script it answers "ok". */
final class ScriptedClient implements ChatClient {

    private final Deque<Supplier<ProviderReply>> script = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();

    ScriptedClient fail(Kind kind) {
        return fail(kind, null);
    }

    ScriptedClient fail(Kind kind, Duration retryAfter) {
        script.add(() -> {
            throw new LlmException(kind, "scripted " + kind, retryAfter, null);
        });
        return this;
    }

    ScriptedClient answer(String content) {
        script.add(() -> reply(content));
        return this;
    }

    static ProviderReply reply(String content) {
        return new ProviderReply(content, "m", new Usage(3, 4), "stop");
    }

    @Override
    public synchronized ProviderReply send(ChatRequest request, String model, Duration timeout) {
        calls.add(model);
        Supplier<ProviderReply> next = script.poll();
        return next == null ? reply("ok") : next.get();
    }
}

package org.aibase.llm.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured provider endpoint as the router sees it: its name, wire type, the models it serves,
 * its default timeout, its concurrency limit and the client that speaks its format. Holds no secret.
 */
public final class ChatEndpoint {

    private final String name;
    private final String type;
    private final List<String> models;
    private final Duration timeout;
    private final ConcurrencyLimit limit;
    private final ChatClient client;

    ChatEndpoint(String name, String type, List<String> models, Duration timeout, int maxConcurrent, ChatClient client) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.models = List.copyOf(models);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.limit = new ConcurrencyLimit(name, maxConcurrent);
        this.client = Objects.requireNonNull(client, "client");
    }

    String name() {
        return name;
    }

    String type() {
        return type;
    }

    /** The models listed in its configuration; empty means "whatever model it is asked for". */
    List<String> models() {
        return models;
    }

    /** Whether it lists the model by name. */
    boolean lists(String model) {
        return models.contains(model);
    }

    /** Whether it serves any model (no list configured). */
    boolean servesAnyModel() {
        return models.isEmpty();
    }

    Duration timeout() {
        return timeout;
    }

    ConcurrencyLimit limit() {
        return limit;
    }

    ChatClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "ChatEndpoint[" + name + ", " + type + ", models=" + models + "]";
    }
}

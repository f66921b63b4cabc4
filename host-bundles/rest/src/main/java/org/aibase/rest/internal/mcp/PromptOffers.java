package org.aibase.rest.internal.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.prompt.PromptTemplateException;
import org.aibase.llm.PluginPrompts;
import org.aibase.sandbox.PluginDescriptors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * The prompt templates of active plugins that may use the LLM, offered as MCP prompts
 * {@code <plugin>-<template>} on every role's server while the plugin runs (nothing of a plugin
 * without {@code llm} shows). Arguments arrive as strings and are converted to the declared types;
 * one that is missing or not of its type is error {@code -32602} naming it.
 */
final class PromptOffers {

    private static final Logger LOG = LoggerFactory.getLogger(PromptOffers.class);

    private final PluginPrompts prompts;
    private final List<McpAsyncServer> servers;
    private final OfferChanges offers;
    private final BundleTracker<List<String>> plugins;

    PromptOffers(BundleContext context, PluginPrompts prompts, List<McpAsyncServer> servers, OfferChanges offers) {
        this.prompts = prompts;
        this.servers = List.copyOf(servers);
        this.offers = offers;
        this.plugins = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public List<String> addingBundle(Bundle bundle, BundleEvent event) {
                return offer(bundle);
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, List<String> offered) {
                offered.forEach(name -> PromptOffers.this.servers.forEach(server -> offers.apply(() -> server.removePrompt(name),
                        e -> LOG.debug("Prompt {} withdrawn with {}", name, e.toString()))));
            }
        };
    }

    void open() {
        plugins.open();
    }

    void close() {
        plugins.close();
    }

    /** The prompts of a plugin bundle that started; null (not tracked) for any other bundle. */
    private List<String> offer(Bundle bundle) {
        Optional<PluginDescriptor> plugin = PluginDescriptors.of(bundle).filter(d -> d.hasPermission(Permission.LLM));
        if (plugin.isEmpty()) {
            return null;
        }
        List<String> offered = new ArrayList<>();
        for (PluginPrompts.Prompt prompt : prompts.prompts(bundle)) {
            String name = PluginTools.name(plugin.get().id(), prompt.name());
            McpSchema.Prompt offer = new McpSchema.Prompt(name, plugin.get().name() + ": " + prompt.name(),
                    prompt.description(), prompt.arguments().stream().map(a -> new McpSchema.PromptArgument(a.name(),
                            a.description() + " (" + a.type() + ")", true)).toList());
            McpServerFeatures.AsyncPromptSpecification specification = new McpServerFeatures.AsyncPromptSpecification(offer,
                    (exchange, request) -> text(bundle, prompt, request));
            servers.forEach(server -> offers.apply(() -> server.addPrompt(specification),
                    e -> LOG.warn("Prompt {} could not be offered: {}", name, e.toString())));
            offered.add(name);
        }
        return offered;
    }

    private Mono<McpSchema.GetPromptResult> text(Bundle bundle, PluginPrompts.Prompt prompt, McpSchema.GetPromptRequest request) {
        Map<String, String> arguments = new LinkedHashMap<>();
        (request.arguments() == null ? Map.<String, Object>of() : request.arguments())
                .forEach((name, value) -> arguments.put(name, value == null ? null : String.valueOf(value)));
        try {
            String text = prompts.render(bundle, prompt.name(), arguments);
            return Mono.just(new McpSchema.GetPromptResult(prompt.description(),
                    List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text)))));
        } catch (PromptTemplateException e) {
            return Mono.error(McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(e.getMessage()).build());
        }
    }
}

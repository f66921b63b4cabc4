package org.aibase.llm.internal.azure;

import java.util.Map;

import org.aibase.llm.internal.openai.OpenAiDialect;

import okhttp3.HttpUrl;

/**
 * Azure OpenAI speaks the OpenAI wire format with three differences: the deployment in the path chooses
 * the model (so the body names none), {@code api-version} is a required query parameter, and the key
 * goes in an {@code api-key} header.
 */
public final class AzureOpenAiDialect {

    private AzureOpenAiDialect() {
    }

    /**
     * The dialect for a resource endpoint such as {@code https://my-resource.openai.azure.com}; a model
     * without a deployment entry is assumed to be deployed under its own name.
     */
    public static OpenAiDialect of(HttpUrl endpoint, Map<String, String> deployments, String apiVersion, String apiKey) {
        Map<String, String> byModel = Map.copyOf(deployments);
        return new OpenAiDialect(
                model -> endpoint.newBuilder()
                        .addPathSegment("openai")
                        .addPathSegment("deployments")
                        .addPathSegment(byModel.getOrDefault(model, model))
                        .addPathSegments("chat/completions")
                        .addQueryParameter("api-version", apiVersion)
                        .build(),
                Map.of("api-key", apiKey),
                false,
                false);
    }
}

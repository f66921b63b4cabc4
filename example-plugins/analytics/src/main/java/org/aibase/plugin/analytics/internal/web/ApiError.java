package org.aibase.plugin.analytics.internal.web;

import java.util.Map;

import org.aibase.api.http.HttpError;
import org.aibase.plugin.analytics.internal.frame.DatasetException;

/**
 * The errors the analytics resources answer with, naming the field that is wrong; the platform
 * writes them in its JSON error shape.
 */
public final class ApiError {

    private ApiError() {
    }

    /** The error for a status, a code, the field that is wrong and what is wrong with it. */
    public static HttpError of(int status, String code, String field, String message) {
        return new HttpError(status, code, message, Map.of("field", field));
    }

    /** 413 for a size limit, 422 for invalid content. */
    public static HttpError of(DatasetException e) {
        return of(e.tooLarge() ? 413 : 422, e.code(), e.field(), e.getMessage());
    }
}

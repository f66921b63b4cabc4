package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.aibase.deployer.RegistryException;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationReport;
import org.junit.jupiter.api.Test;

class ErrorMappersTest {

    private final ObjectMapper json = JacksonJsonExtension.objectMapper();

    @Test
    void registryKindsMapToStatuses() {
        RegistryExceptionMapper mapper = new RegistryExceptionMapper();
        ErrorBodies.error(mapper.toResponse(new RegistryException(RegistryException.Kind.NOT_FOUND, "none")), 404,
                "not_found");
        ErrorBodies.error(mapper.toResponse(new RegistryException(RegistryException.Kind.CONFLICT, "x")), 409,
                "conflict");
        ErrorBodies.error(mapper.toResponse(new RegistryException(RegistryException.Kind.UNAVAILABLE, "x")), 503,
                "unavailable");
        Map<String, Object> error = ErrorBodies.error(mapper.toResponse(
                new RegistryException(RegistryException.Kind.INVALID, "Key 'limit' must be a number")), 422, "invalid");
        assertEquals("Key 'limit' must be a number", error.get("message"));
    }

    @Test
    void anInvalidRegistryAnswerCarriesItsReport() {
        ValidationReport report = new ValidationReport("bad.jar", Optional.empty(),
                List.of(Finding.error("plugin.yaml/id", "missing", "")));
        Map<String, Object> error = ErrorBodies.error(new RegistryExceptionMapper().toResponse(
                new RegistryException(RegistryException.Kind.INVALID, "refused", report)), 422, "invalid");
        assertEquals(report.toMap(), ErrorBodies.details(error).get("report"));
    }

    @Test
    void jerseyRefusalsKeepTheirStatusInOurFormat() {
        WebApplicationExceptionMapper mapper = new WebApplicationExceptionMapper();
        Map<String, Object> notFound = ErrorBodies.error(mapper.toResponse(new NotFoundException()), 404, "not_found");
        assertFalse(((String) notFound.get("message")).startsWith("HTTP"), "a message a person can act on");
        ErrorBodies.error(mapper.toResponse(new NotSupportedException()), 415, "unsupported_media_type");
        ErrorBodies.error(mapper.toResponse(new BadRequestException()), 400, "bad_request");

        Response notAllowed = mapper.toResponse(new NotAllowedException("GET", new String[] { "POST" }));
        Map<String, Object> error = ErrorBodies.error(notAllowed, 405, "method_not_allowed");
        assertEquals(List.of("GET", "POST"), ErrorBodies.details(error).get("allowed"));
        assertTrue(notAllowed.getHeaderString(HttpHeaders.ALLOW).contains("POST"), "the Allow header is kept");
    }

    @Test
    void malformedJsonNamesWhere() {
        JsonProcessingException e = assertThrowsJson("{\"type\":\n  \"greet\" oops}");
        Map<String, Object> error = ErrorBodies.error(new JsonProcessingExceptionMapper().toResponse(e), 400,
                "malformed_json");
        assertEquals(2, ErrorBodies.details(error).get("line"));
        assertTrue(((String) error.get("message")).contains("line 2"), (String) error.get("message"));
    }

    @Test
    void jsonOfTheWrongShapeNamesTheProblem() {
        JsonProcessingException e = assertThrowsJson("[1, 2]");
        Map<String, Object> error = ErrorBodies.error(new JsonProcessingExceptionMapper().toResponse(e), 400,
                "invalid_json");
        String message = (String) error.get("message");
        assertTrue(message.contains("line 1") && message.contains("expected an object, found a list"), message);
        assertFalse(message.contains("java.") || message.contains("JsonToken") || message.contains("LinkedHashMap"), message);
    }

    record Widget(String name, int size) {
    }

    record Board(String title, List<Widget> widgets) {
    }

    @Test
    void aWrongTypeDeepInTheBodyNamesItsJsonPathAndTheTypes() {
        JsonProcessingException e = assertThrowsJson("{\"title\":\"t\",\"widgets\":[{\"name\":\"a\",\"size\":1},"
                + "{\"name\":\"b\",\"size\":\"big\"}]}", Board.class);
        Map<String, Object> error = ErrorBodies.error(new JsonProcessingExceptionMapper().toResponse(e), 400,
                "invalid_json");
        String message = (String) error.get("message");
        assertEquals("$.widgets[1].size", ErrorBodies.details(error).get("field"), message);
        assertTrue(message.contains("'big' is not a whole number"), message);
        assertFalse(message.contains("java.") || message.contains("int`") || message.contains("Widget"), message);
    }

    @Test
    void aListWhereAnObjectBelongsSaysSo() {
        JsonProcessingException e = assertThrowsJson("{\"title\":\"t\",\"widgets\":{\"name\":\"a\"}}", Board.class);
        String message = (String) ErrorBodies.error(new JsonProcessingExceptionMapper().toResponse(e), 400,
                "invalid_json").get("message");
        assertTrue(message.contains("$.widgets") && message.contains("expected a list, found an object"), message);
    }

    @Test
    void anUnknownFieldNamesTheAllowedOnes() {
        ObjectMapper strict = JacksonJsonExtension.objectMapper().copy()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> strict.readValue("{\"title\":\"t\",\"colour\":\"red\"}", Board.class));
        String message = (String) ErrorBodies.error(new JsonProcessingExceptionMapper().toResponse(e), 400,
                "invalid_json").get("message");
        assertTrue(message.contains("unknown field 'colour'; allowed: title, widgets"), message);
    }

    @Test
    void aBodyNestedTooDeeplyIsRefusedInPlainWords() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        JsonProcessingException e = assertThrowsJson(deep);
        Map<String, Object> error = ErrorBodies.error(new JsonProcessingExceptionMapper().toResponse(e), 400,
                "json_too_large");
        String message = (String) error.get("message");
        assertTrue(message.contains("1000 levels of nesting"), message);
        assertFalse(message.contains("StreamReadConstraints"), message);
    }

    @Test
    void unexpectedErrorsHideTheirDetailsButGiveAnId() {
        Response response = new UnexpectedErrorMapper("plugin 'hello'").toResponse(new IllegalStateException("secret internals"));
        Map<String, Object> error = ErrorBodies.error(response, 500, "internal_error");
        String id = (String) ErrorBodies.details(error).get("error_id");
        assertTrue(((String) error.get("message")).contains(id));
        assertFalse(response.getEntity().toString().contains("secret internals"));
        assertFalse(response.getEntity().toString().contains("at org."), "no stack trace");
    }

    @Test
    void apiExceptionsAnswerAsDeclared() {
        Response response = new ApiExceptionMapper().toResponse(new ApiException(404, "no_task_handler", "none"));
        ErrorBodies.error(response, 404, "no_task_handler");
        Response unauthorized = new ApiExceptionMapper().toResponse(new ApiException(401, "unauthorized", "key"));
        assertEquals("Bearer", unauthorized.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    private JsonProcessingException assertThrowsJson(String text) {
        return assertThrowsJson(text, Map.class);
    }

    private JsonProcessingException assertThrowsJson(String text, Class<?> type) {
        try {
            json.readValue(text, type);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected a JSON error for " + text);
    }
}

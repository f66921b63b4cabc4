package org.aibase.rest.internal.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.glassfish.jersey.internal.util.collection.Value;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URIs the host hands Jersey are the ones Jersey's servlet container would have made itself. */
class RequestUrisTest {

    @ParameterizedTest(name = "{0}{1} ? {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "http://127.0.0.1:8181 | /api/v1/hello/greeting | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/greeting | ''",
        "http://localhost:8181 | /api/v1/hello/greeting | name=Ada&lang=en",
        "https://aibase.example.org | /api/v1/hello/greeting | q=a%20b+c&x=%2F%3F-._~",
        "http://127.0.0.1:8181 | /api/v1/hello | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/ | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello//greeting/ | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/items;sort=asc/x;v=1 | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/a%2Fb/%C3%A9t%c3%a9 | page=2",
        "http://127.0.0.1:8181 | /api/v1/hello/-._~!$&'()*+,=:@ | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/x | a-._~=&+b=%41&a=2",
        "http://127.0.0.1:8181 | /api/v1/hello/../x/./y | NULL",
        "http://user_host.local:80 | /api/v1/hello/greeting | NULL",
    })
    void theUrisAreJerseysOwn(String origin, String path, String query) throws Exception {
        HttpServletRequest request = request(origin, path, query);
        RequestUris.Uris ours = new RequestUris().of(request);
        assertNotNull(ours, "made here, not left to Jersey");
        RequestUris.Uris jerseys = jerseys(request);
        assertEquals(jerseys.base(), ours.base());
        assertEquals(jerseys.request(), ours.request());
        assertEquals(jerseys.request().toString(), ours.request().toString());
        assertEquals(jerseys.base().toString(), ours.base().toString());
    }

    @ParameterizedTest(name = "{0}{1} ? {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "http://[::1]:8181 | /api/v1/hello/greeting | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/{name} | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/greeting | q={x}",
        "http://127.0.0.1:8181 | /api/v1/hello/a b | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/100% | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/x | p=%zz",
        "http://127.0.0.1:8181 | /api/v1/hello/été | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/a^b | NULL",
        "http://127.0.0.1:8181 | /api/v1/hello/x | next=/a/b",
        "http://127.0.0.1:8181 | /api/v1/hello/x | a=b?c",
        "http://127.0.0.1:8181 | /api/v1/hello/x | t=12:30",
        "http://127.0.0.1:8181 | /api/v1/hello/x | a=b#c",
        "http://127.0.0.1:8181 | /api/v1/hello/x?y | NULL",
    })
    void whatJerseysBuilderWouldChangeIsLeftToJersey(String origin, String path, String query) {
        assertNull(new RequestUris().of(request(origin, path, query)));
    }

    @Test
    void theBaseIsKeptForItsOriginAndMadeAgainForAnother() throws Exception {
        RequestUris uris = new RequestUris();
        URI first = uris.of(request("http://127.0.0.1:8181", "/api/v1/hello/greeting", null)).base();
        assertSame(first, uris.of(request("http://127.0.0.1:8181", "/api/v1/hello/other", "a=1")).base(), "kept");
        RequestUris.Uris other = uris.of(request("http://localhost:8181", "/api/v1/hello/greeting", null));
        assertEquals(URI.create("http://localhost:8181/api/v1/hello/"), other.base());
        assertEquals(jerseys(request("http://localhost:8181", "/api/v1/hello/greeting", null)).base(), other.base());
        assertEquals(URI.create("http://127.0.0.1:8181/api/v1/hello/"),
                uris.of(request("http://127.0.0.1:8181", "/api/v1/hello/greeting", null)).base(), "the first origin again");
    }

    @Test
    void aPercentNeedsTwoHexDigits() {
        assertTrue(RequestUris.isKeptAsItIs("/a%2Fb%c3%A9", false));
        assertFalse(RequestUris.isKeptAsItIs("/a%2", false));
        assertFalse(RequestUris.isKeptAsItIs("/a%", false));
        assertFalse(RequestUris.isKeptAsItIs("/a%g0", false));
        assertFalse(RequestUris.isKeptAsItIs("/a?b", false));
        assertTrue(RequestUris.isKeptAsItIs("a=%3F&b=c+d", true));
    }

    /** What Jersey's servlet container hands on, from its own {@code service(request, response)}. */
    private static RequestUris.Uris jerseys(HttpServletRequest request) throws Exception {
        Capturing container = new Capturing();
        container.service(request, (HttpServletResponse) null);
        assertNotNull(container.made, "Jersey made no URIs");
        return container.made;
    }

    /** A servlet container that keeps the URIs it would serve with instead of serving. */
    private static final class Capturing extends ServletContainer {

        RequestUris.Uris made;

        @Override
        public Value<Integer> service(URI baseUri, URI requestUri, HttpServletRequest request,
                HttpServletResponse response) {
            made = new RequestUris.Uris(baseUri, requestUri);
            return null;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws jakarta.servlet.ServletException, java.io.IOException {
            super.service(request, response);
        }
    }

    /** A request at {@code origin + path}, served at {@code /api/v1/hello} in the root context. */
    private static HttpServletRequest request(String origin, String path, String query) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestUrisTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURL" -> new StringBuffer(origin + path);
                    case "getRequestURI" -> path;
                    case "getQueryString" -> query;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/api/v1/hello";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}

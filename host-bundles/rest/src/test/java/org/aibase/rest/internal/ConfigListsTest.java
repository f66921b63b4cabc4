package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfigListsTest {

    @Test
    void entriesAreReadFromACommaListOrAnArray() {
        assertEquals(List.of("http://127.0.0.1:*", "http://localhost:*", "https://app.example"),
                ConfigLists.entries(new String[] { "http://127.0.0.1:*, http://localhost:*", " https://app.example ", "" }));
        assertEquals(List.of(), ConfigLists.entries(null));
    }
}

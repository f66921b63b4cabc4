package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupBecomesText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.text("<script>alert(1)</script>"));
        assertEquals("a&#34; onmouseover=&#34;x", Html.attribute("a\" onmouseover=\"x"));
    }

    @Test
    void theConsolesVariableSyntaxSurvivesItsFilter() {
        assertEquals("&#36;{brand.name} &#92;&#36;{appRoot}", Html.text("${brand.name} \\${appRoot}"));
        assertEquals("&#36;{x}", Html.attribute("${x}"));
    }
}

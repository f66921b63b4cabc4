package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The summary's arithmetic without the platform. */
class NoteSummaryTest {

    @Test
    void countsNotesAndWords() {
        assertEquals(new NoteSummary(3, 5), NoteSummary.of(List.of("buy milk", "  call   Ada back ", "")));
    }

    @Test
    void noNotesIsZero() {
        assertEquals(new NoteSummary(0, 0), NoteSummary.of(List.of()));
    }
}

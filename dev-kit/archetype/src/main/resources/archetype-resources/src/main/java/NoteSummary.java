package ${package};

import java.util.List;

/**
 * What the summary job computes, free of the platform so that a unit test calls it directly.
 *
 * @param count how many notes
 * @param words how many words they hold
 */
record NoteSummary(int count, int words) {

    static NoteSummary of(List<String> texts) {
        int words = 0;
        for (String text : texts) {
            String stripped = text.strip();
            words += stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
        }
        return new NoteSummary(texts.size(), words);
    }
}

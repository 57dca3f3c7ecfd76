package fr.veza.search.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * What was asked: the text, the kind of result, who asks (null: anonymous, who sees only public things) and the
 * page. {@link #words()} is the text cut into words, with everything that is not a letter or digit removed, so
 * no engine ever sees query syntax from the user.
 */
public record SearchQuery(String text, SearchType type, UUID viewerId, int offset, int limit) {

    public String normalized() {
        return String.join(" ", words());
    }

    public List<String> words() {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .limit(10)
                .toList();
    }
}

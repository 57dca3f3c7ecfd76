package fr.veza.chat.internal;

import fr.veza.platform.errors.VezaException;

/**
 * What a reaction may be: one emoji, as people type them (with skin tones, variation selectors and joined
 * sequences), never words or markup.
 */
final class ChatEmoji {

    private static final int MAX_CODE_POINTS = 10;

    private ChatEmoji() {}

    static String require(String emoji) {
        if (emoji == null || emoji.isEmpty() || emoji.codePointCount(0, emoji.length()) > MAX_CODE_POINTS) {
            throw VezaException.invalid("emoji", "must be one emoji");
        }
        boolean pictograph = false;
        for (int cp : emoji.codePoints().toArray()) {
            boolean joiner = cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            boolean keycap = cp == 0x20E3 || cp == '#' || cp == '*' || (cp >= '0' && cp <= '9');
            boolean symbol = Character.getType(cp) == Character.OTHER_SYMBOL
                    || (cp >= 0x1F1E6 && cp <= 0x1F1FF)
                    || (cp >= 0xE0020 && cp <= 0xE007F);
            if (!joiner && !keycap && !symbol) {
                throw VezaException.invalid("emoji", "must be one emoji");
            }
            pictograph |= symbol;
        }
        if (!pictograph) {
            throw VezaException.invalid("emoji", "must be one emoji");
        }
        return emoji;
    }
}

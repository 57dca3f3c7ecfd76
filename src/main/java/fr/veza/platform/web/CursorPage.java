package fr.veza.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list and the cursor of the next one (null on the last page), as the API answers
 * it: {@code {"items": [...], "next_cursor": "..."}}.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    /**
     * The page from rows read with a limit of {@code limit + 1}: the extra row only says whether another page
     * exists; {@code position} gives the cursor of the page's last row.
     */
    public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, Cursor> position) {
        return keyed(rows, limit, row -> position.apply(row).encode());
    }

    /** The same, for lists keyed by something other than (time, id): {@code cursor} encodes the last row's key. */
    public static <T> CursorPage<T> keyed(List<T> rows, int limit, Function<T, String> cursor) {
        boolean more = rows.size() > limit;
        List<T> items = more ? rows.subList(0, limit) : rows;
        return new CursorPage<>(items, more ? cursor.apply(items.get(items.size() - 1)) : null);
    }

    public <R> CursorPage<R> map(Function<T, R> view) {
        return new CursorPage<>(items.stream().map(view).toList(), nextCursor);
    }
}

package fr.veza.gear.internal;

import fr.veza.identity.CurrentUser;
import fr.veza.platform.errors.ErrorCode;
import fr.veza.platform.errors.VezaException;
import fr.veza.platform.web.Cursor;
import fr.veza.platform.web.CursorPage;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's gear, theirs alone: anyone else's item does not exist for them (404). */
@Service
public class GearService {

    private final GearRepository gear;
    private final GearSettings settings;

    GearService(GearRepository gear, GearSettings settings) {
        this.gear = gear;
        this.settings = settings;
    }

    @Transactional
    public GearItem add(CurrentUser owner, GearItem.Fields fields) {
        check(fields);
        if (gear.countOf(owner.id()) >= settings.maxItems()) {
            throw new VezaException(
                    ErrorCode.CONFLICT, "You keep " + settings.maxItems() + " items already; remove one first.");
        }
        return gear.insert(owner.id(), fields);
    }

    public GearItem get(CurrentUser owner, UUID id) {
        return gear.find(id, owner.id()).orElseThrow(() -> VezaException.notFound("Gear item " + id));
    }

    public CursorPage<GearItem> mine(CurrentUser owner, Cursor after, int limit) {
        return CursorPage.of(
                gear.page(owner.id(), after, limit + 1), limit, item -> new Cursor(item.createdAt(), item.id()));
    }

    /** All of one person's gear, newest first; there are at most {@code GEAR_MAX_ITEMS}. */
    public java.util.List<GearItem> all(CurrentUser owner) {
        return gear.page(owner.id(), null, settings.maxItems());
    }

    /** How many days before its end a warranty counts as ending soon (and its owner is warned). */
    public int warrantyNoticeDays() {
        return settings.warrantyNoticeDays();
    }

    @Transactional
    public GearItem replace(CurrentUser owner, UUID id, GearItem.Fields fields) {
        check(fields);
        return gear.update(id, owner.id(), fields).orElseThrow(() -> VezaException.notFound("Gear item " + id));
    }

    public void remove(CurrentUser owner, UUID id) {
        if (!gear.delete(id, owner.id())) {
            throw VezaException.notFound("Gear item " + id);
        }
    }

    private static void check(GearItem.Fields fields) {
        if ((fields.purchasePriceMinor() == null) != (fields.currency() == null)) {
            throw VezaException.invalid("purchase_price", "needs both an amount and a currency");
        }
        if (fields.warrantyEnd() != null
                && fields.purchaseDate() != null
                && fields.warrantyEnd().isBefore(fields.purchaseDate())) {
            throw VezaException.invalid("warranty_end", "must not be before the purchase date");
        }
    }
}

package org.kontor.inventory;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kontor.masterdata.MasterDataService;
import org.kontor.masterdata.Product;
import org.kontor.platform.web.BadRequestException;
import org.kontor.platform.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock per SKU. Every change of on-hand stock is a {@link StockMovement}; nothing is overwritten silently. */
@Service
public class InventoryService {

    private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

    private final StockRepository stock;
    private final MasterDataService masterData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InventoryService(StockRepository stock, MasterDataService masterData, ApplicationEventPublisher events, Clock clock) {
        this.stock = stock;
        this.clock = clock;
        this.masterData = masterData;
        this.events = events;
    }

    public StockLevel level(String sku) {
        Product product = masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku));
        StockRepository.Level level = stock.find(product.sku()).orElse(new StockRepository.Level(0, 0));
        return new StockLevel(product.sku(), level.onHand(), level.reserved(), level.onHand() - level.reserved(),
                product.reorderPoint());
    }

    /** A goods receipt: raises on-hand stock and lets waiting back-orders know. */
    @Transactional
    public StockLevel receive(String sku, int quantity, String reference, String actor) {
        requirePositive(quantity);
        Product product = masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku));
        stock.move(product.sku(), quantity, MovementType.RECEIPT, "goods receipt", reference, actor);
        StockLevel level = level(product.sku());
        log.info("Goods receipt of {} x {} by {} (reference {}), available now {}", quantity, sku, actor, reference,
                level.available());
        events.publishEvent(new StockReceivedEvent(product.sku(), quantity, level.available()));
        return level;
    }

    /**
     * Opening stock of a SKU that has never moved; does nothing for one that has, so that loading demo data
     * twice (or on a second cluster node) cannot double the stock.
     */
    @Transactional
    public boolean openingStock(String sku, int quantity, String actor) {
        Product product = masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku));
        if (quantity < 0) {
            throw new BadRequestException("Opening stock cannot be negative.");
        }
        if (stock.hasMovements(product.sku())) {
            return false;
        }
        return stock.move(product.sku(), quantity, MovementType.OPENING, "opening stock", null, actor);
    }

    /** A correction of on-hand stock (counting, damage), signed; never below what is reserved. */
    @Transactional
    public StockLevel adjust(String sku, int delta, String reason, String reference, String actor) {
        Product product = masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku));
        if (delta == 0) {
            return level(product.sku());
        }
        if (!stock.move(product.sku(), delta, MovementType.ADJUSTMENT, reason, reference, actor)) {
            throw new ConflictException("Adjusting " + sku + " by " + delta + " would leave less on hand than is reserved.");
        }
        return level(product.sku());
    }

    /**
     * Reserves up to {@code quantity} of a SKU for an order and returns how much it got; the rest is for
     * the caller to back-order. Joins the caller's transaction, so an order reserving several SKUs does
     * it atomically (callers lock SKUs in a fixed order to avoid deadlocks).
     */
    @Transactional
    public int reserve(String sku, int quantity, String orderId) {
        requirePositive(quantity);
        // a SKU with a stock row is a product (foreign key): only a SKU without one needs the catalogue
        int reserved = stock.reserveIfStocked(sku, quantity).orElseGet(() -> stock.reserveUpTo(
                masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku)).sku(), quantity));
        log.debug("Order {}: reserved {} of {} x {}", orderId, reserved, quantity, sku);
        return reserved;
    }

    @Transactional
    public void release(String sku, int quantity, String orderId) {
        if (quantity > 0) {
            stock.release(sku, quantity);
            log.info("Order {}: released reservation of {} x {}", orderId, quantity, sku);
        }
    }

    /** Reserved stock leaves the warehouse with a delivered order: the reservation and on-hand stock go down. */
    @Transactional
    public void ship(String sku, int quantity, String orderId, String actor) {
        if (quantity <= 0) {
            return;
        }
        stock.release(sku, quantity);
        if (!stock.move(sku, -quantity, MovementType.SHIPMENT, "delivered", orderId, actor)) {
            throw new ConflictException("Shipping " + quantity + " x " + sku + " for order " + orderId
                    + " would leave less on hand than is reserved.");
        }
        log.info("Order {}: shipped {} x {}", orderId, quantity, sku);
    }

    /** A counted quantity to post: what was found at {@code countedAt}, why, and who decided it. */
    public record CountCorrection(String sku, int countedQuantity, LocalDateTime countedAt, String reason, String actor) {
    }

    /**
     * What posting a count did to one SKU: the book stock at counting time, the correction moved, and
     * whether it was posted (not when the counted stock plus the movements since would fall below reserved).
     */
    public record CountPosting(String sku, int expected, int delta, boolean posted, int onHandAfter) {
    }

    /**
     * Book stock of each SKU at {@code at}: on hand now minus the physical movements since (SKUs that never
     * had stock: 0). This is what a count taken at {@code at} is compared with.
     */
    public Map<String, Integer> bookStockAt(Collection<String> skus, LocalDateTime at) {
        Map<String, Integer> expected = new HashMap<>();
        stock.book(skus, at).forEach((sku, book) -> expected.put(sku, book.onHand() - book.movedSince()));
        skus.forEach(sku -> expected.putIfAbsent(sku, 0));
        return expected;
    }

    /** On-hand and reserved stock of one SKU. */
    public record OnHand(int onHand, int reserved) {
        public int available() {
            return onHand - reserved;
        }
    }

    /** Current stock of many SKUs at once (a few hundred per call; SKUs never stocked: 0). */
    public Map<String, OnHand> onHand(Collection<String> skus) {
        Map<String, OnHand> levels = new HashMap<>();
        stock.levels(skus).forEach((sku, l) -> levels.put(sku, new OnHand(l.onHand(), l.reserved())));
        skus.forEach(sku -> levels.putIfAbsent(sku, new OnHand(0, 0)));
        return levels;
    }

    /**
     * Posts counted quantities as {@link MovementType#COUNT_ADJUSTMENT} movements. The stock rows are locked
     * first, then the book stock at counting time is worked out again (receipts or shipments since the count
     * are thus allowed for, whenever they happened) and only the difference is moved: stock is never
     * overwritten. Callers pass a few hundred SKUs per call; the locks last until the transaction ends.
     */
    @Transactional
    public List<CountPosting> postCounts(List<CountCorrection> counts, String reference) {
        List<String> skus = counts.stream().map(CountCorrection::sku).toList();
        stock.lock(skus);
        Map<LocalDateTime, Map<String, StockRepository.Book>> booksByTime = new HashMap<>();
        List<StockRepository.Move> moves = new ArrayList<>();
        List<Integer> moveIndex = new ArrayList<>();
        CountPosting[] postings = new CountPosting[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            CountCorrection count = counts.get(i);
            StockRepository.Book book = booksByTime.computeIfAbsent(count.countedAt(), at -> stock.book(
                            counts.stream().filter(c -> c.countedAt().equals(at)).map(CountCorrection::sku).toList(), at))
                    .getOrDefault(count.sku(), new StockRepository.Book(count.sku(), 0, 0, 0));
            int expected = book.onHand() - book.movedSince();
            int delta = count.countedQuantity() - expected;
            int after = book.onHand() + delta;
            if (after < book.reserved() || after < 0) {
                postings[i] = new CountPosting(count.sku(), expected, delta, false, book.onHand());
            } else {
                postings[i] = new CountPosting(count.sku(), expected, delta, true, after);
                if (delta != 0) {
                    moves.add(new StockRepository.Move(count.sku(), delta, MovementType.COUNT_ADJUSTMENT,
                            count.reason(), reference, count.actor()));
                    moveIndex.add(i);
                }
            }
        }
        boolean[] applied = stock.moveAll(moves);
        for (int j = 0; j < applied.length; j++) {
            if (!applied[j]) {
                // cannot happen while the rows are locked; kept so a broken guard never reports a phantom posting
                CountPosting p = postings[moveIndex.get(j)];
                postings[moveIndex.get(j)] = new CountPosting(p.sku(), p.expected(), p.delta(), false, p.onHandAfter() - p.delta());
            }
        }
        long posted = moves.size();
        if (posted > 0) {
            log.info("Count {}: {} SKUs checked, {} corrections posted", reference, counts.size(), posted);
        }
        return List.of(postings);
    }

    public List<StockMovement> movements(String sku, int limit) {
        Product product = masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku));
        return stock.movements(product.sku(), Math.min(Math.max(limit, 1), 1000));
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new BadRequestException("quantity must be a positive whole number, was " + quantity + ".");
        }
    }
}

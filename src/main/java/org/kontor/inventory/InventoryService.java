package org.kontor.inventory;

import java.util.List;
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

    InventoryService(StockRepository stock, MasterDataService masterData, ApplicationEventPublisher events) {
        this.stock = stock;
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
        Product product = masterData.product(sku).orElseThrow(() -> new UnknownSkuException(sku));
        int reserved = stock.reserveUpTo(product.sku(), quantity);
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
